// A verified recruiter's saved directory searches (at most 50), each replayed as a link and, when
// asked, mailed daily with new matches (search-alert.server.ts).
import { sql } from "kysely";
import { db } from "../../db.server";
import type { Scope } from "../permissions.server";
import { fail, ok } from "../shared/result";
import { setSearchAlerts } from "./search-alert.server";
import { requireRecruiter } from "./recruiter.server";

export const SAVED_SEARCHES_MAX = 50;

export async function listSavedSearches({ scope }: { scope: Scope }) {
  if (!requireRecruiter(scope)) return [];
  return db
    .selectFrom("saved_searches")
    .select(["id", "name", "query", "alerts", "created_at"])
    .where("user_id", "=", scope.userId!)
    .orderBy("created_at", "desc")
    .execute();
}

/** Saves a directory search; `alerts` also turns on its daily mail of new matches. */
export async function saveSearch({
  scope,
  name,
  query,
  alerts = false,
}: {
  scope: Scope;
  name: string;
  query: string;
  alerts?: boolean;
}) {
  if (!requireRecruiter(scope)) return fail(403, "errors.forbidden");
  const n = name.trim();
  if (n.length < 1 || n.length > 80)
    return fail(422, "recruiter.errors.searchName", { name: "recruiter.errors.searchName" });
  // only a directory address is kept (it is replayed as a link)
  const q = query.trim();
  if (!/^\/directory(\/(practitioners|professionals|managers|leaders))?(\?[^\s#]{0,1000})?$/.test(q))
    return fail(422, "recruiter.errors.searchQuery");
  const count = await db
    .selectFrom("saved_searches")
    .select(sql<number>`count(*)::int`.as("n"))
    .where("user_id", "=", scope.userId!)
    .executeTakeFirstOrThrow();
  if (count.n >= SAVED_SEARCHES_MAX) return fail(409, "recruiter.errors.tooManySearches");
  const row = await db
    .insertInto("saved_searches")
    .values({ user_id: scope.userId!, name: n, query: q })
    .returning("id")
    .executeTakeFirstOrThrow();
  if (alerts) await setSearchAlerts({ scope, id: row.id, alerts: true });
  return ok({ id: row.id });
}

export async function deleteSavedSearch({ scope, id }: { scope: Scope; id: number }) {
  if (!requireRecruiter(scope)) return fail(403, "errors.forbidden");
  await db.deleteFrom("saved_searches").where("id", "=", id).where("user_id", "=", scope.userId!).execute();
  return ok({});
}
