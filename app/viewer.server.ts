// Who is asking: resolved once per request from the session cookie.
import { redirect } from "@remix-run/node";
import { sql } from "kysely";
import type { Role } from "../db/schema";
import { readSession } from "./auth.server";
import { db } from "./db.server";

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
  groupIds?: number[];
  tutorGroupIds?: number[];
};

type Resolved = { viewer: Viewer | null; setCookie?: string };
const perRequest = new WeakMap<Request, Promise<Resolved>>();

async function resolve(request: Request): Promise<Resolved> {
  const session = await readSession(request);
  if (!session || !session.userId) return { viewer: null, setCookie: session?.setCookie };
  const row = await db
    .selectFrom("users")
    .select(["id", "username", "display_name", "time_zone", "locale", "level", "silenced_until", "suspended_until", "sanction_reason"])
    .select(sql<Role[]>`coalesce((select array_agg(role) from user_roles where user_id = users.id), '{}')`.as("roles"))
    .where("id", "=", session.userId)
    .executeTakeFirst();
  if (!row) return { viewer: null, setCookie: session.setCookie };

  return {
    viewer: {
      id: row.id,
      username: row.username,
      displayName: row.display_name,
      roles: row.roles ?? [],
      timeZone: row.time_zone,
      locale: row.locale,
      level: row.level,
      silencedUntil: row.silenced_until,
      suspendedUntil: row.suspended_until,
      sanctionReason: row.sanction_reason,
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

/** The signed-in viewer, or a redirect to the sign-in page that comes back here. */
export async function requireViewer(request: Request): Promise<Viewer> {
  const viewer = await getViewer(request);
  if (!viewer) {
    const url = new URL(request.url);
    throw redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
  }
  return viewer;
}

/** A safe in-site path to go back to after signing in. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  return to;
}
