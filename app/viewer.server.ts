// Who is asking: resolved once per request from the session cookie.
import { redirect } from "@remix-run/node";
import { sql } from "kysely";
import type { Role } from "../db/schema";
import { sessionKey, settleSession } from "./auth.server";
import { compiledOnce, db, type Db } from "./db.server";
import { env } from "./env.server";
import { scopeOf, VISITOR, type Scope } from "./models/permissions.server";
import { ENROLMENT_PATH, TWO_FACTOR_ROLES } from "./models/account/two-factor.server";
import { HELD_MAX_BYTES, holdForm } from "./models/account/held-form.server";
import { clientIpOf, requestedPath } from "./trusted-proxies.server";
import { readTextFields } from "./web/http.server";

export type Viewer = {
  id: number;
  username: string;
  displayName: string;
  roles: Role[];
  timeZone: string;
  locale: string | null;
  level: number | null;
  silencedUntil: Date | null;
  suspendedUntil: Date | null;
  sanctionReason: string | null;
  /** when the member's previous visit started: "new" topics are the ones since then */
  lastVisitAt: Date | null;
  createdAt: Date;
  groupIds?: number[];
  tutorGroupIds?: number[];
  /** holds a role that needs two-factor sign-in without having it: that role is withheld from `roles` */
  twoFactorMissing?: boolean;
  /** unread notifications when the request began (read with the session) */
  unreadNotifications?: number;
  /** the categories the member muted: they leave /latest */
  mutedCategoryIds?: number[];
  /** single-key shortcuts on (the member's setting; components/keyboard-shortcuts.tsx) */
  keyboardShortcuts?: boolean;
};

// Learning groups the user is a learner in, and the ones they tutor (indexed by user_id / tutor_id).
const groupIdsSql = [
  sql<number[]>`coalesce((select array_agg(group_id) from learning_group_members where user_id = users.id), '{}')`.as(
    "group_ids",
  ),
  sql<number[]>`coalesce((select array_agg(id) from learning_groups where tutor_id = users.id), '{}')`.as(
    "tutor_group_ids",
  ),
];

const sessionQuery = compiledOnce(1, (sessionId: string) =>
  db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .select([
      "sessions.user_id as session_user_id",
      "sessions.expires_at as session_expires_at",
      "sessions.last_seen_at as session_seen_at",
      "users.id",
      "users.username",
      "users.display_name",
      "users.time_zone",
      "users.locale",
      "users.level",
      "users.silenced_until",
      "users.suspended_until",
      "users.sanction_reason",
      "users.last_visit_at",
      "users.last_seen_at",
      "users.created_at",
      "users.keyboard_shortcuts",
    ])
    .select(sql<Role[]>`coalesce((select array_agg(role) from user_roles where user_id = users.id), '{}')`.as("roles"))
    .select(groupIdsSql)
    // a second factor is TOTP or a passkey
    .select(
      sql<boolean>`(exists (select 1 from user_two_factor where user_id = users.id and secret is not null)
      or exists (select 1 from passkeys where user_id = users.id))`.as("two_factor_on"),
    )
    .select(
      sql<number>`(select count(*)::int from notifications n where n.user_id = users.id and n.read_at is null)`.as(
        "unread_notifications",
      ),
    )
    .select(
      sql<number[]>`coalesce((select array_agg(category_id) from category_watches
        where user_id = users.id and level = 'muted'), '{}')`.as("muted_category_ids"),
    )
    .where("sessions.id", "=", sessionId),
);

/** `endedUserId`: without a viewer, the member whose expired session the cookie still names. */
type Resolved = { viewer: Viewer | null; setCookie?: string; endedUserId?: number };
const perRequest = new WeakMap<Request, Promise<Resolved>>();

async function resolve(request: Request): Promise<Resolved> {
  const key = sessionKey(request);
  if (!key) return { viewer: null };
  // the session, its member and the header's notification count in one round trip
  const [row] = await sessionQuery(db, key.id);
  const session = await settleSession(
    key,
    row && { user_id: row.session_user_id, expires_at: row.session_expires_at, last_seen_at: row.session_seen_at },
  );
  if (!session.userId || !row) return { viewer: null, setCookie: session.setCookie, endedUserId: row?.session_user_id };
  // staff and recruiters without a second factor act as neither until they enrol
  const held = row.roles ?? [];
  const withheld = row.two_factor_on ? [] : held.filter((r) => TWO_FACTOR_ROLES.includes(r));
  // A new visit starts after 30 minutes away: the previous one becomes "last visit".
  let lastVisitAt = row.last_visit_at;
  if (!row.last_seen_at || Date.now() - row.last_seen_at.getTime() > 30 * 60_000) {
    lastVisitAt = row.last_seen_at ?? row.created_at;
    await db
      .updateTable("users")
      .set({ last_visit_at: lastVisitAt, last_seen_at: new Date() })
      .where("id", "=", row.id)
      .execute();
  } else if (Date.now() - row.last_seen_at.getTime() > 60_000) {
    await db.updateTable("users").set({ last_seen_at: new Date() }).where("id", "=", row.id).execute();
  }

  return {
    viewer: {
      id: row.id,
      username: row.username,
      displayName: row.display_name,
      roles: held.filter((r) => !withheld.includes(r)),
      twoFactorMissing: withheld.length > 0,
      timeZone: row.time_zone,
      locale: row.locale,
      level: row.level,
      silencedUntil: row.silenced_until,
      suspendedUntil: row.suspended_until,
      sanctionReason: row.sanction_reason,
      lastVisitAt,
      createdAt: row.created_at,
      groupIds: row.group_ids ?? [],
      tutorGroupIds: row.tutor_group_ids ?? [],
      unreadNotifications: row.unread_notifications,
      mutedCategoryIds: row.muted_category_ids,
      keyboardShortcuts: row.keyboard_shortcuts,
    },
    setCookie: session.setCookie,
  };
}

