// Learning groups: staff create a group (name, cohort dates, a named tutor, at most 20 learners);
// its private space is a forum category with the rule `group:<id>`, created in the same
// transaction. Membership feeds the viewer's groupIds / tutorGroupIds (app/viewer.server.ts).
import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import { db, type Db } from "../../db.server";
import { isModerator, type Scope } from "../permissions.server";
import { recordAudit } from "../moderation/audit.server";
import { clearCategoryCache, lockCategoriesForInsert } from "../forum/category.server";
import { fail, ok, type Result } from "../shared/result";
import { slugify } from "../shared/slug";

export const MAX_LEARNERS = 20;

/**
 * Does the learner hold a standing "ready for assessment" mark from their tutor (or staff)? Read by the assessment
 * engine.
 */
export async function isReadyForAssessment(trx: Db, userId: number): Promise<boolean> {
  const row = await trx
    .selectFrom("assessment_readiness")
    .select("id")
    .where("user_id", "=", userId)
    .where("withdrawn_at", "is", null)
    .executeTakeFirst();
  return !!row;
}

/** A user by username or email (case-insensitive), not deleted. */
async function findUser(trx: Db, login: string) {
  const v = login.trim().replace(/^@/, "").toLowerCase();
  return trx
    .selectFrom("users")
    .select(["id", "username", "display_name"])
    .where((eb) => eb.or([eb(sql`lower(username)`, "=", v), eb(sql`lower(email)`, "=", v)]))
    .where("deleted_at", "is", null)
    .executeTakeFirst();
}

type NewGroup = { adminId: number; name: string; startsOn: string; endsOn: string; tutor: string };

