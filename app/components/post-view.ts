// A topic's posts, written as one string for every reader: visitors, members, authors and staff.
// A topic page's 20 posts rendered as React elements were a third of its server time, so this is
// their only implementation (the page does not hydrate). Every value goes through escapeHtml;
// body_html was sanitised on write. The actions are plain HTML forms and links: they work without
// JavaScript, and the root's forms script (app/web/enhance.ts) marks a sending form busy.
import type { TFunction } from "i18next";
import { escapeHtml as esc } from "~/html";
import { isDeletedMember } from "~/models/account/tombstone";
import { avatarClass, initials } from "./avatar";
import { levelTagHtml } from "./level-badge";
import { relativeTime } from "./relative-time";

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
  /** its author is ignored by the viewer: the body is folded away (a <details>, no JavaScript needed) */
  ignored?: boolean;
  state: "visible" | "withdrawn" | "deleted" | "hidden";
};

/** A small action among the posts ("@alice added @bob"), shown after post `after_post_number`. */
export type TopicActionItem = {
  id: number;
  kind: "participant_added";
  after_post_number: number;
  created_at: string | Date;
  by_username: string | null;
  target_username: string | null;
};

export type PostAbilities = { signedIn: boolean; reply: boolean; moderate: boolean; like: boolean };

type PostsContext = {
  topicPath: string;
  can: PostAbilities;
  t: TFunction;
  lang: string;
  /** in the order they happened */
  actions?: TopicActionItem[];
};

/**
 * A post form with one button: `fields` are hidden inputs, `button` the button's attributes after its type. With
 * no `action`, the form posts to the page's own address (path and query), as a Remix form would.
 */
function postForm(action: string | null, fields: string, button: string, label: string): string {
  const submit = `<button type="submit" ${button}>${esc(label)}</button>`;
  return `<form method="post"${action === null ? "" : ` action="${esc(action)}"`}>${fields}${submit}</form>`;
}

/** What the viewer may do with a post: like, reply, quote, bookmark, edit, withdraw, restore, flag, moderate. */
function actionsHtml(post: PostItem, name: string, c: PostsContext): string {
  const { can, t } = c;
  const gone = post.state === "withdrawn" || post.state === "deleted";
  let h = "";
  if (can.like && !post.own && !gone) {
    const label = esc(t(post.liked ? "topic.unlikeLabel" : "topic.likeLabel", { name }));
    const intent = `name="intent" value="${post.liked ? "unlike" : "like"}"`;
    const pressed = `aria-pressed="${post.liked}" aria-label="${label}"`;
    const button = `${intent} class="secondary small like${post.liked ? " liked" : ""}" ${pressed}`;
    const field = `<input type="hidden" name="postId" value="${post.id}"/>`;
    h += postForm(null, field, button, `♥ ${post.like_count}`);
  } else {
    h += `<span class="like-count">${esc(t("topic.likes", { count: post.like_count }))}</span>`;
  }
  const n = post.post_number;
  // Reply and Quote open the composer on the page being read (a relative address: the page's path, a new query).
  // With the like form's own address left out, a member's page carries 5 KB less for 20 posts.
  if (can.reply && !gone) {
    h += `<a href="?replyTo=${n}#composer">${esc(t("topic.reply"))}</a>`;
    h += `<a href="?quote=${n}#composer" data-quote="${n}">${esc(t("topic.quote"))}</a>`;
  }
  if (can.signedIn && !gone) {
    h += `<a href="/p/${post.id}/bookmark">${esc(post.bookmarked ? t("bookmark.saved") : t("topic.bookmark"))}</a>`;
  }
  if ((post.own || can.moderate) && !gone) h += `<a href="/p/${post.id}/edit">${esc(t("topic.edit"))}</a>`;
  const tool = (intent: string) => `name="intent" value="${intent}" class="link-button"`;
  if (post.own && !gone) h += postForm(`/p/${post.id}`, "", tool("delete"), t("topic.delete"));
  if (gone && (can.moderate || (post.own && post.state === "withdrawn"))) {
    h += postForm(`/p/${post.id}`, "", tool("restore"), t("topic.restore"));
  }
  if (can.signedIn && !post.own && !gone) h += `<a href="/p/${post.id}/flag">${esc(t("topic.flag"))}</a>`;
  if (can.moderate) h += `<a href="/p/${post.id}/moderate">${esc(t("topic.moderate"))}</a>`;
  return h;
}