export function resolveViewer(request: Request): Promise<Resolved> {
  let p = perRequest.get(request);
  if (!p) {
    p = resolve(request);
    perRequest.set(request, p);
  }
  return p;
}

export async function getViewer(request: Request): Promise<Viewer | null> {
  return (await resolveViewer(request)).viewer;
}

/**
 * The signed-in viewer, or a redirect to the sign-in page that comes back here. A form posted without a
 * session (it ended while the member wrote) is held first, to be given back after sign-in (held-form.server.ts);
 * `keepForm: false` for what scripts post in the background (autosave, preview), whose text the page still has.
 */
export async function requireViewer(request: Request, { keepForm = true } = {}): Promise<Viewer> {
  const { viewer, endedUserId } = await resolveViewer(request);
  if (!viewer) {
    const url = new URL(request.url);
    const path = url.pathname + url.search;
    const held =
      keepForm && request.method !== "GET" && request.method !== "HEAD"
        ? await hold(request, requestedPath(request))
        : null;
    throw redirect(`/login?redirectTo=${encodeURIComponent(path)}`, held ? { headers: { "Set-Cookie": held } } : {});
  }
  return viewer;

  async function hold(request: Request, path: string) {
    // an action that read its form before asking who is there leaves nothing to read
    const to = safeRedirect(path, "");
    if (request.bodyUsed || !to) return null;
    const read = await readTextFields(request.clone(), HELD_MAX_BYTES);
    if (!read || "tooBig" in read) return null;
    return holdForm({ fields: read.fields, path: to, userId: endedUserId ?? null, ip: clientIpOf(request) });
  }
}

// what staff and recruiters without 2FA may still open (besides resource routes, which check roles)
const OPEN_WITHOUT_TWO_FACTOR = [ENROLMENT_PATH, "/logout", "/language", "/login", "/privacy"];

/**
 * Staff and recruiters without two-factor sign-in are sent to enrol from every page (their roles are already
 * withheld).
 */
export function requireTwoFactorEnrolment(request: Request, viewer: Viewer | null) {
  if (!viewer?.twoFactorMissing) return;
  const url = new URL(request.url);
  if (OPEN_WITHOUT_TWO_FACTOR.some((p) => url.pathname === p || url.pathname.startsWith(`${p}/`))) return;
  throw redirect(`${ENROLMENT_PATH}?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
}

// What a browser's URL parser drops before reading an address: tab, CR and LF anywhere, and C0
// controls and spaces at either end. "/\t/evil.example" is "//evil.example" to a browser.
const BROWSER_STRIPPED = /[\t\n\r]/g;
const EDGES = /^[\u0000-\u0020]+|(?<![\u0000-\u0020])[\u0000-\u0020]+$/g;

/**
 * A path on this site to go back to (after signing in, switching language), or `fallback`. The value
 * is read as a browser would (what it strips removed, then resolved against the app's origin by the
 * URL parser); only a same-origin address is kept, as path, query and fragment, which the parser
 * has percent-encoded: the answer is always a header-safe ASCII string.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string") return fallback;
  const cleaned = to.replace(BROWSER_STRIPPED, "").replace(EDGES, "");
  // any control character left inside (NUL, ESC...) has no place in an address of ours
  if (!cleaned.startsWith("/") || /[\u0000-\u001f\u007f]/.test(cleaned)) return fallback;
  const origin = new URL(env().APP_ORIGIN).origin;
  let url: URL;
  try {
    url = new URL(cleaned, origin);
  } catch {
    return fallback;
  }
  // "/.//evil.example" resolves to the path "//evil.example": as a Location, another host
  if (url.origin !== origin || url.pathname.startsWith("//")) return fallback;
  return url.pathname + url.search + url.hash;
}

/** The permission scope of any member (for notifications and emails: may *they* see this?). */
export async function scopeOfUser(trx: Db, userId: number): Promise<Scope> {
  const row = await trx
    .selectFrom("users")
    .select(["id", "level", "deleted_at"])
    .select(sql<Role[]>`coalesce((select array_agg(role) from user_roles where user_id = users.id), '{}')`.as("roles"))
    .select(groupIdsSql)
    .where("id", "=", userId)
    .executeTakeFirst();
  if (!row || row.deleted_at) return VISITOR;
  return scopeOf({
    id: row.id,
    roles: row.roles ?? [],
    level: row.level,
    groupIds: row.group_ids ?? [],
    tutorGroupIds: row.tutor_group_ids ?? [],
  });
}
