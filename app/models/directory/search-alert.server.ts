// Saved-search alerts: once a day, each saved search with alerts on is run again as its recruiter
// (visibility inside the search), and the members who newly match, can be seen, are open to
// opportunities and have not blocked the recruiter are mailed to them. Every profile a search has
// shown is remembered (saved_search_seen): those matching when alerts are turned on are the
// baseline, never mailed; a member announced once to a recruiter is never announced again.
import { createHash, randomBytes } from "node:crypto";
import { sql } from "kysely";
import { db, type Db } from "../../db.server";
import { env } from "../../env.server";
import { enqueue } from "../../jobs.server";
import { sendMail } from "../../mail.server";
import { canSeeProfile, type Scope } from "../permissions.server";
import { scopeOfUser } from "../../viewer.server";
import { LEVEL_VIEWS, PER_PAGE, parseDirectoryQuery } from "./directory.schema";
import { searchDirectory } from "./directory.server";
import { translatorFor } from "../account/recipient-language.server";
import { fail, ok } from "../shared/result";
import { candidateOf, isRecruiter } from "./shortlist.server";

/** Newest matches looked at per run (sorted by most recently updated, so new profiles come first). */
const ALERT_PAGES = 5;

/** The members a saved directory address finds for this recruiter, newest first (ids). */
async function matchingIds(scope: Scope, address: string): Promise<number[]> {
  const url = new URL(address, "http://x");
  const level = url.pathname.split("/")[2];
  const query = {
    ...parseDirectoryQuery(url.searchParams, level ? LEVEL_VIEWS[level] : undefined),
    open: "1" as const,
    sort: "recent" as const,
  };
  const ids: number[] = [];
  for (let page = 1; page <= ALERT_PAGES; page++) {
    const found = await searchDirectory({ scope, query: { ...query, page } });
    ids.push(...found.cards.map((c) => c.id));
    if (page >= found.totalPages || found.cards.length < PER_PAGE) break;
  }
  return ids;
}

/** Of `ids`, those this recruiter may be told about now: visible, open to opportunities, not withdrawn. */
async function contactable(trx: Db, scope: Scope, ids: number[]) {
  if (!ids.length) return [];
  const rows = await trx
    .selectFrom("users as u")
    .leftJoin("profiles as p", "p.user_id", "u.id")
    .select(["u.id", "u.username", "u.display_name", "p.job_title", "p.organisation", "p.visibility"])
    .where("u.id", "in", ids)
    .where(candidateOf(scope.userId!))
    .where("p.open_to_opportunities", "=", true)
    .execute();
  const order = new Map(ids.map((id, i) => [id, i]));
  return rows
    .filter((r) => canSeeProfile(scope, { userId: r.id, visibility: r.visibility ?? "members" }))
    .sort((a, b) => order.get(a.id)! - order.get(b.id)!);
}

/** Turns a saved search's alerts on (today's matches become the baseline) or off. */
export async function setSearchAlerts({ scope, id, alerts }: { scope: Scope; id: number; alerts: boolean }) {
  if (!isRecruiter(scope)) return fail(403, "errors.forbidden");
  const search = await db
    .selectFrom("saved_searches")
    .select(["id", "query", "alerts"])
    .where("id", "=", id)
    .where("user_id", "=", scope.userId!)
    .executeTakeFirst();
  if (!search) return fail(404, "errors.notFound");
  if (!alerts) {
    await db.updateTable("saved_searches").set({ alerts: false }).where("id", "=", id).execute();
    return ok({});
  }
  if (search.alerts) return ok({});
  // asked before the transaction: a search is a network call
  const baseline = await matchingIds(scope, search.query);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("saved_searches")
      .set({
        alerts: true,
        unsubscribe_token: sql`coalesce(unsubscribe_token, ${randomBytes(24).toString("base64url")})`,
      })
      .where("id", "=", id)
      .execute();
    if (baseline.length)
      await trx
        .insertInto("saved_search_seen")
        .values(baseline.map((member_id) => ({ saved_search_id: id, member_id })))
        .onConflict((oc) => oc.doNothing())
        .execute();
  });
  return ok({});
}

/** The saved search an alert mail's unsubscribe link names (no sign-in: the link is the key). */
export async function getAlertByToken({ token }: { token: string }) {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return undefined;
  return db
    .selectFrom("saved_searches")
    .select(["id", "name", "alerts"])
    .where("unsubscribe_token", "=", token)
    .executeTakeFirst();
}

