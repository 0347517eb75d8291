// Levels and their requirements as data: staff edit labels and thresholds here; every change is
// audited and applies to everyone's progress from the next evaluation.
import { sql } from "kysely";
import { db } from "../../db.server";
import { recordAudit } from "../moderation/audit.server";
import { requirementColumns } from "./progress/index.server";
import { randomUUID } from "node:crypto";
import { DEFAULT_PARAMS, isRequirementKind, parseParams, type RequirementKind } from "./requirement.schema";
import { fail, ok, type Result } from "../shared/result";

export async function listLevels() {
  return db
    .selectFrom("levels")
    .select([
      "number",
      "slug",
      "name",
      "name_fr",
      "short_name",
      "short_name_fr",
      "badge_inscription",
      "entry_conditions",
    ])
    .orderBy("number")
    .execute();
}

export async function listRequirementsForAdmin() {
  const [levels, requirements, routes, designations] = await Promise.all([
    listLevels(),
    db
      .selectFrom("level_requirements")
      .select([...requirementColumns, "designation", "updated_at"])
      .where("archived_at", "is", null)
      .orderBy("level")
      .orderBy("position")
      .orderBy("id")
      .execute(),
    db
      .selectFrom("requirement_routes")
      .select(["id", "key", "level", "designation", "name", "name_fr"])
      .where("archived_at", "is", null)
      .orderBy("position")
      .orderBy("id")
      .execute(),
    db
      .selectFrom("designation_types")
      .select(["code", "name", "name_fr", "min_level"])
      .where("archived_at", "is", null)
      .orderBy("position")
      .orderBy("code")
      .execute(),
  ]);
  const typed = requirements.map((r) => ({ ...r, params: r.params as Record<string, unknown> }));
  const withRoutes = (mine: typeof typed, of: typeof routes) => ({
    requirements: mine.filter((r) => !r.route_id),
    routes: of.map((route) => ({ ...route, requirements: mine.filter((r) => r.route_id === route.id) })),
  });
  return {
    levels: levels.map((l) => ({
      ...l,
      ...withRoutes(
        typed.filter((r) => r.level === l.number),
        routes.filter((r) => r.level === l.number),
      ),
    })),
    designations: designations.map((d) => ({
      ...d,
      ...withRoutes(
        typed.filter((r) => r.designation === d.code),
        routes.filter((r) => r.designation === d.code),
      ),
    })),
  };
}

/** A new route (an "all of" group) beside a level's or a designation's other routes; audited. */
export async function createRoute({
  adminId,
  target,
  name,
  nameFr,
}: {
  adminId: number;
  target: string;
  name: string;
  nameFr: string | null;
}): Promise<Result<{ id: number }>> {
  const [kind, value] = target.split(":");
  const where = kind === "level" ? { level: Number(value), designation: null } : { level: null, designation: value };
  return db.transaction().execute(async (trx) => {
    const exists =
      kind === "level"
        ? await trx.selectFrom("levels").select("number").where("number", "=", Number(value)).executeTakeFirst()
        : await trx.selectFrom("designation_types").select("code").where("code", "=", value).executeTakeFirst();
    if (!exists) return fail(404, "credentialRoutes.admin.errors.target");
    const position = await trx
      .selectFrom("requirement_routes")
      .select(sql<number>`count(*)::int + 1`.as("n"))
      .executeTakeFirstOrThrow();
    const row = await trx
      .insertInto("requirement_routes")
      .values({
        key: `${kind === "level" ? `l${value}` : value.toLowerCase()}-route-${randomUUID().slice(0, 8)}`,
        ...where,
        name,
        name_fr: nameFr,
        position: position.n,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actorId: adminId,
      action: "route.create",
      targetType: "requirement_route",
      targetId: row.id,
      after: { target, name, name_fr: nameFr },
    });
    return ok({ id: row.id });
  });
}

