// The CPD rules as a pure function of dated points (browser-safe, unit-tested): a credential's CPD
// years run from its award day's anniversaries (member's local days); each judged year asks for
// `required` points. A year that ends short lapses the credential on the next anniversary; points
// earned afterwards pay the shortfall first (at most one year's worth is owed) and reinstate it on
// the day they do. Years that began before the policy's `countsFrom` are not judged.

export type CpdPoint = { on: string; points: number };
export type CpdTransition = { event: "lapsed" | "reinstated"; on: string; points: number };

export type CpdJudgement = {
  status: "active" | "lapsed";
  /** the day it lapsed (when lapsed) */
  lapsedOn: string | null;
  /** points still owed to a missed year (lapsed only) */
  owed: number;
  required: number;
  /** points counting toward the current CPD year (after any owed were paid) */
  pointsThisYear: number;
  year: { start: string; last: string; next: string };
  /** false: the current year began before the policy counted, so it cannot lapse at its end */
  judged: boolean;
  /** the day the credential lapses unless the year's points are reached (null: met, not judged or lapsed) */
  nextLapseOn: string | null;
  transitions: CpdTransition[];
};

const DAY = 86_400_000;
const asDate = (day: string) => new Date(`${day}T00:00:00Z`);
const asDay = (d: Date) => d.toISOString().slice(0, 10);

/** `day` plus `years` calendar years; 29 February falls on 28 February in common years. */
export function addYears(day: string, years: number): string {
  const [y, m, d] = day.split("-").map(Number);
  const last = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  return asDay(new Date(Date.UTC(y + years, m - 1, Math.min(d, last))));
}

export const daysBetween = (from: string, to: string) => Math.round((+asDate(to) - +asDate(from)) / DAY);
export const dayBefore = (day: string) => asDay(new Date(+asDate(day) - DAY));

export function judgeCpd({
  anchorOn,
  countsFrom,
  today,
  required,
  points,
}: {
  anchorOn: string;
  countsFrom: string;
  today: string;
  required: number;
  points: CpdPoint[];
}): CpdJudgement {
  const earnedItems = points
    .filter((p) => p.points > 0 && p.on >= anchorOn && p.on <= today)
    .sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  const transitions: CpdTransition[] = [];
  let owed = 0;
  let lapsedOn: string | null = null;
  let i = 0;
  for (let k = 0; ; k++) {
    const start = addYears(anchorOn, k);
    const next = addYears(anchorOn, k + 1);
    const judged = start >= countsFrom;
    let earned = 0;
    for (; i < earnedItems.length && earnedItems[i].on < next; i++) {
      const item = earnedItems[i];
      const pay = Math.min(owed, item.points);
      owed -= pay;
      earned += item.points - pay;
      if (pay > 0 && owed === 0 && lapsedOn) {
        transitions.push({ event: "reinstated", on: item.on, points: pay });
        lapsedOn = null;
      }
    }
    if (next > today) {
      const met = earned >= required;
      return {
        status: lapsedOn ? "lapsed" : "active",
        lapsedOn,
        owed,
        required,
        pointsThisYear: earned,
        year: { start, last: dayBefore(next), next },
        judged,
        nextLapseOn: judged && !lapsedOn && !met ? next : null,
        transitions,
      };
    }
    if (!judged) continue;
    // one year's worth at most: reinstatement stays within reach after several missed years
    owed = Math.min(required, owed + Math.max(0, required - earned));
    if (owed > 0 && !lapsedOn) {
      lapsedOn = next;
      transitions.push({ event: "lapsed", on: next, points: earned });
    }
  }
}
