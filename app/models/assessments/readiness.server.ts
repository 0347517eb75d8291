// "Ready for assessment": the tutor marks a learner ready (with a note) from their forum
// activity, summarised here. The assessment engine reads the mark through isReadyForAssessment.
import { sql, type SqlBool } from "kysely";
import { db, type Db } from "../../db.server";
import { message } from "../account/notification-text";
import type { Scope } from "../permissions.server";
import { recordAudit } from "../moderation/audit.server";
import { visibleCategoryIds } from "../forum/category.server";
import { canTutorGroup, isReadyForAssessment } from "../groups/learning-group.server";
import { notify } from "../account/notification.server";
import { fail, ok, type Result } from "../shared/result";

async function learnerInGroup(trx: Db, groupId: number, userId: number) {
  return trx
    .selectFrom("learning_group_members as m")
    .innerJoin("users as u", "u.id", "m.user_id")
    .select(["u.id", "u.locale", "u.display_name"])
    .where("m.group_id", "=", groupId)
    .where("m.user_id", "=", userId)
    .executeTakeFirst();
}

type Mark = { scope: Scope; groupId: number; userId: number; note: string };

export async function markReady({ scope, groupId, userId, note }: Mark): Promise<Result<{ name: string }>> {
  if (!scope.userId || !canTutorGroup(scope, groupId)) return fail(403, "readiness.errors.notTutor");
  const actorId = scope.userId;
  return db.transaction().execute(async (trx) => {
    // one mark at a time per learner
    await trx.selectFrom("users").select("id").where("id", "=", userId).forNoKeyUpdate().execute();
    const learner = await learnerInGroup(trx, groupId, userId);
    if (!learner) return fail(404, "readiness.errors.notLearner");
    if (await isReadyForAssessment(trx, userId))
      return fail(409, "readiness.errors.already", undefined, { name: learner.display_name });
    const row = await trx
      .insertInto("assessment_readiness")
      .values({ user_id: userId, group_id: groupId, note, marked_by: actorId })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actorId,
      action: "readiness.mark",
      targetType: "user",
      targetId: userId,
      after: { groupId, note },
    });
    await notify(trx, {
      userId,
      kind: "progress",
      actorId,
      data: { text: message("readiness.notifyReady"), href: "/progress" },
      sourceKey: `readiness:${row.id}`,
    });
    return ok({ name: learner.display_name });
  });
}

export async function withdrawReadiness({
  scope,
  groupId,
  userId,
}: {
  scope: Scope;
  groupId: number;
  userId: number;
}): Promise<Result<{ name: string }>> {
  if (!scope.userId || !canTutorGroup(scope, groupId)) return fail(403, "readiness.errors.notTutor");
  const actorId = scope.userId;
  return db.transaction().execute(async (trx) => {
    const learner = await learnerInGroup(trx, groupId, userId);
    if (!learner) return fail(404, "readiness.errors.notLearner");
    const gone = await trx
      .updateTable("assessment_readiness")
      .set({ withdrawn_at: new Date(), withdrawn_by: actorId })
      .where("user_id", "=", userId)
      .where("withdrawn_at", "is", null)
      .returning("id")
      .executeTakeFirst();
    if (gone)
      await recordAudit(trx, {
        actorId,
        action: "readiness.withdraw",
        targetType: "user",
        targetId: userId,
        before: { readinessId: gone.id },
      });
    return ok({ name: learner.display_name });
  });
}

/**
 * Each learner's forum activity for the tutor: posts and distinct topics in the categories the
 * tutor may see (visible posts only; private threads add nothing), what they wrote in the group
 * space, questions asked, last post, and the readiness mark.
 */
export async function listLearnerActivity({
  scope,
  groupId,
  categoryId,
}: {
  scope: Scope;
  groupId: number;
  categoryId: number;
}) {
  const { open } = await visibleCategoryIds(scope);
  const seen = scope.isStaff
    ? sql<SqlBool>`true`
    : open.length
      ? sql<SqlBool>`t.category_id = any(${open}::int[]) and not t.unlisted`
      : sql<SqlBool>`false`;
  const rows = await sql<{
    id: number;
    username: string;
    display_name: string;
    level: number | null;
    posts: number;
    topics: number;
    group_posts: number;
    group_topics: number;
    questions: number;
    last_post_at: Date | null;
    ready_note: string | null;
    ready_at: Date | null;
    ready_by: string | null;
  }>`
    select u.id, u.username, u.display_name, u.level,
      coalesce(a.posts, 0)::int as posts, coalesce(a.topics, 0)::int as topics,
      coalesce(a.group_posts, 0)::int as group_posts, coalesce(a.group_topics, 0)::int as group_topics,
      (select count(*)::int from tutor_questions q where q.group_id = ${groupId} and q.asked_by = u.id) as questions,
      a.last_post_at, r.note as ready_note, r.marked_at as ready_at, mb.display_name as ready_by
    from learning_group_members m
    join users u on u.id = m.user_id
    left join lateral (
      select count(*) as posts, count(distinct p.topic_id) as topics,
        count(*) filter (where t.category_id = ${categoryId}) as group_posts,
        count(*) filter (where t.category_id = ${categoryId} and p.post_number = 1) as group_topics,
        max(p.created_at) as last_post_at
      from posts p join topics t on t.id = p.topic_id
      where p.user_id = u.id and p.deleted_at is null and p.hidden_at is null and t.deleted_at is null and ${seen}
    ) a on true
    left join assessment_readiness r on r.user_id = u.id and r.withdrawn_at is null
    left join users mb on mb.id = r.marked_by
    where m.group_id = ${groupId}
    order by u.display_name`.execute(db);
  const recent = await sql<{
    user_id: number;
    topic_id: number;
    slug: string;
    title: string;
    post_number: number;
    created_at: Date;
  }>`
    select x.user_id, x.topic_id, x.slug, x.title, x.post_number, x.created_at from (
      select p.user_id, p.topic_id, t.slug, t.title, p.post_number, p.created_at,
        row_number() over (partition by p.user_id order by p.created_at desc) as n
      from posts p join topics t on t.id = p.topic_id
      join learning_group_members m on m.user_id = p.user_id and m.group_id = ${groupId}
      where t.category_id = ${categoryId} and p.deleted_at is null and p.hidden_at is null and t.deleted_at is null
    ) x where x.n <= 3 order by x.created_at desc`.execute(db);
  return rows.rows.map((r) => ({ ...r, recent: recent.rows.filter((p) => p.user_id === r.id) }));
}
