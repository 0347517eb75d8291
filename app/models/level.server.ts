// Levels and their requirements as data: staff edit labels and thresholds here; every change is
// audited and applies to everyone's progress from the next evaluation.
import { sql } from "kysely";
import { db } from "../db.server";
import { recordAudit } from "./audit.server";
import { subjectColumn, subjectFrColumn } from "./progress/index.server";
import { isRequirementKind, parseParams } from "./requirement.schema";
import { fail, ok, type Result } from "./result";

export async function listLevels() {
  return db
    .selectFrom("levels")
    .select(["number", "slug", "name", "name_fr", "short_name", "short_name_fr", "badge_inscription", "entry_conditions"])
    .orderBy("number")
    .execute();
}

export async function listRequirementsForAdmin() {
  const [levels, requirements] = await Promise.all([
    listLevels(),
    db
      .selectFrom("level_requirements")
      .select(["id", "key", "level", "kind", "phase", "label", "label_fr", "params", "updated_at", subjectColumn, subjectFrColumn])
      .where("archived_at", "is", null)
      .orderBy("level")
      .orderBy("position")
      .orderBy("id")
      .execute(),
  ]);
  return levels.map((l) => ({ ...l, requirements: requirements.filter((r) => r.level === l.number).map((r) => ({ ...r, params: r.params as Record<string, unknown> })) }));
}

type RequirementEdit = {
  adminId: number;
  id: number;
  label: string;
  /** undefined: the French label stays as it is */
  labelFr?: string | null;
  params: unknown;
};

export async function updateRequirement({ adminId, id, label, labelFr, params }: RequirementEdit): Promise<Result<{ id: number }>> {
  return db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom("level_requirements").select(["id", "kind", "label", "label_fr", "params"]).where("id", "=", id).forUpdate().executeTakeFirst();
    if (!before || !isRequirementKind(before.kind)) return fail(404, "errors.notFound");
    const parsed = parseParams(before.kind, params);
    if (!parsed.success) {
      const fields: Record<string, string> = {};
      for (const issue of parsed.error.issues) fields[`param.${String(issue.path[0] ?? "")}`] ??= issue.message.startsWith("admin.") ? issue.message : "admin.requirements.errors.invalid";
      return fail(400, "form.fixErrors", fields);
    }
    await trx
      .updateTable("level_requirements")
      .set({ label, label_fr: labelFr === undefined ? before.label_fr : labelFr, params: JSON.stringify(parsed.data), updated_at: sql<Date>`now()` })
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
  const r = await db.selectFrom("level_requirements").select(["id", "key", "level", "kind", "phase", "label", "params"]).where("id", "=", id).executeTakeFirst();
  return r && { ...r, params: r.params as Record<string, unknown> };
}
