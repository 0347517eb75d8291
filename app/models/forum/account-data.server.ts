// The forum's part of a member's data: their posts as markdown, the topics they started, likes,
// bookmarks, read positions, flags raised, personal conversations and post images in the export; in
// the deletion, their likes, forum settings and images go, and their posts stay under "Deleted member"
// unless they ask for them to be removed too (Discourse's rule).
import { sql } from "kysely";
import type { Db } from "../../db.server";
import { enqueueMany } from "../../jobs.server";
import { canSeeTopic } from "../permissions.server";
import {
  deleteOwnRows,
  deleteOwnRowsLeniently,
  exportArea,
  json,
  type DeletionArea,
  type DeletionContext,
  type ExportArea,
  type ExportContext,
  type ExportFile,
} from "../shared/account-data";
import { fileStore } from "../../storage.server";
import { recountCategory } from "./category.server";
import { refreshTopicStats } from "./post-steps.server";
import { uploadUrl } from "./uploads.server";

// ---- topic visibility, shared by the forum areas ---------------------------------------------------

type TopicRef = {
  topic_id: number;
  topic_user_id: number | null;
  title: string;
  slug: string;
  deleted_at: Date | null;
  see_rule: string;
  post_rule: string;
  reply_rule: string;
  participant: boolean;
};

/** May the member read the topic's title? Their own topics always; others' only while they may see them. */
function titleVisible(
  ctx: ExportContext,
  t: Pick<TopicRef, "topic_user_id" | "deleted_at" | "see_rule" | "post_rule" | "reply_rule" | "participant">,
): boolean {
  if (t.topic_user_id === ctx.userId) return true;
  return canSeeTopic(ctx.scope, {
    category: { see_rule: t.see_rule, post_rule: t.post_rule, reply_rule: t.reply_rule },
    participant: t.participant,
    deleted_at: t.deleted_at,
  });
}

/** Each topic's title and slug, or nulls where the member may not see the topic. */
export async function topicRefs(
  ctx: ExportContext,
  topicIds: number[],
): Promise<Map<number, { title: string | null; slug: string | null }>> {
  const ids = [...new Set(topicIds)];
  if (!ids.length) return new Map();
  const { rows } = await sql<TopicRef>`
    select t.id as topic_id, t.user_id as topic_user_id, t.title, t.slug, t.deleted_at, c.see_rule, c.post_rule,
      c.reply_rule,
      exists (select 1 from topic_allowed_users a where a.topic_id = t.id and a.user_id = ${ctx.userId}) as participant
    from topics t join categories c on c.id = t.category_id
    where t.id = any(${ids}::int[])`.execute(ctx.trx);
  return new Map(
    rows.map((r) => [
      r.topic_id,
      titleVisible(ctx, r) ? { title: r.title, slug: r.slug } : { title: null, slug: null },
    ]),
  );
}

const postUrl = (ctx: ExportContext, postId: number) => `${ctx.origin}/p/${postId}`;
const safeName = (s: string) =>
  s
    .replace(/[^a-z0-9-]+/gi, "-")
    .replace(/^-+|(?<!-)-+$/g, "")
    .slice(0, 60) || "topic";
const yamlString = (s: string) => JSON.stringify(s);

