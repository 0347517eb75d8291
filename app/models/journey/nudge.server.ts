// Nudges: 14 and 3 days before a period closes with a duty unmet, and once when a requirement
// becomes met. Computed from the member's standing at `now`; idempotent through notification
// source keys, so a daily run that repeats (or catches up) never notifies twice.
import type { Db } from "../../db.server";
import { sharedI18n } from "../../i18n";
import { localeOfUser } from "../account/recipient-language.server";
import { notify } from "../account/notification.server";
import { getStanding } from "./progress/index.server";
import { message, worded, type NotificationMessage } from "../account/notification-text";
import { requirementLabel, type LabelSource } from "./requirement-label";

export type Nudge = {
  userId: number;
  requirementId: number;
  kind: "closing14" | "closing3" | "met";
  sourceKey: string;
  text: NotificationMessage;
  message: string;
};

/** The label the member reads on /progress (generated from the thresholds), in both languages. */
const labelOf = (r: LabelSource) => ({
  text: requirementLabel(sharedI18n("en").t, r, "en"),
  text_fr: requirementLabel(sharedI18n("fr").t, r, "fr"),
});

function daysBetween(from: string, to: string) {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export async function computeNudges(
  conn: Db,
  { userId, now = new Date() }: { userId: number; now?: Date },
): Promise<Nudge[]> {
  const standing = await getStanding(conn, { userId, now, itemLimit: 0 });
  if (!standing?.level || !standing.periods) return [];
  // stored as message keys (worded when read); `message` is the wording in the member's language now
  const locale = await localeOfUser(conn, userId);
  const t = sharedI18n(locale).t;
  const out: Nudge[] = [];
  const push = (n: Omit<Nudge, "message">) => out.push({ ...n, message: worded(t, n.text, locale) ?? "" });
  const today = standing.periods.today;
  const levelKey = `${standing.level.number}@${standing.level.enteredOn}`;
  for (const r of standing.requirements) {
    const p = r.progress;
    const periodStart =
      p.period === "year"
        ? standing.periods.year.start
        : p.period === "trimester"
          ? standing.periods.trimester.start
          : "level";
    if (p.status === "met") {
      const text = message("progress.nudge.met", { label: labelOf(r) });
      push({
        userId,
        requirementId: r.id,
        kind: "met",
        sourceKey: `progress:met:${r.id}:${levelKey}:${periodStart}`,
        text,
      });
      continue;
    }
    if (r.phase !== "duty" || !p.dueBy || (p.period !== "year" && p.period !== "trimester")) continue;
    // days until the period closes (at midnight after dueBy, member's time)
    const left = daysBetween(today, p.dueBy) + 1;
    if (left > 14) continue;
    const kind = left <= 3 ? "closing3" : "closing14";
    const missing = p.required - p.done;
    const key = r.kind === "books" ? "books" : r.kind === "activities" ? "activities" : "other";
    push({
      userId,
      requirementId: r.id,
      kind,
      sourceKey: `progress:${kind}:${r.id}:${levelKey}:${periodStart}`,
      text: message(`progress.nudge.${key}`, {
        ...{ count: missing, done: p.done, date: { day: p.dueBy } },
        label: labelOf(r),
      }),
    });
  }
  return out;
}

/** Sends a member's due nudges (inside the job's transaction). */
export async function sendNudges(trx: Db, { userId, now = new Date() }: { userId: number; now?: Date }) {
  const nudges = await computeNudges(trx, { userId, now });
  let sent = 0;
  for (const n of nudges) {
    const id = await notify(trx, {
      userId,
      kind: "progress",
      sourceKey: n.sourceKey,
      data: { text: n.text, url: "/progress" },
    });
    if (id) sent++;
  }
  return sent;
}

/** The next daily run: 05:00 UTC (early morning across Africa). */
export function nextDailyRun(now = new Date()) {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 5, 0, 0));
  if (d <= now) d.setUTCDate(d.getUTCDate() + 1);
  return d;
}
