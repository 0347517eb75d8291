import { randomUUID } from "node:crypto";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { AppLink } from "~/components/app-link";
import { useTranslation } from "~/use-translation";
import { Composer, ComposerActions } from "~/components/composer";
import { useMessage } from "~/components/use-message";
import { FormError } from "~/components/field";
import { postsHtml } from "~/components/post-view";
import { CategoryBadge } from "~/components/topic-list";
import { WatchControl } from "~/components/watch-control";
import { setTopicWatch, WatchLevelSchema } from "~/models/forum/watching.server";
import { db } from "~/db.server";
import { notFound, positiveId, readForm } from "~/web/http.server";
import { draftKey, saveDraft } from "~/models/forum/draft.server";
import { namedTags } from "~/models/forum/tag.server";
import { requestLocale } from "~/locale";
import { localized } from "~/models/shared/localized";
import { likePost, unlikePost } from "~/models/forum/like.server";
import { describeLimits, sanctionRefusal } from "~/models/forum/limits.server";
import { createReply, markRead } from "~/models/forum/post.server";
import { listParticipants, listTopicActions } from "~/models/forum/messages.server";
import { renderPostBody } from "~/models/forum/render.server";
import { composerUploadAnswer, isMultipart } from "~/web/composer-upload.server";
import { parseForm, ReplySchema, type FormAnswer } from "~/models/shared/forms.server";
import { DraftSchema } from "~/models/forum/topic.schema";
import { listSuggestedTopics } from "~/models/forum/suggested.server";
import { DaySchema, postNumberAtDate } from "~/models/forum/topic-navigation.server";
import { TOPIC_SCRIPT } from "~/web/topic-enhance";
import type { PageHandle } from "~/web/enhance";
import {
  getReaderState,
  getTopic,
  listTopicPosts,
  POSTS_PER_PAGE,
  topicAbilities,
  topicUrl,
} from "~/models/forum/topic.server";
import { canAddParticipants, canLike, scopeOf } from "~/models/permissions.server";
import { getViewer, requireViewer } from "~/viewer.server";
import { pageTitle } from "~/web/page-title";
import { shareableHeaders } from "~/web/page-caching";

// a topic this long gets a "jump to the reply box" link at its top
const LONG_TOPIC_POSTS = 10;

