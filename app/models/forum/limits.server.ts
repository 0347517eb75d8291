// Posting limits (Discourse's new-member rules and everyone's daily caps). Each refusal names the
// limit and when it lifts; `describeLimits` tells a new member the rules before they hit them.
import { sql } from "kysely";
import type { Db } from "../../db.server";
import type { MarkdownAnalysis } from "../../markdown/index.server";
import { fail, type Fail } from "../shared/result";
import { getLimits, type Limits } from "../moderation/settings.server";

type Author = {
  id: number;
  createdAt: Date;
  isStaff: boolean;
  silencedUntil: Date | null;
  suspendedUntil: Date | null;
  sanctionReason: string | null;
};

const DAY_MS = 86_400_000;

export async function loadAuthor(trx: Db, userId: number, isStaff: boolean): Promise<Author> {
  const u = await trx
    .selectFrom("users")
    .select(["id", "created_at", "silenced_until", "suspended_until", "sanction_reason"])
    .where("id", "=", userId)
    .executeTakeFirstOrThrow();
  return {
    id: u.id,
    createdAt: u.created_at,
    isStaff,
    silencedUntil: u.silenced_until,
    suspendedUntil: u.suspended_until,
    sanctionReason: u.sanction_reason,
  };
}

export function isNewMember(author: Pick<Author, "createdAt">, limits: Limits, now = new Date()) {
  return now.getTime() - author.createdAt.getTime() < limits.newMemberHours * 3_600_000;
}

/**
 * What a sanction forbids (Discourse's rules): a suspended member may not post, reply, edit, like,
 * flag or message; a silenced one the same but may still like. Reading, their own records (profile,
 * progress, bookmarks, data export, deletion) and appeals stay open to both.
 */
export type SanctionedAct = "post" | "like" | "flag" | "message";
const SILENCED_MAY: ReadonlySet<SanctionedAct> = new Set(["like"]);

/** The one sanction check of every write a sanction forbids: the refusal says until when and why. */
export function sanctionRefusal(
  author: Pick<Author, "suspendedUntil" | "silencedUntil" | "sanctionReason">,
  act: SanctionedAct = "post",
  now = new Date(),
): Fail | undefined {
  const suspended = author.suspendedUntil && author.suspendedUntil > now ? author.suspendedUntil : null;
  const silenced =
    author.silencedUntil && author.silencedUntil > now && !SILENCED_MAY.has(act) ? author.silencedUntil : null;
  const until = suspended ?? silenced;
  if (!until) return undefined;
  return fail(403, suspended ? "limits.suspended" : "limits.silenced", undefined, {
    until: until.toISOString(),
    reason: author.sanctionReason ?? "",
  });
}

/** `sanctionRefusal` for a member by id, read inside the write's transaction. */
export async function checkSanction(trx: Db, userId: number, act: SanctionedAct): Promise<Fail | undefined> {
  const u = await trx
    .selectFrom("users")
    .select(["silenced_until", "suspended_until", "sanction_reason"])
    .where("id", "=", userId)
    .executeTakeFirst();
  if (!u) return undefined;
  return sanctionRefusal(
    { suspendedUntil: u.suspended_until, silencedUntil: u.silenced_until, sanctionReason: u.sanction_reason },
    act,
  );
}

const at = (d: Date) => d.toISOString();

/**
 * Checks a new topic or reply against the limits, counting links, images and mentions from the
 * post's one parse (`analysis`). Runs inside the posting transaction after the
 * author's row is locked, so two parallel posts by one member cannot both slip under a cap.
 */
