// The small card opened from an author's name or avatar in a topic: name, level badge, role, joined,
// last post. The profile rule decides (a profile the viewer may not see gives a card saying it is
// private, naming no one); the last post counts only where the viewer may read.
import { sql } from "kysely";
import { db } from "../../db.server";
import type { Role } from "../../../db/schema";
import { canOfferMessage, canSeeProfile, canSeeSanction, type Scope } from "../permissions.server";
import { ignoredEitherWay } from "./ignores.server";
import { readableTopicsWhere } from "./member.server";

export type UserCard =
  | { state: "hidden"; username: string }
  | {
      state: "visible";
      username: string;
      displayName: string;
      level: number | null;
      badgeId: string | null;
      role: "staff" | "tutor" | "recruiter" | "member" | null;
      joinedAt: Date;
      lastPostAt: Date | null;
      suspendedUntil: Date | null;
      canMessage: boolean;
    };

// the card names one role, the most telling one
const ROLE_ORDER: [Role, "staff" | "tutor" | "recruiter" | "member"][] = [
  ["admin", "staff"],
  ["tutor", "tutor"],
  ["recruiter", "recruiter"],
  ["member", "member"],
];

/** The card as this viewer may see it; undefined only when no such member exists (or was deleted). */
export async function getUserCard({
  scope,
  username,
  viewerSuspendedUntil = null,
}: {
  scope: Scope;
  username: string;
  viewerSuspendedUntil?: Date | null;
}) {
  const readable = await readableTopicsWhere(scope);
  // one statement: the last post walks posts_user_created_idx backwards from the newest
  const { rows } = await sql<{
    id: number;
    username: string;
    display_name: string;
    level: number | null;
    created_at: Date;
    suspended_until: Date | null;
    visibility: "public" | "members" | "hidden";
    roles: Role[];
    badge_id: string | null;
    last_post_at: Date | null;
    ignored_either_way: boolean;
  }>`
    select u.id, u.username, u.display_name, u.level, u.created_at, u.suspended_until,
      coalesce(pr.visibility, 'members') as visibility,
      coalesce((select array_agg(role) from user_roles where user_id = u.id), '{}') as roles,
      (select b.public_id from badge_awards b where b.user_id = u.id and b.level = u.level and b.kind = 'level'
        and b.revoked_at is null order by b.awarded_at desc limit 1) as badge_id,
      (select p.created_at from posts p join topics t on t.id = p.topic_id
        where p.user_id = u.id and p.deleted_at is null and p.hidden_at is null and t.deleted_at is null
          and ${readable}
        order by p.created_at desc limit 1) as last_post_at,
      ${ignoredEitherWay(sql.ref("u.id"), scope.userId ?? -1)} as ignored_either_way
    from users u left join profiles pr on pr.user_id = u.id
    where lower(u.username) = ${username.toLowerCase()} and u.deleted_at is null`.execute(db);
  const u = rows[0];
  if (!u) return undefined;
  if (!canSeeProfile(scope, { userId: u.id, visibility: u.visibility }))
    return { state: "hidden", username: u.username } satisfies UserCard;
  const suspended = !!u.suspended_until && u.suspended_until > new Date();
  return {
    state: "visible",
    username: u.username,
    displayName: u.display_name,
    level: u.level,
    badgeId: u.badge_id,
    role: ROLE_ORDER.find(([r]) => u.roles.includes(r))?.[1] ?? null,
    joinedAt: u.created_at,
    lastPostAt: u.last_post_at,
    suspendedUntil: suspended && canSeeSanction(scope) ? u.suspended_until : null,
    canMessage: canOfferMessage(
      scope,
      { userId: u.id, suspended, ignoredEitherWay: u.ignored_either_way },
      !!viewerSuspendedUntil && viewerSuspendedUntil > new Date(),
    ),
  } satisfies UserCard;
}
