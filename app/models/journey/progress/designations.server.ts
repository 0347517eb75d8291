// Designations: credentials a member earns beside the level (CCSM), each reached by one of its
// routes. Evaluated with the member's level context (periods, entry date) from their standing.
import { sql } from "kysely";
import type { Db } from "../../../db.server";
import type { EvalContext } from "./context.server";
import { evaluateTarget, listRoutes, listTargetRequirements, type Standing } from "./index.server";
import type { DesignationStanding } from "./types";

export type { DesignationStanding };

/** Every designation with the member's standing on it; `code` narrows to one. */
export async function getDesignationStandings(
  conn: Db,
  {
    standing,
    code,
    now = new Date(),
    itemLimit = 20,
  }: {
    standing: Standing;
    code?: string;
    now?: Date;
    itemLimit?: number;
  },
): Promise<DesignationStanding[]> {
  const userId = standing.member.id;
  let q = conn
    .selectFrom("designation_types as t")
    .leftJoin("designations as d", (j) => j.onRef("d.code", "=", "t.code").on("d.user_id", "=", userId))
    .select(["t.code", "t.name", "t.name_fr", "t.description", "t.description_fr", "t.min_level"])
    .select(sql<string | null>`to_char(d.awarded_on, 'YYYY-MM-DD')`.as("awarded_on"))
    .select((eb) =>
      eb
        .selectFrom("applications as a")
        .select(sql<string>`json_build_object('id', a.id, 'routeId', a.route_id)::text`.as("p"))
        .whereRef("a.designation", "=", "t.code")
        .where("a.user_id", "=", userId)
        .where("a.status", "=", "pending")
        .as("pending"),
    )
    .where("t.archived_at", "is", null);
  if (code) q = q.where("t.code", "=", code);
  const types = await q.orderBy("t.position").orderBy("t.code").execute();
  const level = standing.level;
  return Promise.all(
    types.map(async (t) => {
      const eligible = !!level && level.number >= t.min_level;
      const base = {
        code: t.code,
        name: t.name,
        name_fr: t.name_fr,
        description: t.description,
        description_fr: t.description_fr,
        minLevel: t.min_level,
        eligible,
        held: t.awarded_on ? { awardedOn: t.awarded_on } : null,
        pending: t.pending ? (JSON.parse(t.pending) as { id: number; routeId: number | null }) : null,
      };
      // nothing to evaluate for a member below the level or already holding it
      if (!eligible || !level || !standing.periods || base.held) {
        return { ...base, requirements: [], routes: [], missing: [], canApply: false };
      }
      const ctx: EvalContext = {
        db: conn,
        userId,
        level: level.number,
        enteredAt: level.enteredAt,
        enteredOn: level.enteredOn,
        timeZone: standing.member.timeZone,
        now,
        periods: standing.periods,
        itemLimit,
      };
      const [rows, routeRows] = await Promise.all([
        listTargetRequirements(conn, { designation: t.code }),
        listRoutes(conn, { designation: t.code }),
      ]);
      const target = await evaluateTarget(ctx, rows, routeRows);
      const canApply =
        !base.pending && target.missing.length === 0 && target.routeReady && target.requirements.length > 0;
      return { ...base, requirements: target.requirements, routes: target.routes, missing: target.missing, canApply };
    }),
  );
}
