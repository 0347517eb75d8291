// Rate limits on forms that send email or create content, kept in PostgreSQL so every web process
// counts the same attempts. Each rule is a number of attempts in a sliding window, per key (an IP
// address for visitors, a user for members). An attempt is recorded first and then counted, so two
// parallel requests can never both slip past the limit; a refused attempt is not kept.
// (Sign-in failures have their own throttle in user.server.ts; forum posts theirs in limits.server.ts;
// recruiters' contact requests a daily cap in recruiter.server.ts.)
import { sql } from "kysely";
import { db } from "../../db.server";
import { fail, type Fail } from "../shared/result";

type Rule = { max: number; windowMinutes: number };

export const RATE_RULES = {
  /** accounts created from one address (carriers put many members behind one address: generous) */
  signup: { max: 10, windowMinutes: 60 },
  /** reset emails asked from one address, and for one email address */
  resetByIp: { max: 10, windowMinutes: 60 },
  resetByEmail: { max: 3, windowMinutes: 60 },
  /** recruiter organisation applications per account */
  recruiterApply: { max: 5, windowMinutes: 24 * 60 },
  /** flags raised per member */
  flag: { max: 30, windowMinutes: 60 },
  /** profile saves and photo uploads per member (each reindexes; photos are re-encoded) */
  profileEdit: { max: 30, windowMinutes: 60 },
  photo: { max: 10, windowMinutes: 60 },
  /** images uploaded from the composer per member (each is re-encoded and stored) */
  postImage: { max: 30, windowMinutes: 60 },
  /** activity and reading log entries per member */
  logEntry: { max: 60, windowMinutes: 60 },
  /** live previews per member (one per pause in typing) */
  preview: { max: 120, windowMinutes: 1 },
  /** composer @mention / #category suggestions per member (one per pause in typing a name) */
  suggest: { max: 120, windowMinutes: 1 },
  /** forms held for a sign-in from one address (app/models/account/held-form.server.ts) */
  heldForm: { max: 20, windowMinutes: 60 },
} satisfies Record<string, Rule>;

export type RateAction = keyof typeof RATE_RULES;

/** Counts one attempt; a refusal (429) says in how many minutes to try again. */
export async function rateLimit(action: RateAction, who: string | number, now = new Date()): Promise<Fail | undefined> {
  const rule: Rule = RATE_RULES[action];
  const key = `${action}:${who}`;
  const since = new Date(now.getTime() - rule.windowMinutes * 60_000);
  const row = await db.insertInto("rate_events").values({ key, at: now }).returning("id").executeTakeFirstOrThrow();
  const seen = await db
    .selectFrom("rate_events")
    .select([sql<number>`count(*)::int`.as("n"), sql<Date>`min(at)`.as("first")])
    .where("key", "=", key)
    .where("at", ">", since)
    .executeTakeFirstOrThrow();
  if (Math.random() < 0.01)
    await db
      .deleteFrom("rate_events")
      .where("at", "<", new Date(now.getTime() - 86_400_000))
      .execute();
  if (seen.n <= rule.max) return undefined;
  await db.deleteFrom("rate_events").where("id", "=", row.id).execute();
  const freeAt = new Date(seen.first).getTime() + rule.windowMinutes * 60_000;
  const minutes = Math.max(1, Math.ceil((freeAt - now.getTime()) / 60_000));
  return fail(429, "rateLimit.tooMany", undefined, { minutes });
}

/** The key of a visitor's address (express's `req.ip`, passed in the load context). */
export const ipKey = (ip: string | undefined) => `ip:${ip || "unknown"}`;
export const userKey = (userId: number) => `user:${userId}`;