// Read far more than written: served as HTML with a few inlined lines of script, no React bundle.
export const handle: PageHandle = { hydrate: false, enhance: true };
// the same for every visitor: kept a few seconds by shared caches (app/web/page-caching.ts)
export const headers = shareableHeaders;

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data
    ? [
        { title: `${data.topic.title} · Touchpoints` },
        ...(data.topic.public
          ? [{ tagName: "link", rel: "alternate", type: "application/rss+xml", href: `${data.topic.path}.rss` }]
          : []),
        ...(data.topic.unlisted || !data.topic.public ? [{ name: "robots", content: "noindex" }] : []),
      ]
    : [{ title: pageTitle(matches, "errors.notFoundTitle") }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  const lang = requestLocale(request, viewer?.locale);
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
  if (!topic) notFound();
  const path = topicUrl(topic);
  if (params.slug !== topic.slug)
    throw redirect(`${path}${params.postNumber ? `/${params.postNumber}` : ""}${new URL(request.url).search}`);
  // "jump to a date" (a GET form: works without JavaScript); a day that is not one leads to the topic
  const day = new URL(request.url).searchParams.get("date");
  if (day !== null) {
    const parsed = DaySchema.safeParse(day);
    const n = parsed.success ? await postNumberAtDate({ topicId: topic.id, day: parsed.data }) : null;
    throw redirect(n ? `${path}/${n}#post-${n}` : path);
  }
  const asked = params.postNumber === undefined ? 1 : positiveId(params.postNumber);
  if (asked === undefined) notFound();
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

  const url = new URL(request.url);
  let draft = saved?.body ?? "";
  let replyTo = positiveId(url.searchParams.get("replyTo")) ?? saved?.fields.replyTo;
  const quoteOf = positiveId(url.searchParams.get("quote"));
  if (quoteOf) {
    const quoted = await db
      .selectFrom("posts")
      .leftJoin("users", "users.id", "posts.user_id")
      .select(["posts.body_markdown", "posts.deleted_at", "posts.hidden_at", "users.username"])
      .where("posts.topic_id", "=", topic.id)
      .where("posts.post_number", "=", quoteOf)
      .executeTakeFirst();
    if (quoted && !quoted.deleted_at && !quoted.hidden_at && quoted.username) {
      // nested quotes are dropped: a quote quotes the post's own words
      const own = quoted.body_markdown.replace(/^\[\/?quote[^\n]*$/gm, "").trim();
      const quote = `[quote="${quoted.username}, post:${quoteOf}, topic:${topic.id}"]\n${own}\n[/quote]\n\n`;
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
  return {
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
}

type Answer = FormAnswer & {
  preview?: string;
  notice?: string;
  uploaded?: boolean;
  /** where the message belongs: above the posts (likes) or in the composer */
  at: "page" | "composer";
};
const answer = (a: Answer, status = 200) => data(a, { status });

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const scope = scopeOf(viewer);
  const topicId = positiveId(params.id);
  if (!topicId) notFound();
  if (isMultipart(request)) {
    const upload = await composerUploadAnswer(request, { ...viewer, isStaff: scope.isStaff });
    return answer({ ...upload.answer, at: "composer" }, upload.status);
  }
  const form = await readForm(request);
  const intent = form.intent ?? "reply";
  if (intent === "like" || intent === "unlike") {
    const postId = positiveId(form.postId);
    if (!postId) return answer({ formError: "post.notFound", values: {}, fields: {}, at: "page" }, 404);
    const result = intent === "like" ? await likePost({ scope, postId }) : await unlikePost({ scope, postId });
    if (!result.ok)
      return answer(
        { formError: result.message, errorValues: result.values, values: {}, fields: {}, at: "page" },
        result.status,
      );
    return redirect(`${topicUrl(result.topic)}/${result.postNumber}#post-${result.postNumber}`);
  }
  if (intent === "watch") {
    const level = WatchLevelSchema.safeParse(form.level);
    if (!level.success) return answer({ formError: "watching.invalid", values: {}, fields: {}, at: "page" }, 400);
    const result = await setTopicWatch({ scope, topicId, level: level.data });
    if (!result.ok) notFound();
    return redirect(new URL(request.url).pathname);
  }
  if (intent === "draft") {
    const draft = parseForm(DraftSchema, form);
    if (!draft.ok) return answer({ ...draft, at: "composer" }, 400);
    const visible = await getTopic({ scope, topicId });
    if (!visible) notFound();
    await saveDraft({ userId: viewer.id, key: draftKey(topicId), draft: draft.data });
    return answer({ values: draft.values, fields: {}, notice: "composer.draftSaved", at: "composer" });
  }
  const parsed = parseForm(ReplySchema, form);
  const { values } = parsed;
  if (!parsed.ok) return answer({ ...parsed, at: "composer" }, 400);
  if (intent === "preview") {
    const rendered = await renderPostBody(db, parsed.data.body, scope);
    if (!rendered.ok) {
      const refusal = { formError: rendered.message, values, fields: rendered.fields ?? {}, at: "composer" as const };
      return answer(refusal, rendered.status);
    }
    return answer({ preview: rendered.html, values, fields: {}, at: "composer" });
  }
  const { body, replyTo, submissionKey } = parsed.data;
  const result = await createReply({ scope, topicId, body, replyTo, submissionKey });
  if (!result.ok)
    return answer(
      { formError: result.message, errorValues: result.values, values, fields: result.fields ?? {}, at: "composer" },
      result.status,
    );
  return redirect(result.url);
}

export default function TopicPage() {
  const { t, i18n } = useTranslation();
  const message = useMessage();
  const d = useLoaderData<typeof loader>();
  const res = useActionData<typeof action>();
  // one string for every reader (components/post-view.ts); like forms post back to this page's address
  const lang = i18n.language || "en";
  const posts = postsHtml(d.posts, { topicPath: d.topic.path, can: d.can, t, lang, actions: d.actions });
  const values = (res?.values ?? {}) as Record<string, string>;
  const preview = res?.preview ?? null;
  const replyTo = values.replyTo ? Number(values.replyTo) : d.replyTo;
  return (
    <div className="topic-page">
      <header className="topic-header">
        <h1>{d.topic.title}</h1>
        {d.participants ? (
          <p className="message-participants">
            <AppLink to="/messages">{t("messages.personal")}</AppLink> ·{" "}
            {t(d.participants.mine ? "messages.between" : "messages.betweenAll", {
              names: d.participants.others.map((p) => p.display_name).join(", "),
            })}
            {d.participants.mayAdd ? (
              <>
                {" "}
                · <AppLink to={`/messages/${d.topic.id}/participants`}>{t("messages.addLabel")}</AppLink>
              </>
            ) : null}
          </p>
        ) : null}
        <div className="topic-meta">
          {!d.topic.category.private ? <CategoryBadge category={d.topic.category} /> : null}
          {d.topic.tags.map((tag) => (
            <AppLink key={tag.slug} to={`/tag/${tag.slug}`} className="tag">
              {tag.name}
            </AppLink>
          ))}
          {d.topic.pinned ? <span className="tag-state">{t("forum.pinned")}</span> : null}
          {d.topic.unlisted && !d.participants ? <span className="tag-state">{t("forum.unlisted")}</span> : null}
        </div>
        {d.watchLevel ? <WatchControl level={d.watchLevel} id="topic-watch" /> : null}
        {d.topic.deleted ? <p className="notice">{t("topic.deletedTopic")}</p> : null}
        {d.topic.closed ? <p className="notice">{t("topic.closedNote")}</p> : null}
        {d.topic.archived ? <p className="notice">{t("topic.archivedNote")}</p> : null}
        <TopicNav />
        {d.firstUnread && d.firstUnread > d.from + d.posts.length - 1 ? (
          <p>
            <AppLink to={`${d.topic.path}/${d.firstUnread}#post-${d.firstUnread}`}>{t("topic.jumpUnread")}</AppLink>
          </p>
        ) : null}
      </header>
      {res?.formError && (res.at === "page" || !d.can.reply) ? (
        <FormError message={res.formError} values={res.errorValues} />
      ) : null}
      {d.prev ? (
        <p className="pager">
          <AppLink to={`${d.topic.path}/${d.prev}`} rel="prev">
            {t("topic.earlier")}
          </AppLink>
        </p>
      ) : null}
      <div
        className="posts"
        data-card-close={t("userCard.close")}
        data-card-failed={t("userCard.failed")}
        dangerouslySetInnerHTML={{ __html: posts }}
      />
      {d.next ? (
        <p className="pager">
          <AppLink to={`${d.topic.path}/${d.next}`} rel="next" className="button secondary">
            {t("topic.later")}
          </AppLink>
        </p>
      ) : null}
      {d.can.reply ? (
        <button type="button" id="quote-selection" className="quote-selection" data-topic={d.topic.id} hidden>
          {t("topic.quoteSelection")}
        </button>
      ) : null}
      {d.can.reply ? (
        <section id="composer" className="reply-composer" aria-labelledby="composer-title">
          <h2 id="composer-title">{t("topic.yourReply")}</h2>
          {replyTo ? <p className="muted">{t("topic.replyingTo", { number: replyTo })}</p> : null}
          {d.limits ? <p className="notice">{message("composer.newMemberLimits", d.limits)}</p> : null}
          {res?.formError && res.at === "composer" ? (
            <FormError message={res.formError} values={res.errorValues} />
          ) : null}
          {!res && d.draftRestored ? <p className="notice">{t("composer.draftRestored")}</p> : null}
          <Form method="post" className="stack" action={`${d.topic.path}#composer`} data-draft={d.draftKey}>
            {d.submissionKey ? <input type="hidden" name="submissionKey" value={d.submissionKey} /> : null}
            {replyTo ? <input type="hidden" name="replyTo" value={replyTo} /> : null}
            <Composer
              key={d.draft}
              defaultValue={values.body ?? d.draft}
              error={res?.fields?.body}
              errorValues={res?.errorValues}
              preview={preview}
              uploaded={res?.uploaded}
            />
            <ComposerActions intent="reply" label={t("composer.submitReply")} notice={res?.notice} />
          </Form>
        </section>
      ) : !d.can.signedIn ? (
        <p>
          <AppLink to={`/login?redirectTo=${encodeURIComponent(d.topic.path)}`}>{t("forum.signInToPost")}</AppLink>
        </p>
      ) : null}
      <SuggestedTopics />
      {/* constant, allowed by hash (app/web/inline-scripts.server.ts): user cards and the reading position */}
      <script dangerouslySetInnerHTML={{ __html: TOPIC_SCRIPT }} />
    </div>
  );
}

/** Where the reader is ("Posts 1–20 of 48", then "12 of 48" with JavaScript) and where they can jump. */
function TopicNav() {
  const { t } = useTranslation();
  const d = useLoaderData<typeof loader>();
  const { path, highest } = d.topic;
  return (
    <nav className="topic-nav" aria-label={t("topicNav.label")}>
      <span className="topic-progress" data-progress-at={t("topicNav.progress", { at: "__N__", total: highest })}>
        {t("topicNav.showing", { from: d.from, to: d.lastShown, total: highest })}
      </span>
      {d.from > 1 ? <AppLink to={path}>{t("topicNav.first")}</AppLink> : null}
      {d.lastShown < highest ? <AppLink to={`${path}/${highest}#post-${highest}`}>{t("topicNav.last")}</AppLink> : null}
      {d.can.reply && highest >= LONG_TOPIC_POSTS ? <a href="#composer">{t("topicNav.replyBox")}</a> : null}
      <form method="get" action={path} className="topic-date">
        <label>
          {t("topicNav.date")} <input type="date" name="date" required />
        </label>
        <button type="submit" className="secondary small">
          {t("topicNav.go")}
        </button>
      </form>
    </nav>
  );
}

/** Where to read next: the viewer's unread and new topics first, then the category's latest, then related. */
function SuggestedTopics() {
  const { t } = useTranslation();
  const { suggested } = useLoaderData<typeof loader>();
  if (!suggested.length) return null;
  return (
    <section className="suggested-topics" aria-labelledby="suggested-title">
      <h2 id="suggested-title">{t("suggested.title")}</h2>
      <ul>
        {suggested.map((s) => (
          <li key={s.id}>
            <AppLink to={s.path}>{s.title}</AppLink>{" "}
            <span className="muted">{t("suggested.replies", { count: s.replies })}</span>
            {s.unread ? (
              <span className="tag-state">{t("suggested.unread", { count: s.unread })}</span>
            ) : s.isNew ? (
              <span className="tag-state">{t("suggested.new")}</span>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
