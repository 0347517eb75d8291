// The topic page's reading: the topic for this viewer, the posts from the one asked for, the suggestions beside
// them, the reader's draft and position, and what they may do there (app/routes/t.$slug.$id.($postNumber).tsx).
import { randomUUID } from "node:crypto";
import { db } from "../../db.server";
import type { Locale } from "../../locale";
import type { Viewer } from "../../viewer.server";
import { positiveId } from "../../web/http.server";
import { localized } from "../shared/localized";
import { canAddParticipants, canLike, scopeOf } from "../permissions.server";
import { draftKey } from "./draft.server";
import { describeLimits, sanctionRefusal } from "./limits.server";
import { listParticipants, listTopicActions } from "./messages.server";
import { markRead } from "./post.server";
import { listSuggestedTopics } from "./suggested.server";
import { namedTags } from "./tag.server";
import { DaySchema, postNumberAtDate } from "./topic-navigation.server";
import { getReaderState, getTopic, listTopicPosts, POSTS_PER_PAGE, topicAbilities, topicUrl } from "./topic.server";

type PageArgs = {
  viewer: Viewer | null;
  lang: Locale;
  url: URL;
  params: { slug?: string; id?: string; postNumber?: string };
};

/**
 * What the topic page shows this viewer: the topic, the posts from the asked one, suggestions, the reader's draft
 * (with a quoted post added when asked) and what they may do; or where to go instead (the topic's own slug, the
 * post at a date), or undefined when there is no such topic for them.
 */
export async function loadTopicPage({ viewer, lang, url, params }: PageArgs) {
  const scope = scopeOf(viewer);
  const topicId = positiveId(params.id);
  // a member's read position, draft and watching level beside the topic: their own rows, unused when the
  // topic is not shown (one round trip's wait instead of two)
  const [topic, { lastRead, draft: draftRow, watch }] = topicId
    ? await Promise.all([
        getTopic({ scope, topicId }),
        viewer ? getReaderState({ userId: viewer.id, topicId }) : { lastRead: 0, draft: undefined, watch: null },
      ])
    : [undefined, { lastRead: 0, draft: undefined, watch: null }];
  if (!topic) return undefined;
  const path = topicUrl(topic);
  if (params.slug !== topic.slug)
    return { kind: "redirect" as const, to: `${path}${params.postNumber ? `/${params.postNumber}` : ""}${url.search}` };
  // "jump to a date" (a GET form: works without JavaScript); a day that is not one leads to the topic
  const day = url.searchParams.get("date");
  if (day !== null) {
    const parsed = DaySchema.safeParse(day);
    const n = parsed.success ? await postNumberAtDate({ topicId: topic.id, day: parsed.data }) : null;
    return { kind: "redirect" as const, to: n ? `${path}/${n}#post-${n}` : path };
  }
  const asked = params.postNumber === undefined ? 1 : positiveId(params.postNumber);
  if (asked === undefined) return undefined;
  // Show a little context above a linked post, like Discourse.
  const from = Math.max(1, Math.min(asked, topic.highest_post_number) - (asked > 1 ? 2 : 0));
  const abilities = topicAbilities(scope, topic);
  // the suggestions beside the posts: one statement, in the same wait; a conversation's "X added Y" lines too
  const [posts, suggested, actions] = await Promise.all([
    listTopicPosts({ scope, topic, from }),
    listSuggestedTopics({ scope, topic, lastVisitAt: viewer?.lastVisitAt }),
    topic.archetype === "private_message" ? listTopicActions({ topicId: topic.id, from }) : [],
  ]);
  const saved = abilities.reply ? draftRow : undefined;
  const lastShown = posts[posts.length - 1]?.post_number ?? 0;
  // The page they loaded counts as read (no JavaScript needed).
  if (viewer && lastShown > lastRead) await markRead(db, viewer.id, topic.id, lastShown);

  let draft = saved?.body ?? "";
  let replyTo = positiveId(url.searchParams.get("replyTo")) ?? saved?.fields.replyTo;
  const quoteOf = positiveId(url.searchParams.get("quote"));
  if (quoteOf) {
    const quote = await quotedPost(topic.id, quoteOf);
    if (quote) {
      draft = `${draft}${draft && !draft.endsWith("\n\n") ? "\n\n" : ""}${quote}`;
      replyTo = quoteOf;
    }
  }
  // a personal message names who takes part in it (only they, and staff reviewing a flag, get here)
  const participants =
    topic.archetype === "private_message"
      ? {
          others: (await listParticipants(topic.id)).filter((p) => p.username !== viewer?.username),
          mine: topic.participant,
          mayAdd: canAddParticipants(scope, topic),
        }
      : null;
  const limits =
    viewer && abilities.reply
      ? await describeLimits(db, { createdAt: viewer.createdAt, isStaff: scope.isStaff })
      : undefined;
  const page = {
    topic: {
      id: topic.id,
      title: topic.title,
      path,
      tags: await namedTags(topic.tags, lang),
      closed: !!topic.closed_at,
      archived: !!topic.archived_at || !!topic.category.archived_at,
      deleted: !!topic.deleted_at,
      unlisted: topic.unlisted,
      pinned: !!topic.pinned_at,
      reply_count: topic.reply_count,
      highest: topic.highest_post_number,
      public: topic.category.see_rule === "everyone" && !topic.unlisted,
      category: {
        slug: topic.category.slug,
        name: localized(topic.category, "name", lang),
        colour: topic.category.colour,
        private: topic.category.see_rule === "participants",
      },
    },
    posts,
    actions,
    participants,
    from,
    lastShown,
    prev: from > 1 ? Math.max(1, from - POSTS_PER_PAGE) : null,
    next: lastShown < topic.highest_post_number ? lastShown + 1 : null,
    suggested: suggested.map((s) => ({
      id: s.id,
      title: s.title,
      path: topicUrl(s),
      replies: s.reply_count,
      unread: s.unread,
      isNew: s.is_new,
    })),
    firstUnread: viewer && lastRead > 0 && lastRead < topic.highest_post_number ? lastRead + 1 : null,
    can: {
      signedIn: !!viewer,
      reply: abilities.reply,
      moderate: abilities.moderate,
      like: !!viewer && canLike(scope, { user_id: null }) && !sanctionRefusal(viewer, "like"),
    },
    watchLevel: watch,
    draft,
    draftRestored: !!saved,
    draftKey: draftKey(topic.id),
    // a repeated submit of the reply form (double tap, resubmitted page) finds the reply it made
    submissionKey: abilities.reply ? randomUUID() : null,
    replyTo: replyTo ?? null,
    limits: limits ?? null,
  };
  return { kind: "page" as const, page };
}

/** A post's own words as a [quote] block to reply with (nested quotes dropped), unless it is gone or hidden. */
async function quotedPost(topicId: number, postNumber: number): Promise<string | undefined> {
  const quoted = await db
    .selectFrom("posts")
    .leftJoin("users", "users.id", "posts.user_id")
    .select(["posts.body_markdown", "posts.deleted_at", "posts.hidden_at", "users.username"])
    .where("posts.topic_id", "=", topicId)
    .where("posts.post_number", "=", postNumber)
    .executeTakeFirst();
  if (!quoted || quoted.deleted_at || quoted.hidden_at || !quoted.username) return undefined;
  const own = quoted.body_markdown.replace(/^\[\/?quote[^\n]*$/gm, "").trim();
  return `[quote="${quoted.username}, post:${postNumber}, topic:${topicId}"]\n${own}\n[/quote]\n\n`;
}
