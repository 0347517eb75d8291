import { escapeHtml } from "~/html";
import { useTranslation } from "~/use-translation";
import { AppLink } from "./app-link";
import { avatarClass, initials } from "./avatar";
import { relativeTime } from "./relative-time";
import { localized } from "~/models/shared/localized";
import { intlLocale } from "~/locale";
import { numberFormat } from "~/intl";

export type TopicListItem = {
  id: number;
  slug: string;
  title: string;
  tags: { slug: string; name: string }[];
  reply_count: number;
  highest_post_number: number;
  like_count: number;
  bumped_at: string | Date;
  pinned: boolean;
  closed_at: string | Date | null;
  archived_at: string | Date | null;
  /** posts after the member's last read one (app/models/forum/topic-tracking.server.ts) */
  unread: number;
  is_new: boolean;
  category: { slug: string; name: string; colour: string };
  posters: { username: string; display_name: string }[];
};

export function CategoryBadge({
  category,
}: {
  category: { slug: string; name: string; name_fr?: string | null; colour: string };
}) {
  const { i18n } = useTranslation();
  return (
    // the colour square is the link's ::before (styles.css): one element less in every row
    <AppLink
      to={`/c/${category.slug}`}
      className="category-badge"
      style={{ "--c": category.colour } as React.CSSProperties}
    >
      {localized(category, "name", i18n.language)}
    </AppLink>
  );
}

// The rows are written as one string, not as React elements: a list of 30 topics is about 650
// elements, and React's server renderer spent 1.3 ms on them, 40% of /latest's server time (Discourse
// renders its topic list items with raw templates for the same reason). Every value goes through
// escapeHtml; the markup is the same as the components' would be (CategoryBadge, Avatar with a
// label, RelativeTime), with plain links.
type RowLabels = {
  pinned: string;
  closed: string;
  archived: string;
  new: string;
  unread: (n: number) => string;
  posters: string;
  replies: string;
  likes: string;
  activity: string;
};

const COLOUR = /^#[0-9a-fA-F]{3,8}$/;

function rowHtml(topic: TopicListItem, showCategory: boolean, signedIn: boolean, lang: string, l: RowLabels): string {
  // a member with unread replies lands on the first one
  const firstUnread = signedIn && topic.unread ? `/${topic.highest_post_number - topic.unread + 1}` : "";
  const href = `/t/${topic.slug}/${topic.id}${firstUnread}`;
  let h = `<li class="topic-row"><div class="topic-main">`;
  h += `<a href="${escapeHtml(href)}" class="topic-title">${escapeHtml(topic.title)}</a>`;
  if (topic.pinned) h += `<span class="tag-state">${escapeHtml(l.pinned)}</span>`;
  if (topic.closed_at) h += `<span class="tag-state">${escapeHtml(l.closed)}</span>`;
  if (topic.archived_at) h += `<span class="tag-state">${escapeHtml(l.archived)}</span>`;
  if (signedIn && topic.unread) h += `<span class="unread-badge">${escapeHtml(l.unread(topic.unread))}</span>`;
  if (signedIn && topic.is_new) h += `<span class="new-badge">${escapeHtml(l.new)}</span>`;
  h += `<div class="topic-meta">`;
  if (showCategory) {
    const c = topic.category;
    const style = COLOUR.test(c.colour) ? ` style="--c:${c.colour}"` : "";
    h += `<a href="/c/${escapeHtml(c.slug)}" class="category-badge"${style}>${escapeHtml(c.name)}</a>`;
  }
  for (const tag of topic.tags) h += `<a href="/tag/${escapeHtml(tag.slug)}" class="tag">${escapeHtml(tag.name)}</a>`;
  h += `</div></div><div class="posters" role="group" aria-label="${escapeHtml(l.posters)}">`;
  for (const p of topic.posters) {
    const name = escapeHtml(p.display_name);
    const avatar = avatarClass(p.display_name, 24);
    const letters = escapeHtml(initials(p.display_name));
    h += `<span class="${avatar}" role="img" aria-label="${name}" title="${name}">${letters}</span>`;
  }
  const when = relativeTime(topic.bumped_at, lang);
  const count = (n: number) => numberFormat(intlLocale(lang)).format(n);
  h += `</div><dl class="topic-stats"><dt>${escapeHtml(l.replies)}</dt><dd>${count(topic.reply_count)}</dd>`;
  h += `<dt>${escapeHtml(l.likes)}</dt><dd>${count(topic.like_count)}</dd>`;
  h += `<dt>${escapeHtml(l.activity)}</dt>`;
  h += `<dd><time datetime="${when.iso}" title="${escapeHtml(when.exact)}">${escapeHtml(when.text)}</time></dd>`;
  h += `</dl></li>`;
  return h;
}

/** The topic table of every list page: one row per topic, readable as a list on a phone. */
export function TopicList({
  topics,
  showCategory = true,
  signedIn,
}: {
  topics: TopicListItem[];
  showCategory?: boolean;
  signedIn: boolean;
}) {
  const { t, i18n } = useTranslation();
  const labels: RowLabels = {
    pinned: t("forum.pinned"),
    closed: t("forum.closed"),
    archived: t("forum.archived"),
    new: t("forum.newBadge"),
    unread: (count) => t("forum.unreadBadge", { count }),
    posters: t("forum.columns.posters"),
    replies: t("forum.columns.replies"),
    likes: t("forum.columns.likes"),
    activity: t("forum.columns.activity"),
  };
  const lang = i18n.language || "en";
  let rows = "";
  for (const topic of topics) rows += rowHtml(topic, showCategory, signedIn, lang, labels);
  return <ol className="topic-list" dangerouslySetInnerHTML={{ __html: rows }} />;
}
