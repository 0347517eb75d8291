import { Form } from "@remix-run/react";
import type { TFunction } from "i18next";
import { escapeHtml as esc } from "~/html";
import { useTranslation } from "~/use-translation";
import { isDeletedMember } from "~/models/tombstone";
import { Avatar, avatarClass, initials } from "./avatar";
import { LevelBadge } from "./level-badge";
import { relativeTime, RelativeTime } from "./relative-time";

export type PostItem = {
  id: number;
  post_number: number;
  user_id: number | null;
  username: string | null;
  display_name: string | null;
  level: number | null;
  badge_id?: string | null;
  reply_to_post_number: number | null;
  body_html: string;
  like_count: number;
  revision_count: number;
  created_at: string | Date;
  edited_at: string | Date | null;
  liked: boolean;
  bookmarked: boolean;
  own: boolean;
  state: "visible" | "withdrawn" | "deleted" | "hidden";
};

type Abilities = { signedIn: boolean; reply: boolean; moderate: boolean; like: boolean };

/** One post: author, time, body (already sanitised on write), and what the viewer may do with it. */
export function PostView({ post, topicPath, can }: { post: PostItem; topicPath: string; can: Abilities }) {
  const { t } = useTranslation();
  const departed = isDeletedMember(post.username);
  const name = departed ? t("privacy.deletedMember") : (post.display_name ?? "—");
  const anchor = `post-${post.post_number}`;
  const gone = post.state === "withdrawn" || post.state === "deleted";
  return (
    <article className={`post post-${post.state}`} id={anchor} aria-labelledby={`${anchor}-author`} data-username={post.username ?? undefined} data-post-number={post.post_number}>
      <header className="post-head">
        <Avatar name={name} size={40} />
        <div>
          <span id={`${anchor}-author`} className="post-author">
            {post.username && !departed ? <a href={`/u/${post.username}`}>{name}</a> : name}
          </span>
          <LevelBadge level={post.level} badgeId={post.badge_id} />
          <div className="post-meta">
            <a href={`${topicPath}/${post.post_number}#${anchor}`} aria-label={t("topic.permalink", { number: post.post_number })}>
              <RelativeTime date={post.created_at} />
            </a>
            {post.reply_to_post_number ? (
              <>
                {" · "}
                <a href={`${topicPath}/${post.reply_to_post_number}#post-${post.reply_to_post_number}`}>{t("topic.replyTo", { number: post.reply_to_post_number })}</a>
              </>
            ) : null}
            {post.revision_count > 0 ? (
              <>
                {" · "}
                <a href={`/p/${post.id}/revisions`}>{t("topic.revisions", { count: post.revision_count })}</a>
              </>
            ) : null}
          </div>
        </div>
        <span className="post-number" aria-hidden="true">
          {`#${post.post_number}`}
        </span>
      </header>
      {post.state === "withdrawn" ? <p className="post-note">{t("topic.withdrawn")}</p> : null}
      {post.state === "deleted" ? <p className="post-note">{t("topic.deleted")}</p> : null}
      {post.state === "hidden" ? <p className="post-note">{post.own ? t("topic.hiddenOwn") : t("topic.hidden")}</p> : null}
      {post.body_html ? <div className="post-body" dangerouslySetInnerHTML={{ __html: post.body_html }} /> : null}
      <footer className="post-actions">
        {can.like && !post.own && !gone ? (
          <Form method="post" preventScrollReset>
            <input type="hidden" name="postId" value={post.id} />
            <button type="submit" name="intent" value={post.liked ? "unlike" : "like"} className={`secondary small like${post.liked ? " liked" : ""}`} aria-pressed={post.liked} aria-label={t(post.liked ? "topic.unlikeLabel" : "topic.likeLabel", { name })}>
              ♥ {post.like_count}
            </button>
          </Form>
        ) : (
          <span className="like-count">{t("topic.likes", { count: post.like_count })}</span>
        )}
        {can.reply && !gone ? (
          <>
            <a href={`${topicPath}?replyTo=${post.post_number}#composer`}>{t("topic.reply")}</a>
            <a href={`${topicPath}?quote=${post.post_number}#composer`} data-quote={post.post_number}>
              {t("topic.quote")}
            </a>
          </>
        ) : null}
        {can.signedIn && !gone ? <a href={`/p/${post.id}/bookmark`}>{post.bookmarked ? t("bookmark.saved") : t("topic.bookmark")}</a> : null}
        {(post.own || can.moderate) && !gone ? <a href={`/p/${post.id}/edit`}>{t("topic.edit")}</a> : null}
        {post.own && !gone ? (
          <Form method="post" action={`/p/${post.id}`}>
            <button type="submit" name="intent" value="delete" className="link-button">
              {t("topic.delete")}
            </button>
          </Form>
        ) : null}
        {gone && (can.moderate || (post.own && post.state === "withdrawn")) ? (
          <Form method="post" action={`/p/${post.id}`}>
            <button type="submit" name="intent" value="restore" className="link-button">
              {t("topic.restore")}
            </button>
          </Form>
        ) : null}
        {can.signedIn && !post.own && !gone ? <a href={`/p/${post.id}/flag`}>{t("topic.flag")}</a> : null}
        {can.moderate ? <a href={`/p/${post.id}/moderate`}>{t("topic.moderate")}</a> : null}
      </footer>
    </article>
  );
}