export async function checkPostingLimits(
  trx: Db,
  author: Author,
  kind: "topic" | "reply",
  markdown: string,
  analysis: Pick<MarkdownAnalysis, "links" | "images" | "mentions">,
  now = new Date(),
): Promise<Fail | undefined> {
  const sanction = sanctionRefusal(author, "post", now);
  if (sanction) return sanction;
  if (author.isStaff) return undefined;
  const limits = await getLimits(trx);
  const fresh = isNewMember(author, limits, now);

  if (fresh) {
    const { links, images } = analysis;
    const mentions = analysis.mentions.length;
    const L = limits.newMember;
    if (links > L.linksPerPost)
      return fail(
        422,
        "limits.links",
        { body: "limits.links" },
        { max: L.linksPerPost, until: at(new Date(author.createdAt.getTime() + limits.newMemberHours * 3_600_000)) },
      );
    if (images > L.imagesPerPost)
      return fail(
        422,
        "limits.images",
        { body: "limits.images" },
        { max: L.imagesPerPost, until: at(new Date(author.createdAt.getTime() + limits.newMemberHours * 3_600_000)) },
      );
    if (mentions > L.mentionsPerPost)
      return fail(
        422,
        "limits.mentions",
        { body: "limits.mentions" },
        { max: L.mentionsPerPost, until: at(new Date(author.createdAt.getTime() + limits.newMemberHours * 3_600_000)) },
      );
  }

  const since = new Date(now.getTime() - DAY_MS);
  const recent = await sql<{
    topics: number;
    replies: number;
    first_topic: Date | null;
    first_reply: Date | null;
    last_topic: Date | null;
    last_post: Date | null;
    duplicate: boolean;
  }>`
    select
      count(*) filter (where p.post_number = 1 and p.created_at > ${since})::int as topics,
      count(*) filter (where p.post_number > 1 and p.created_at > ${since})::int as replies,
      min(p.created_at) filter (where p.post_number = 1 and p.created_at > ${since}) as first_topic,
      min(p.created_at) filter (where p.post_number > 1 and p.created_at > ${since}) as first_reply,
      max(p.created_at) filter (where p.post_number = 1) as last_topic,
      max(p.created_at) as last_post,
      coalesce(bool_or(p.body_markdown = ${markdown} and p.created_at >
        ${new Date(now.getTime() - limits.duplicateWindowMinutes * 60_000)}), false) as duplicate
    from posts p
    where p.user_id = ${author.id} and p.created_at > ${new Date(now.getTime() - DAY_MS)}`.execute(trx);
  const r = recent.rows[0];

  if (r.duplicate)
    return fail(409, "limits.duplicate", { body: "limits.duplicate" }, { minutes: limits.duplicateWindowMinutes });

  const gapTopics = fresh ? limits.newMember.secondsBetweenTopics : limits.everyone.secondsBetweenTopics;
  const gapPosts = fresh ? limits.newMember.secondsBetweenPosts : limits.everyone.secondsBetweenPosts;
  if (kind === "topic" && r.last_topic && now.getTime() - r.last_topic.getTime() < gapTopics * 1000) {
    return fail(429, "limits.topicInterval", undefined, {
      seconds: gapTopics,
      until: at(new Date(r.last_topic.getTime() + gapTopics * 1000)),
    });
  }
  if (r.last_post && now.getTime() - r.last_post.getTime() < gapPosts * 1000) {
    return fail(429, "limits.postInterval", undefined, {
      seconds: gapPosts,
      until: at(new Date(r.last_post.getTime() + gapPosts * 1000)),
    });
  }
  const topicCap = fresh
    ? Math.min(limits.newMember.topicsPerDay, limits.everyone.topicsPerDay)
    : limits.everyone.topicsPerDay;
  if (kind === "topic" && r.topics >= topicCap && r.first_topic) {
    return fail(429, "limits.topicsPerDay", undefined, {
      max: topicCap,
      until: at(new Date(r.first_topic.getTime() + DAY_MS)),
    });
  }
  if (kind === "reply" && fresh && r.replies >= limits.newMember.repliesPerDay && r.first_reply) {
    return fail(429, "limits.repliesPerDay", undefined, {
      max: limits.newMember.repliesPerDay,
      until: at(new Date(r.first_reply.getTime() + DAY_MS)),
    });
  }
  return undefined;
}

/** A daily cap on an action counted from a table (likes, flags, edits): the refusal says until when. */
export async function checkDailyCap(
  trx: Db,
  {
    table,
    userId,
    max,
    message,
    now = new Date(),
  }: { table: "post_likes" | "flags" | "post_revisions"; userId: number; max: number; message: string; now?: Date },
): Promise<Fail | undefined> {
  const since = new Date(now.getTime() - DAY_MS);
  const row = await sql<{ n: number; first: Date | null }>`
    select count(*)::int as n, min(created_at) as first
      from ${sql.table(table)} where user_id = ${userId} and created_at > ${since}`.execute(trx);
  const { n, first } = row.rows[0];
  if (n >= max && first) return fail(429, message, undefined, { max, until: at(new Date(first.getTime() + DAY_MS)) });
  return undefined;
}

/** What the composer tells a member in their first day, before they hit anything. */
export async function describeLimits(trx: Db, author: Pick<Author, "createdAt" | "isStaff">, now = new Date()) {
  if (author.isStaff) return undefined;
  const limits = await getLimits(trx);
  if (!isNewMember(author, limits, now)) return undefined;
  return { ...limits.newMember, until: at(new Date(author.createdAt.getTime() + limits.newMemberHours * 3_600_000)) };
}
