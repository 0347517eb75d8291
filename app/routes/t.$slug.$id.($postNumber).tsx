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
import { requestLocale } from "~/locale";
import { likePost, unlikePost } from "~/models/forum/like.server";
import { createReply } from "~/models/forum/post.server";
import { renderPostBody } from "~/models/forum/render.server";
import { composerUploadAnswer, isMultipart } from "~/web/composer-upload.server";
import { parseForm, ReplySchema, type FormAnswer } from "~/models/shared/forms.server";
import { DraftSchema } from "~/models/forum/topic.schema";
import { TOPIC_SCRIPT } from "~/web/topic-enhance";
import type { PageHandle } from "~/web/enhance";
import { getTopic, topicUrl } from "~/models/forum/topic.server";
import { scopeOf } from "~/models/permissions.server";
import { getViewer, requireViewer } from "~/viewer.server";
import { loadTopicPage } from "~/models/forum/topic-page.server";
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
  const result = await loadTopicPage({ viewer, lang, url: new URL(request.url), params });
  if (!result) notFound();
  if (result.kind === "redirect") throw redirect(result.to);
  return result.page;
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