const posts: ExportArea = {
  name: "posts",
  tables: ["posts", "topics", "post_revisions"],
  async collect(ctx) {
    const rows = await ctx.trx
      .selectFrom("posts as p")
      .select([
        "p.id",
        "p.topic_id",
        "p.post_number",
        "p.reply_to_post_number",
        "p.body_markdown",
        "p.like_count",
        "p.created_at",
        "p.edited_at",
        "p.deleted_at",
        "p.hidden_at",
      ])
      .where("p.user_id", "=", ctx.userId)
      .orderBy("p.id")
      .execute();
    const refs = await topicRefs(
      ctx,
      rows.map((r) => r.topic_id),
    );
    const files: ExportFile[] = rows.map((p) => {
      const ref = refs.get(p.topic_id);
      const folder = ref?.slug ? `${p.topic_id}-${safeName(ref.slug)}` : String(p.topic_id);
      const front = [
        "---",
        `post_id: ${p.id}`,
        `topic_id: ${p.topic_id}`,
        ...(ref?.title ? [`topic_title: ${yamlString(ref.title)}`] : []),
        `post_number: ${p.post_number}`,
        ...(p.reply_to_post_number ? [`reply_to_post_number: ${p.reply_to_post_number}`] : []),
        `created_at: ${p.created_at.toISOString()}`,
        ...(p.edited_at ? [`edited_at: ${p.edited_at.toISOString()}`] : []),
        ...(p.deleted_at ? [`deleted_at: ${p.deleted_at.toISOString()}`] : []),
        ...(p.hidden_at ? [`hidden_at: ${p.hidden_at.toISOString()}`] : []),
        `likes: ${p.like_count}`,
        `url: ${postUrl(ctx, p.id)}`,
        "---",
        "",
      ].join("\n");
      return {
        path: `posts/${folder}/${String(p.post_number).padStart(4, "0")}.md`,
        data: front + p.body_markdown + "\n",
      };
    });
    const topics = await ctx.trx
      .selectFrom("topics as t")
      .innerJoin("categories as c", "c.id", "t.category_id")
      .select([
        "t.id",
        "t.title",
        "t.slug",
        "t.tags",
        "t.created_at",
        "t.deleted_at",
        "t.reply_count",
        "c.slug as category",
        "c.name as category_name",
      ])
      .where("t.user_id", "=", ctx.userId)
      .orderBy("t.id")
      .execute();
    files.push(
      json(
        "forum/topics-started.json",
        topics.map((t) => ({ ...t, url: `${ctx.origin}/t/${t.slug}/${t.id}` })),
      ),
    );
    return files;
  },
};

const reactions: ExportArea = {
  name: "reactions",
  tables: ["post_likes", "bookmarks", "topic_reads", "flags"],
  async collect(ctx) {
    // others' posts are referred to by link only: their text is theirs
    const likes = await ctx.trx
      .selectFrom("post_likes as l")
      .innerJoin("posts as p", "p.id", "l.post_id")
      .select(["l.post_id", "p.topic_id", "l.created_at"])
      .where("l.user_id", "=", ctx.userId)
      .execute();
    const bookmarks = await ctx.trx
      .selectFrom("bookmarks as b")
      .innerJoin("posts as p", "p.id", "b.post_id")
      .select(["b.post_id", "p.topic_id", "b.reminder_at", "b.reminded_at", "b.created_at"])
      .where("b.user_id", "=", ctx.userId)
      .execute();
    const reads = await ctx.trx
      .selectFrom("topic_reads")
      .select(["topic_id", "last_read_post_number", "first_visited_at", "last_visited_at"])
      .where("user_id", "=", ctx.userId)
      .execute();
    const flags = await ctx.trx
      .selectFrom("flags")
      .select(["post_id", "reason", "note", "created_at", "resolved_at", "resolution"])
      .where("user_id", "=", ctx.userId)
      .execute();
    const refs = await topicRefs(
      ctx,
      [...likes, ...bookmarks, ...reads].map((r) => r.topic_id),
    );
    const withRef = <T extends { topic_id: number }>(r: T) => ({
      ...r,
      topic_title: refs.get(r.topic_id)?.title ?? null,
    });
    return [
      json(
        "forum/likes.json",
        likes.map((l) => ({ ...withRef(l), url: postUrl(ctx, l.post_id) })),
      ),
      json(
        "forum/bookmarks.json",
        bookmarks.map((b) => ({ ...withRef(b), url: postUrl(ctx, b.post_id) })),
      ),
      json("forum/read-positions.json", reads.map(withRef)),
      json(
        "forum/flags-raised.json",
        flags.map((f) => ({ ...f, url: postUrl(ctx, f.post_id) })),
      ),
    ];
  },
};

