// Applying for a designation (CCSM) through one of its routes, and the admin's decision: the route
// the application names is the one checked. Approval records the designation on the profile (and
// in the directory) in the same transaction as the decision, its audit row and the notification.
import { sql } from "kysely";
import { db, type Db } from "../../db.server";
import { enqueue } from "../../jobs.server";
import { experienceField, type ApplicationInput } from "./application.schema";
import { bothLanguages, message } from "../account/notification-text";
import { fileApplication, labelSource, noteLabel, type DecisionTarget } from "./application-flow.server";
import { getDesignationStandings, type DesignationStanding } from "./progress/designations.server";
import { getStanding } from "./progress/index.server";
import { declaredOnApplication, pickRoute } from "./progress/routes";
import type { EvaluatedRequirement } from "./progress/types";
import { fail, type Result } from "../shared/result";

/** The experience the application must declare (not verified yet), by route (null: whatever the route). */
export type DesignationExperience = {
  routeId: number | null;
  field: "customerFacingYears" | "managingYears";
  minYears: number;
};

/** The member's standing on one designation (undefined: no such designation, or no such member). */
export async function getDesignationApplyState(conn: Db, { userId, code }: { userId: number; code: string }) {
  const standing = await getStanding(conn, { userId, itemLimit: 0 });
  if (!standing) return undefined;
  const [designation] = await getDesignationStandings(conn, { standing, code: code.toUpperCase(), itemLimit: 0 });
  if (!designation) return undefined;
  const experience: DesignationExperience[] = designation.requirements
    .filter((r) => declaredOnApplication(r) && r.progress.status !== "met")
    .map((r) => ({
      routeId: r.routeId ?? null,
      field: experienceField(r.params.experience),
      minYears: Number(r.params.minYears),
    }));
  return { standing, designation, experience };
}

type Declared = { customerFacingYears?: number; managingYears?: number };

/** Experience the route asks for that is not verified yet: declared on the application, at least the minimum. */
function experienceShort(requirements: EvaluatedRequirement[], declared: Declared) {
  const fields: Record<string, string> = {};
  for (const r of requirements) {
    if (!declaredOnApplication(r) || r.progress.status === "met") continue;
    const field = experienceField(r.params.experience);
    const years = declared[field];
    if (years === undefined || years < Number(r.params.minYears))
      fields[field] = "credentialRoutes.errors.experienceShort";
  }
  return fields;
}

const routeRequirements = (d: DesignationStanding, routeId: number) =>
  d.requirements.filter((r) => !r.routeId || r.routeId === routeId);

export async function createDesignationApplication({
  userId,
  code,
  input,
}: {
  userId: number;
  code: string;
  input: ApplicationInput;
}): Promise<Result<{ applicationId: number }>> {
  const state = await getDesignationApplyState(db, { userId, code });
  if (!state) return fail(404, "errors.notFound");
  const d = state.designation;
  if (d.held) return fail(409, "credentialRoutes.errors.held");
  if (d.pending) return fail(409, "credentialRoutes.errors.alreadyPending");
  if (!d.eligible) return fail(409, "credentialRoutes.errors.level");
  const route = pickRoute(d.routes, input.routeId);
  if (!route)
    return fail(
      input.routeId ? 400 : 409,
      input.routeId ? "form.fixErrors" : "credentialRoutes.errors.notReady",
      input.routeId ? { routeId: "credentialRoutes.errors.routeNotReady" } : undefined,
    );
  const fields = experienceShort(routeRequirements(d, route.id), input);
  if (Object.keys(fields).length) return fail(400, "form.fixErrors", fields);
  return fileApplication({
    userId,
    input,
    target: { level: null, designation: d.code, routeId: route.id },
    audit: { designation: d.code, route: route.key },
    pendingError: "credentialRoutes.errors.alreadyPending",
  });
}

type DesignationApplication = {
  id: number;
  user_id: number;
  designation: string;
  route_id: number | null;
  customer_facing_years: number | null;
  managing_years: number | null;
};

/**
 * A designation application's checks and grant, for decideApplication: the route the application names,
 * evaluated now (experience counts as declared on the application); approval records the designation.
 */
export async function designationTarget(
  trx: Db,
  { adminId, app, now }: { adminId: number; app: DesignationApplication; now: Date },
): Promise<DecisionTarget> {
  const type = await trx
    .selectFrom("designation_types")
    .select(["code", "name", "name_fr"])
    .where("code", "=", app.designation)
    .executeTakeFirstOrThrow();
  let routeKey: string | null = null;
  return {
    name: type,
    url: "/progress#designations",
    approvedText: message("credentialRoutes.notify.approved", { designation: bothLanguages(type, "name") }),
    unmet: async () => {
      const state = await getDesignationApplyState(trx, { userId: app.user_id, code: app.designation });
      const d = state?.designation;
      if (!d || d.held) return fail(409, "credentialRoutes.errors.held");
      routeKey = d.routes.find((r) => r.id === app.route_id)?.key ?? null;
      const onRoute = routeKey && app.route_id ? routeRequirements(d, app.route_id) : [];
      if (!onRoute.length) return [noteLabel("credentialRoutes.errors.noRoute")];
      const short = experienceShort(onRoute, {
        customerFacingYears: num(app.customer_facing_years),
        managingYears: num(app.managing_years),
      });
      return onRoute
        .filter((r) =>
          declaredOnApplication(r) ? !!short[experienceField(r.params.experience)] : r.progress.status !== "met",
        )
        .map(labelSource);
    },
    grant: async () => {
      const { rows } = await sql<{
        today: string;
      }>`select to_char(${now}::timestamptz at time zone u.time_zone, 'YYYY-MM-DD') as today
        from users u where u.id = ${app.user_id}`.execute(trx);
      await trx
        .insertInto("designations")
        .values({ user_id: app.user_id, code: app.designation, awarded_on: rows[0].today, recorded_by: adminId })
        .execute();
      await enqueue(trx, "profile.reindex", { userId: app.user_id }); // the directory shows the designation
      return { after: { designation: app.designation, route: routeKey } };
    },
  };
}

const num = (v: unknown) => (v === undefined || v === null ? undefined : Number(v));