/** Abilities of a reader who can act on nothing (a visitor): their posts need no forms. */
export const readsOnly = (can: Abilities) => !can.signedIn && !can.reply && !can.moderate && !can.like;

/**
 * The posts of a reader who can act on nothing, as one string: exactly PostView's markup
 * (test/unit/html.test.ts renders both and compares them), without React's cost per element.
 * Visitors read most pages; a topic page's 20 posts were a third of its server time.
 */
export function readOnlyPostsHtml(posts: PostItem[], topicPath: string, t: TFunction, lang: string): string {
  let h = "";
  for (const post of posts) {
    const departed = isDeletedMember(post.username);
    const name = departed ? t("privacy.deletedMember") : (post.display_name ?? "—");
    const n = post.post_number;
    const anchor = `post-${n}`;
    h += `<article class="post post-${post.state}" id="${anchor}" aria-labelledby="${anchor}-author"${post.username ? ` data-username="${esc(post.username)}"` : ""} data-post-number="${n}">`;
    h += `<header class="post-head"><span class="${avatarClass(name, 40)}" aria-hidden="true">${esc(initials(name))}</span>`;
    h += `<div><span id="${anchor}-author" class="post-author">${post.username && !departed ? `<a href="/u/${esc(post.username)}">${esc(name)}</a>` : esc(name)}</span>`;
    if (post.level && post.level >= 1 && post.level <= 4) {
      const pill = `${esc(t("badges.pill.text", { level: post.level, name: t(`badges.levelShort.${post.level}`) }))}<span class="visually-hidden">${esc(` ${t("badges.pill.levelSuffix", { level: post.level })}`)}</span>`;
      const cls = `level-tag level-tag-${post.level}`;
      h += post.badge_id ? `<a class="${cls}" href="/badges/${esc(post.badge_id)}">${pill}</a>` : `<span class="${cls}">${pill}</span>`;
    }
    const when = relativeTime(post.created_at, lang);
    h += `<div class="post-meta"><a href="${esc(`${topicPath}/${n}#${anchor}`)}" aria-label="${esc(t("topic.permalink", { number: n }))}"><time dateTime="${when.iso}" title="${esc(when.exact)}">${esc(when.text)}</time></a>`;
    const r = post.reply_to_post_number;
    if (r) h += ` · <a href="${esc(`${topicPath}/${r}#post-${r}`)}">${esc(t("topic.replyTo", { number: r }))}</a>`;
    if (post.revision_count > 0) h += ` · <a href="/p/${post.id}/revisions">${esc(t("topic.revisions", { count: post.revision_count }))}</a>`;
    h += `</div></div><span class="post-number" aria-hidden="true">#${n}</span></header>`;
    if (post.state === "withdrawn") h += `<p class="post-note">${esc(t("topic.withdrawn"))}</p>`;
    if (post.state === "deleted") h += `<p class="post-note">${esc(t("topic.deleted"))}</p>`;
    if (post.state === "hidden") h += `<p class="post-note">${esc(post.own ? t("topic.hiddenOwn") : t("topic.hidden"))}</p>`;
    if (post.body_html) h += `<div class="post-body">${post.body_html}</div>`;
    h += `<footer class="post-actions"><span class="like-count">${esc(t("topic.likes", { count: post.like_count }))}</span></footer></article>`;
  }
  return h;
}