/**
 * Personal messages: every conversation the member takes part in, with the posts they can read there
 * (others' withdrawn, deleted or hidden posts without their words) and its "X added Y" lines, and the
 * members they ignore.
 */
const messages: ExportArea = {
  name: "messages",
  tables: ["topic_allowed_users", "user_ignores", "topic_actions"],
  async collect({ trx, userId, origin }) {
    const { rows } = await sql<{
      id: number;
      slug: string;
      title: string;
      created_at: Date;
      participants: string[];
      posts: {
        post_number: number;
        author: string | null;
        created_at: string;
        body_markdown: string | null;
        state: string;
      }[];
      actions: { kind: string; by: string | null; added: string | null; created_at: string }[];
    }>`
      select t.id, t.slug, t.title, t.created_at,
        (select coalesce(array_agg(u.username order by u.username), '{}') from topic_allowed_users o
          join users u on u.id = o.user_id where o.topic_id = t.id) as participants,
        (select coalesce(json_agg(json_build_object('post_number', p.post_number, 'author', u.username,
            'created_at', p.created_at,
            'body_markdown', case when p.user_id = ${userId} or (p.deleted_at is null and p.hidden_at is null)
              then p.body_markdown end,
            'state', case when p.deleted_at is not null then 'deleted' when p.hidden_at is not null then 'hidden'
              else 'visible' end) order by p.post_number), '[]'::json)
          from posts p left join users u on u.id = p.user_id where p.topic_id = t.id) as posts,
        (select coalesce(json_agg(json_build_object('kind', x.kind, 'by', b.username, 'added', d.username,
            'after_post_number', x.after_post_number, 'created_at', x.created_at) order by x.id), '[]'::json)
          from topic_actions x left join users b on b.id = x.user_id left join users d on d.id = x.target_user_id
          where x.topic_id = t.id) as actions
      from topic_allowed_users a join topics t on t.id = a.topic_id
      where a.user_id = ${userId} and t.archetype = 'private_message'
      order by t.id`.execute(trx);
    const ignored = await trx
      .selectFrom("user_ignores as i")
      .innerJoin("users as u", "u.id", "i.ignored_user_id")
      .select(["u.username", "i.created_at"])
      .where("i.user_id", "=", userId)
      .orderBy("u.username")
      .execute();
    return [
      json(
        "messages/conversations.json",
        rows.map((r) => ({ ...r, url: `${origin}/t/${r.slug}/${r.id}` })),
      ),
      json("messages/ignored.json", ignored),
    ];
  },
};

/** The images the member put in posts: where each is served (the posts' markdown shows them by that address). */
const uploads: ExportArea = {
  name: "uploads",
  tables: ["uploads"],
  async collect({ trx, userId, origin }) {
    const rows = await trx
      .selectFrom("uploads")
      .select(["key", "width", "height", "bytes", "created_at"])
      .where("user_id", "=", userId)
      .orderBy("id")
      .execute();
    return [
      json(
        "forum/uploads.json",
        rows.map(({ key, ...u }) => ({ url: `${origin}${uploadUrl(key)}`, ...u })),
      ),
    ];
  },
};

export const forumExport: ExportArea = exportArea("forum", [posts, reactions, messages, uploads]);

// ---- the deletion -----------------------------------------------------------------------------------

