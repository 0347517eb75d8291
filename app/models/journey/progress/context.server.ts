// The evaluation context: who, since when, and the member's current periods, computed in SQL in
// the member's time zone (calendar year; trimesters Jan-Apr, May-Aug, Sep-Dec).
import { sql, type RawBuilder } from "kysely";
import type { Db } from "../../../db.server";

export type Period = {
  /** first day, YYYY-MM-DD (local) */
  start: string;
  /** first day of the next period (exclusive), YYYY-MM-DD (local) */
  next: string;
  /** last day (inclusive), YYYY-MM-DD (local) */
  last: string;
  /** the same bounds as instants, for timestamptz columns */
  startAt: Date;
  nextAt: Date;
};

export type Periods = {
  today: string;
  year: Period;
  prevYear: Period;
  trimester: Period & { index: number };
  prevTrimester: Period;
};

export type EvalContext = {
  db: Db;
  userId: number;
  level: number;
  enteredAt: Date;
  /** local date the member entered the level */
  enteredOn: string;
  timeZone: string;
  now: Date;
  periods: Periods;
  itemLimit: number;
  /** the requirement being evaluated (kinds whose records belong to one requirement: a portfolio) */
  requirement?: { id: number; key: string };
};

type Row = {
  today: string;
  entered_on: string;
  y0: string;
  y1: string;
  y_1: string;
  t0: string;
  t1: string;
  t_1: string;
  y0_at: Date;
  y1_at: Date;
  y_1_at: Date;
  t0_at: Date;
  t1_at: Date;
  t_1_at: Date;
  t_index: number;
};

export type PeriodRow = Row;

/**
 * The member's periods as a query over their time zone and level entry, which may be column
 * references (so the member lookup computes them in the same statement) or values.
 */
export function periodsQuery({
  now,
  timeZone,
  enteredAt,
}: {
  now: Date;
  timeZone: RawBuilder<unknown> | string;
  enteredAt: RawBuilder<unknown> | Date;
}) {
  const tz = typeof timeZone === "string" ? sql`${timeZone}::text` : timeZone;
  const entered = enteredAt instanceof Date ? sql`${enteredAt}::timestamptz` : enteredAt;
  return sql<Row>`
    select
      b.ts::date as today,
      (${entered} at time zone ${tz})::date as entered_on,
      b.y0::date as y0, (b.y0 + interval '1 year')::date as y1, (b.y0 - interval '1 year')::date as y_1,
      b.t0::date as t0, (b.t0 + interval '4 months')::date as t1, (b.t0 - interval '4 months')::date as t_1,
      b.y0 at time zone ${tz} as y0_at,
      (b.y0 + interval '1 year') at time zone ${tz} as y1_at,
      (b.y0 - interval '1 year') at time zone ${tz} as y_1_at,
      b.t0 at time zone ${tz} as t0_at,
      (b.t0 + interval '4 months') at time zone ${tz} as t1_at,
      (b.t0 - interval '4 months') at time zone ${tz} as t_1_at,
      ((extract(month from b.t0)::int - 1) / 4 + 1) as t_index
    from (
      select l.ts, date_trunc('year', l.ts) as y0,
        make_timestamp(extract(year from l.ts)::int, ((extract(month from l.ts)::int - 1) / 4) * 4 + 1, 1, 0, 0, 0)
          as t0
      from (select (${now}::timestamptz at time zone ${tz}) as ts) l
    ) b`;
}

export function toPeriods(r: Row): { periods: Periods; enteredOn: string } {
  const dayBefore = (d: string) => {
    const x = new Date(`${d}T00:00:00Z`);
    x.setUTCDate(x.getUTCDate() - 1);
    return x.toISOString().slice(0, 10);
  };
  const period = (start: string, next: string, startAt: Date, nextAt: Date): Period => ({
    start,
    next,
    last: dayBefore(next),
    startAt,
    nextAt,
  });
  const periods: Periods = {
    today: r.today,
    year: period(r.y0, r.y1, r.y0_at, r.y1_at),
    prevYear: period(r.y_1, r.y0, r.y_1_at, r.y0_at),
    trimester: { ...period(r.t0, r.t1, r.t0_at, r.t1_at), index: r.t_index },
    prevTrimester: period(r.t_1, r.t0, r.t_1_at, r.t0_at),
  };
  return { periods, enteredOn: r.entered_on };
}

export async function computePeriods(
  db: Db,
  { timeZone, now, enteredAt }: { timeZone: string; now: Date; enteredAt: Date },
) {
  const { rows } = await periodsQuery({ now, timeZone, enteredAt }).execute(db);
  return toPeriods(rows[0]);
}