/** One line, no author block: who did what, and when (Discourse's small-action post). */
function actionHtml(a: TopicActionItem, c: PostsContext): string {
  const who = (username: string | null) =>
    !username || isDeletedMember(username) ? c.t("privacy.deletedMember") : `@${username}`;
  const text = c.t("messages.added", { by: who(a.by_username), added: who(a.target_username) });
  const when = relativeTime(a.created_at, c.lang);
  const time = `<time dateTime="${when.iso}" title="${esc(when.exact)}">${esc(when.text)}</time>`;
  return `<p class="small-action" id="action-${a.id}">${esc(text)} · ${time}</p>`;
}

/** The posts as HTML: author, time, body, and what the viewer may do with each; small actions between them. */
export function postsHtml(posts: PostItem[], c: PostsContext): string {
  const { t, topicPath } = c;
  let h = "";
  for (const post of posts) {
    const departed = isDeletedMember(post.username);
    const name = departed ? t("privacy.deletedMember") : (post.display_name ?? "—");
    const n = post.post_number;
    const anchor = `post-${n}`;
    const user = post.username ? ` data-username="${esc(post.username)}"` : "";
    h += `<article class="post post-${post.state}" id="${anchor}" aria-labelledby="${anchor}-author"${user}`;
    h += ` data-post-number="${n}"><header class="post-head">`;
    const avatar = `<span class="${avatarClass(name, 40)}" aria-hidden="true">${esc(initials(name))}</span>`;
    // the name and the avatar open the profile, or with the topic script the user card (app/web/topic-enhance.ts)
    const card =
      post.username && !departed
        ? `href="/u/${esc(post.username)}" data-user-card="${esc(post.username)}" ` +
          `data-card-label="${esc(t("userCard.label", { name }))}"`
        : "";
    h += card ? `<a ${card} class="avatar-link" tabindex="-1" aria-hidden="true">${avatar}</a>` : avatar;
    const author = card ? `<a ${card}>${esc(name)}</a>` : esc(name);
    const level = levelTagHtml(post.level, post.badge_id, t);
    h += `<div><span id="${anchor}-author" class="post-author">${author}</span>${level}`;
    const when = relativeTime(post.created_at, c.lang);
    const permalink = esc(t("topic.permalink", { number: n }));
    h += `<div class="post-meta"><a href="${esc(`${topicPath}/${n}#${anchor}`)}" aria-label="${permalink}">`;
    h += `<time dateTime="${when.iso}" title="${esc(when.exact)}">${esc(when.text)}</time></a>`;
    const r = post.reply_to_post_number;
    if (r) h += ` · <a href="${esc(`${topicPath}/${r}#post-${r}`)}">${esc(t("topic.replyTo", { number: r }))}</a>`;
    if (post.revision_count > 0) {
      h += ` · <a href="/p/${post.id}/revisions">${esc(t("topic.revisions", { count: post.revision_count }))}</a>`;
    }
    h += `</div></div><span class="post-number" aria-hidden="true">#${n}</span></header>`;
    if (post.state === "withdrawn") h += `<p class="post-note">${esc(t("topic.withdrawn"))}</p>`;
    if (post.state === "deleted") h += `<p class="post-note">${esc(t("topic.deleted"))}</p>`;
    if (post.state === "hidden") {
      h += `<p class="post-note">${esc(post.own ? t("topic.hiddenOwn") : t("topic.hidden"))}</p>`;
    }
    const body = post.body_html ? `<div class="post-body">${post.body_html}</div>` : "";
    if (body && post.ignored) {
      h += `<details class="post-ignored"><summary>${esc(t("messages.ignoredPost"))}</summary>${body}</details>`;
    } else h += body;
    h += `<footer class="post-actions">${actionsHtml(post, name, c)}</footer></article>`;
    for (const a of c.actions ?? []) if (a.after_post_number === n) h += actionHtml(a, c);
  }
  return h;
}