async function erasePostsAndLikes({ trx, userId, removePosts, now }: DeletionContext) {
  const own = await trx
    .selectFrom("posts")
    .select(["id", "topic_id", "deleted_at"])
    .where("user_id", "=", userId)
    .execute();
  const touched = new Set(own.map((p) => p.topic_id));
  let topicsRemoved = 0;
  if (removePosts && own.length) {
    await trx
      .updateTable("posts")
      .set({
        body_markdown: "",
        body_html: "",
        deleted_at: sql`coalesce(deleted_at, ${now})`,
        deleted_by: sql`coalesce(deleted_by, ${userId})`,
      })
      .where("user_id", "=", userId)
      .execute();
    await trx
      .deleteFrom("post_revisions")
      .where(
        "post_id",
        "in",
        own.map((p) => p.id),
      )
      .execute();
    // as when an author withdraws an opening post: the topic goes with it (its title is theirs too)
    const topics = await trx
      .updateTable("topics")
      .set({
        title: "—",
        deleted_at: sql`coalesce(deleted_at, ${now})`,
        deleted_by: sql`coalesce(deleted_by, ${userId})`,
      })
      .where("user_id", "=", userId)
      .returning("id")
      .execute();
    topicsRemoved = topics.length;
    await trx
      .updateTable("audit_log")
      .set({ before: null, after: null })
      .where("target_type", "=", "post")
      .where(
        "target_id",
        "in",
        own.map((p) => String(p.id)),
      )
      .execute();
  }
  const unliked = await trx.deleteFrom("post_likes").where("user_id", "=", userId).returning("post_id").execute();
  if (unliked.length) {
    const ids = unliked.map((l) => l.post_id);
    await sql`update posts set like_count = (select count(*) from post_likes l where l.post_id = posts.id)
        where id = any(${ids}::int[])`.execute(trx);
    for (const t of await trx.selectFrom("posts").select("topic_id").distinct().where("id", "in", ids).execute())
      touched.add(t.topic_id);
  }
  const topicIds = [...touched];
  for (const id of topicIds) await refreshTopicStats(trx, id);
  if (topicIds.length) {
    const cats = await trx.selectFrom("topics").select("category_id").distinct().where("id", "in", topicIds).execute();
    for (const c of cats) await recountCategory(trx, c.category_id);
  }
  return { own, unliked, topicsRemoved, topicIds };
}

export const forumDeletion: DeletionArea = {
  name: "forum",
  // posts and topics stay under the tombstone unless the member asks for them to go
  tables: [
    ...["posts", "post_revisions", "topics", "post_likes", "bookmarks", "topic_reads", "topic_watches"],
    ...["category_watches", "topic_allowed_users", "user_ignores", "drafts", "uploads"],
  ],
  keeps: {
    topic_actions:
      'a conversation\'s "added" lines stay, as its posts do: ids only, the tombstone shows as a deleted member',
  },
  async prepare(trx, userId) {
    // their images go even from posts that stay: the address stops serving once the row is gone
    const images = await trx.selectFrom("uploads").select("key").where("user_id", "=", userId).execute();
    return { afterCommit: () => fileStore().delete(images.map((i) => i.key)) };
  },
  async erase(ctx) {
    const { trx, userId, removePosts } = ctx;
    const { own, unliked, topicsRemoved, topicIds } = await erasePostsAndLikes(ctx);
    // out of every conversation (their posts stay as for topics, under "Deleted member"), and their ignores
    const tables = ["bookmarks", "topic_reads", "topic_watches", "category_watches", "topic_allowed_users"];
    await deleteOwnRows(trx, userId, [...tables, "user_ignores"]);
    await trx.deleteFrom("user_ignores").where("ignored_user_id", "=", userId).execute();
    await deleteOwnRowsLeniently(trx, userId, ["drafts"]);
    await deleteOwnRows(trx, userId, ["uploads"]); // and which posts showed them (post_uploads, by foreign key)
    return {
      counts: {
        postsKept: removePosts ? 0 : own.filter((p) => !p.deleted_at).length,
        postsRemoved: removePosts ? own.length : 0,
        topicsRemoved,
        likesRemoved: unliked.length,
      },
      // search copies, after commit through the outbox
      queue: (q: Db) =>
        enqueueMany(
          q,
          "search.topic",
          topicIds.map((topicId) => ({ topicId })),
        ),
    };
  },
};