export async function unsubscribeAlert({ token }: { token: string }) {
  const search = await getAlertByToken({ token });
  if (!search) return fail(404, "errors.notFound");
  await db.updateTable("saved_searches").set({ alerts: false }).where("id", "=", search.id).execute();
  return ok({ name: search.name });
}

/** The daily run: one job per search with alerts on, so one failing search does not hold the others. */
export async function queueSearchAlerts(trx: Db) {
  const due = await trx.selectFrom("saved_searches").select("id").where("alerts", "=", true).execute();
  for (const s of due) await enqueue(trx, "recruiter.search-alert", { searchId: s.id });
}

/**
 * One saved search: finds the new matches, remembers them and mails the recruiter (inside the
 * job's transaction: a failed mail leaves them unseen for the retry, which sends under the same key).
 */
export async function sendSearchAlert(trx: Db, searchId: number, now = new Date()): Promise<number> {
  const search = await trx
    .selectFrom("saved_searches as s")
    .innerJoin("users as u", "u.id", "s.user_id")
    .select(["s.id", "s.user_id", "s.name", "s.query", "s.alerts", "s.unsubscribe_token", "u.email"])
    // recruiters use two-factor sign-in; without it their role is withheld, and so are alerts
    .select(
      sql<boolean>`(exists (select 1 from user_two_factor f where f.user_id = u.id and f.secret is not null)
      or exists (select 1 from passkeys k where k.user_id = u.id))`.as("two_factor_on"),
    )
    .where("s.id", "=", searchId)
    .where("u.deleted_at", "is", null)
    .executeTakeFirst();
  if (!search?.alerts || !search.unsubscribe_token || !search.two_factor_on) return 0;
  const scope = await scopeOfUser(trx, search.user_id);
  if (!isRecruiter(scope)) return 0;
  const ids = await matchingIds(scope, search.query);
  const fresh = ids.length
    ? await trx
        .selectFrom("users as u")
        .select("u.id")
        .where("u.id", "in", ids)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom("saved_search_seen as x")
                .select("x.member_id")
                .whereRef("x.member_id", "=", "u.id")
                .where("x.saved_search_id", "=", searchId),
            ),
          ),
        )
        // never twice for one recruiter, whichever of their searches announced the member first
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom("saved_search_seen as y")
                .innerJoin("saved_searches as o", "o.id", "y.saved_search_id")
                .select("y.member_id")
                .whereRef("y.member_id", "=", "u.id")
                .where("o.user_id", "=", search.user_id)
                .where("y.notified_at", "is not", null),
            ),
          ),
        )
        .execute()
    : [];
  const members = await contactable(
    trx,
    scope,
    fresh.map((r) => r.id),
  );
  if (!members.length) return 0;
  await trx
    .insertInto("saved_search_seen")
    .values(members.map((m) => ({ saved_search_id: searchId, member_id: m.id, notified_at: now })))
    .onConflict((oc) => oc.doNothing())
    .execute();
  const t = await translatorFor(trx, search.user_id);
  const origin = env().APP_ORIGIN;
  const unsubscribe = `${origin}/recruiter/alerts/${search.unsubscribe_token}`;
  const lines = members.map((m) => {
    const role = [m.job_title, m.organisation].filter(Boolean).join(", ");
    return `- ${m.display_name}${role ? ` (${role})` : ""}\n  ${origin}/u/${m.username}`;
  });
  await sendMail({
    // the same members give the same key: a retried job resends under one Message-ID, a new batch gets its own
    key: `search-alert-${searchId}-${createHash("sha256")
      .update(members.map((m) => m.id).join(","))
      .digest("hex")
      .slice(0, 16)}`,
    to: search.email,
    subject: `${t("desk.alerts.subject", { count: members.length, name: search.name })} · ${t("site.name")}`,
    text: [
      t("desk.alerts.intro", { count: members.length, name: search.name }),
      "",
      ...lines,
      "",
      t("desk.alerts.open", { url: `${origin}${search.query}` }),
      t("desk.alerts.unsubscribe", { url: unsubscribe }),
    ].join("\n"),
    headers: { "List-Unsubscribe": `<${unsubscribe}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
  });
  return members.length;
}
