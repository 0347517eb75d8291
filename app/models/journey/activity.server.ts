// Activities members log (conferences, meet-ups, trainings, webinars...). They count toward the
// activities requirement at once, unless the requirement asks staff to approve them first.
import { sql } from "kysely";
import { db } from "../../db.server";
import type { ActivityInput } from "../moderation/logs.schema";
import { ok, type Result } from "../shared/result";
import { reviewCpdSoon } from "./cpd/cpd.server";

/** Does the member's current level ask staff to approve activities before they count? */
async function activitiesNeedApproval(userId: number): Promise<boolean> {
  const row = await db
    .selectFrom("users as u")
    .innerJoin("level_requirements as r", (j) =>
      j.onRef("r.level", "=", "u.level").on("r.kind", "=", "activities").on("r.archived_at", "is", null),
    )
    .select(sql<boolean>`bool_or((r.params->>'requireApproval')::boolean)`.as("need"))
    .where("u.id", "=", userId)
    .executeTakeFirst();
  return !!row?.need;
}

export async function createActivity({
  userId,
  input,
}: {
  userId: number;
  input: ActivityInput;
}): Promise<Result<{ id: number; status: string }>> {
  const status = (await activitiesNeedApproval(userId)) ? "pending" : "approved";
  const row = await db.transaction().execute(async (trx) => {
    const entry = await trx
      .insertInto("activities")
      .values({
        user_id: userId,
        kind: input.kind,
        title: input.title,
        occurred_on: input.occurredOn,
        organiser: input.organiser,
        evidence_url: input.evidenceUrl ?? null,
        reflection: input.reflection,
        status,
      })
      .returning(["id", "status"])
      .executeTakeFirstOrThrow();
    await reviewCpdSoon(trx, userId);
    return entry;
  });
  return ok({ id: row.id, status: row.status });
}

export async function listActivities({ userId }: { userId: number }) {
  return db
    .selectFrom("activities")
    .select([
      "id",
      "kind",
      "title",
      "occurred_on",
      "organiser",
      "evidence_url",
      "reflection",
      "status",
      "decision_reason",
    ])
    .where("user_id", "=", userId)
    .orderBy("occurred_on", "desc")
    .orderBy("id", "desc")
    .limit(200)
    .execute();
}

export async function deleteActivity({ userId, id }: { userId: number; id: number }) {
  await db.deleteFrom("activities").where("id", "=", id).where("user_id", "=", userId).execute();
}