export async function updateRoute({
  adminId,
  id,
  name,
  nameFr,
}: {
  adminId: number;
  id: number;
  name: string;
  nameFr: string | null;
}): Promise<Result<{ id: number }>> {
  return db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom("requirement_routes")
      .select(["name", "name_fr"])
      .where("id", "=", id)
      .forUpdate()
      .executeTakeFirst();
    if (!before) return fail(404, "credentialRoutes.admin.errors.target");
    await trx
      .updateTable("requirement_routes")
      .set({ name, name_fr: nameFr, updated_at: sql<Date>`now()` })
      .where("id", "=", id)
      .execute();
    await recordAudit(trx, {
      actorId: adminId,
      action: "route.update",
      targetType: "requirement_route",
      targetId: id,
      before,
      after: { name, name_fr: nameFr },
    });
    return ok({ id });
  });
}

/** A requirement of `kind` added to a route, with starting thresholds staff then set in its own form. */
export async function addRouteRequirement({
  adminId,
  routeId,
  kind,
}: {
  adminId: number;
  routeId: number;
  kind: RequirementKind;
}): Promise<Result<{ id: number }>> {
  return db.transaction().execute(async (trx) => {
    const route = await trx
      .selectFrom("requirement_routes")
      .select(["id", "key", "level", "designation"])
      .where("id", "=", routeId)
      .where("archived_at", "is", null)
      .forUpdate()
      .executeTakeFirst();
    if (!route) return fail(404, "credentialRoutes.admin.errors.target");
    const params = DEFAULT_PARAMS[kind];
    const position = await trx
      .selectFrom("level_requirements")
      .select(sql<number>`coalesce(max(position), 0)::int + 1`.as("n"))
      .executeTakeFirstOrThrow();
    const row = await trx
      .insertInto("level_requirements")
      .values({
        key: `${route.key}-${kind}-${randomUUID().slice(0, 8)}`,
        level: route.level,
        designation: route.designation,
        route_id: route.id,
        kind,
        phase: "completion",
        label: kind,
        params: JSON.stringify(params),
        position: position.n,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actorId: adminId,
      action: "requirement.create",
      targetType: "level_requirement",
      targetId: row.id,
      after: { route: route.key, kind, params },
    });
    return ok({ id: row.id });
  });
}

type RequirementEdit = {
  adminId: number;
  id: number;
  label: string;
  /** undefined: the French label stays as it is */
  labelFr?: string | null;
  params: unknown;
};

export async function updateRequirement({
  adminId,
  id,
  label,
  labelFr,
  params,
}: RequirementEdit): Promise<Result<{ id: number }>> {
  return db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom("level_requirements")
      .select(["id", "kind", "label", "label_fr", "params"])
      .where("id", "=", id)
      .forUpdate()
      .executeTakeFirst();
    if (!before || !isRequirementKind(before.kind)) return fail(404, "errors.notFound");
    const parsed = parseParams(before.kind, params);
    if (!parsed.success) {
      const fields: Record<string, string> = {};
      for (const issue of parsed.error.issues)
        fields[`param.${String(issue.path[0] ?? "")}`] ??= issue.message.startsWith("admin.")
          ? issue.message
          : "admin.requirements.errors.invalid";
      return fail(400, "form.fixErrors", fields);
    }
    await trx
      .updateTable("level_requirements")
      .set({
        label,
        label_fr: labelFr === undefined ? before.label_fr : labelFr,
        params: JSON.stringify(parsed.data),
        updated_at: sql<Date>`now()`,
      })
      .where("id", "=", id)
      .execute();
    await recordAudit(trx, {
      actorId: adminId,
      action: "requirement.update",
      targetType: "level_requirement",
      targetId: id,
      before: { label: before.label, label_fr: before.label_fr, params: before.params },
      after: { label, label_fr: labelFr === undefined ? before.label_fr : labelFr, params: parsed.data },
    });
    return ok({ id });
  });
}

export async function listRequirementAudit() {
  return db
    .selectFrom("audit_log as a")
    .leftJoin("users as u", "u.id", "a.actor_id")
    .select(["a.id", "a.action", "a.target_id", "a.at", "a.before", "a.after", "u.username"])
    .where("a.target_type", "=", "level_requirement")
    .orderBy("a.at", "desc")
    .limit(20)
    .execute();
}

export async function getRequirement({ id }: { id: number }) {
  const r = await db
    .selectFrom("level_requirements")
    .select(["id", "key", "level", "kind", "phase", "label", "params"])
    .where("id", "=", id)
    .executeTakeFirst();
  return r && { ...r, params: r.params as Record<string, unknown> };
}
