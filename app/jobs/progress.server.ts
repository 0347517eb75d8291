// Daily nudges: one job fans out a nudge job per enrolled member (so many workers can share the
// work), then schedules tomorrow's run.
import { sql } from "kysely";
import { defineJob } from "../jobs.server";
import { DAILY_JOB, MEMBER_JOB, nextDailyRun, sendNudges } from "../models/nudge.server";

defineJob(DAILY_JOB, async (_payload, { trx, jobId }) => {
  await sql`
    insert into outbox (kind, payload)
    select ${MEMBER_JOB}, jsonb_build_object('userId', id) from users where level is not null and deleted_at is null`.execute(trx);
  const other = await trx.selectFrom("outbox").select("id").where("kind", "=", DAILY_JOB).where("done_at", "is", null).where("id", "<>", jobId).limit(1).executeTakeFirst();
  if (!other) await trx.insertInto("outbox").values({ kind: DAILY_JOB, payload: "{}", run_at: nextDailyRun() }).execute();
});

defineJob(MEMBER_JOB, async ({ userId }: { userId: number }, { trx }) => {
  await sendNudges({ trx, userId });
});