export async function createGroup({
  adminId,
  name,
  startsOn,
  endsOn,
  tutor,
}: NewGroup): Promise<Result<{ groupId: number; categorySlug: string }>> {
  const result = await db.transaction().execute(async (trx) => {
    const tutorRow = await findUser(trx, tutor);
    if (!tutorRow) return fail(422, "form.fixErrors", { tutor: "groups.errors.unknownUser" });
    // a tutor answers in the forum: they need an account that may post (member or staff)
    const canPost = await trx
      .selectFrom("user_roles")
      .select("role")
      .where("user_id", "=", tutorRow.id)
      .where("role", "in", ["member", "admin"])
      .executeTakeFirst();
    if (!canPost) return fail(422, "form.fixErrors", { tutor: "groups.errors.tutorNotMember" });
    // the space: a category only the group, its tutor and staff see (rule set once the id is known)
    const slug = `group-${slugify(name, 40)}-${randomBytes(2).toString("hex")}`;
    await lockCategoriesForInsert(trx);
    const category = await trx
      .insertInto("categories")
      .values({
        slug,
        name,
        description: "",
        position: 10_000,
        see_rule: "staff",
        post_rule: "staff",
        reply_rule: "staff",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const group = await trx
      .insertInto("learning_groups")
      .values({
        name,
        starts_on: startsOn,
        ends_on: endsOn,
        tutor_id: tutorRow.id,
        category_id: category.id,
        capacity: MAX_LEARNERS,
        created_by: adminId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const rule = `group:${group.id}`;
    await trx
      .updateTable("categories")
      .set({ see_rule: rule, post_rule: rule, reply_rule: rule })
      .where("id", "=", category.id)
      .execute();
    await trx
      .insertInto("user_roles")
      .values({ user_id: tutorRow.id, role: "tutor", granted_by: adminId })
      .onConflict((oc) => oc.columns(["user_id", "role"]).doNothing())
      .execute();
    await recordAudit(trx, {
      actorId: adminId,
      action: "group.create",
      targetType: "learning_group",
      targetId: group.id,
      after: { name, startsOn, endsOn, tutorId: tutorRow.id, categoryId: category.id },
    });
    return ok({ groupId: group.id, categorySlug: slug });
  });
  if (result.ok) clearCategoryCache();
  return result;
}

/** Adds a learner; the group row is locked so two additions cannot both take the 20th place. */
export async function addLearner({
  adminId,
  groupId,
  learner,
}: {
  adminId: number;
  groupId: number;
  learner: string;
}): Promise<Result<{ username: string }>> {
  return db.transaction().execute(async (trx) => {
    const group = await trx
      .selectFrom("learning_groups")
      .select(["id", "tutor_id", "capacity"])
      .where("id", "=", groupId)
      .forUpdate()
      .executeTakeFirst();
    if (!group) return fail(404, "groups.errors.notFound");
    const user = await findUser(trx, learner);
    if (!user) return fail(422, "form.fixErrors", { learner: "groups.errors.unknownUser" });
    if (user.id === group.tutor_id) return fail(422, "form.fixErrors", { learner: "groups.errors.tutorIsLearner" });
    const isMember = await trx
      .selectFrom("user_roles")
      .select("role")
      .where("user_id", "=", user.id)
      .where("role", "=", "member")
      .executeTakeFirst();
    if (!isMember) return fail(422, "form.fixErrors", { learner: "groups.errors.notMember" });
    const already = await trx
      .selectFrom("learning_group_members")
      .select("user_id")
      .where("group_id", "=", groupId)
      .where("user_id", "=", user.id)
      .executeTakeFirst();
    if (already)
      return fail(409, "groups.errors.already", { learner: "groups.errors.already" }, { name: user.display_name });
    const { n } = await trx
      .selectFrom("learning_group_members")
      .select(sql<number>`count(*)::int`.as("n"))
      .where("group_id", "=", groupId)
      .executeTakeFirstOrThrow();
    if (n >= Math.min(group.capacity, MAX_LEARNERS))
      return fail(409, "groups.errors.full", { learner: "groups.errors.full" }, { max: MAX_LEARNERS });
    await trx
      .insertInto("learning_group_members")
      .values({ group_id: groupId, user_id: user.id, added_by: adminId })
      .execute();
    await recordAudit(trx, {
      actorId: adminId,
      action: "group.addLearner",
      targetType: "learning_group",
      targetId: groupId,
      after: { userId: user.id },
    });
    return ok({ username: user.username });
  });
}

export async function removeLearner({
  adminId,
  groupId,
  userId,
}: {
  adminId: number;
  groupId: number;
  userId: number;
}) {
  return db.transaction().execute(async (trx) => {
    const gone = await trx
      .deleteFrom("learning_group_members")
      .where("group_id", "=", groupId)
      .where("user_id", "=", userId)
      .returning("user_id")
      .executeTakeFirst();
    if (gone)
      await recordAudit(trx, {
        actorId: adminId,
        action: "group.removeLearner",
        targetType: "learning_group",
        targetId: groupId,
        before: { userId },
      });
    return !!gone;
  });
}

const GROUP_COLUMNS = [
  "g.id",
  "g.name",
  "g.starts_on",
  "g.ends_on",
  "g.tutor_id",
  "g.capacity",
  "g.category_id",
  "c.slug as category_slug",
  "t.username as tutor_username",
  "t.display_name as tutor_display_name",
] as const;

function groupsQuery(conn: Db) {
  return conn
    .selectFrom("learning_groups as g")
    .innerJoin("categories as c", "c.id", "g.category_id")
    .innerJoin("users as t", "t.id", "g.tutor_id")
    .select(GROUP_COLUMNS)
    .select(
      sql<number>`(select count(*)::int from learning_group_members m where m.group_id = g.id)`.as("learner_count"),
    );
}

/** Staff: every group, newest cohort first. */
export async function listGroups() {
  return groupsQuery(db).orderBy("g.starts_on", "desc").orderBy("g.id", "desc").execute();
}

/** The groups a scope tutors (staff: all). */
export async function listTutoredGroups(scope: Scope) {
  if (!scope.userId) return [];
  let q = groupsQuery(db).orderBy("g.starts_on", "desc");
  if (!scope.isStaff) q = q.where("g.id", "in", scope.tutorGroupIds.length ? scope.tutorGroupIds : [-1]);
  return q.execute();
}

/** A learner's groups with their tutor: shown on the dashboard with "Ask your tutor". */
export async function listMyGroups(userId: number) {
  return groupsQuery(db)
    .innerJoin("learning_group_members as m", "m.group_id", "g.id")
    .where("m.user_id", "=", userId)
    .orderBy("g.starts_on", "desc")
    .execute();
}

export async function getGroup(conn: Db, groupId: number) {
  return groupsQuery(conn).where("g.id", "=", groupId).executeTakeFirst();
}

/** Tutor of the group or staff: the ones who may see learners' summaries and mark readiness. */
export const canTutorGroup = (scope: Scope, groupId: number) => isModerator(scope, { see_rule: `group:${groupId}` });

export async function listLearners(groupId: number) {
  return db
    .selectFrom("learning_group_members as m")
    .innerJoin("users as u", "u.id", "m.user_id")
    .select(["u.id", "u.username", "u.display_name", "u.level", "m.joined_at"])
    .where("m.group_id", "=", groupId)
    .orderBy("u.display_name")
    .execute();
}

/** Staff to notify (appeals routed to them, breached questions): every admin account still open. */
export async function listStaffRecipients(trx: Db) {
  return trx
    .selectFrom("users")
    .innerJoin("user_roles", "user_roles.user_id", "users.id")
    .select(["users.id", "users.locale"])
    .where("user_roles.role", "=", "admin")
    .where("users.deleted_at", "is", null)
    .execute();
}
