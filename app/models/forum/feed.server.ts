// RSS 2.0 feeds of the public forum: latest topics, a category's topics, a topic's posts.
// Feeds are read by anonymous readers and cached by aggregators, so they are built with the
// visitor's scope only: nothing outside a category whose see rule is "everyone" ever appears.
import type { TFunction } from "i18next";
import { db } from "../../db.server";
import { createI18n, type Locale } from "../../i18n";
import { renderPlainExcerpt } from "../../markdown/excerpt.server";
import { VISITOR } from "../permissions.server";
import { getCategoryBySlug, type Category } from "./category.server";
import { localized } from "../shared/localized";
import { getTopic, listTopicPosts, POSTS_PER_PAGE, topicUrl } from "./topic.server";
import { listTopics } from "./topic-list.server";

export type FeedItem = {
  title: string;
  path: string;
  author: string | null;
  publishedAt: Date;
  category?: string;
  /** plain text, HTML-escaped on output */
  text?: string;
  /** sanitised post HTML (already through the markdown pipeline), sent in CDATA */
  html?: string;
};

// Building an i18next instance costs a couple of milliseconds: one per language, reused.
const translators = new Map<Locale, TFunction>();
export function feedT(locale: Locale): TFunction {
  let t = translators.get(locale);
  if (!t) translators.set(locale, (t = createI18n(locale).t));
  return t;
}

export type Feed = { title: string; description: string; path: string; feedPath: string; items: FeedItem[] };

const isPublic = (c: Pick<Category, "see_rule"> | undefined) => c?.see_rule === "everyone";

/** The opening posts of listed topics: author and a plain excerpt (hidden or deleted openers give none). */
async function openingPosts(topicIds: number[]) {
  if (!topicIds.length) return new Map<number, { author: string | null; html: string }>();
  const rows = await db
    .selectFrom("posts")
    .leftJoin("users", "users.id", "posts.user_id")
    .select(["posts.topic_id", "posts.body_html", "posts.deleted_at", "posts.hidden_at", "users.username"])
    .where("posts.topic_id", "in", topicIds)
    .where("posts.post_number", "=", 1)
    .execute();
  return new Map(
    rows.map(
      (r) => [r.topic_id, { author: r.username, html: r.deleted_at || r.hidden_at ? "" : r.body_html }] as const,
    ),
  );
}

async function topicItems(categoryId: number | undefined, lang: string): Promise<FeedItem[]> {
  const { topics } = await listTopics({ scope: VISITOR, filter: { kind: "latest", categoryId } });
  // listTopics already limits a visitor to open categories; checked again here because a feed is public.
  const listed = topics.filter((t) => isPublic(t.category));
  const openers = await openingPosts(listed.map((t) => t.id));
  return listed.map((t) => {
    const opener = openers.get(t.id);
    return {
      title: t.title,
      path: topicUrl(t),
      author: opener?.author ?? null,
      publishedAt: t.created_at,
      category: localized(t.category, "name", lang),
      text: opener?.html ? renderPlainExcerpt(opener.html, 500) : "",
    };
  });
}

// `lang`: the feed's language (category names in it; `t` words the rest)
export async function getLatestFeed({ t, lang = "en" }: FeedArgs): Promise<Feed> {
  const items = await topicItems(undefined, lang);
  const path = "/latest";
  return {
    title: t("feeds.latestTitle"),
    description: t("feeds.latestDescription"),
    path,
    feedPath: "/latest.rss",
    items,
  };
}

/** undefined when the category does not exist or is not public (the route answers 404 for both). */
type FeedArgs = { t: TFunction; lang?: string };

export async function getCategoryFeed({
  slug,
  t,
  lang = "en",
}: FeedArgs & { slug: string }): Promise<Feed | undefined> {
  const category = await getCategoryBySlug(slug);
  if (!category || !isPublic(category)) return undefined;
  const name = localized(category, "name", lang);
  return {
    title: t("feeds.categoryTitle", { name }),
    description: localized(category, "description", lang) || t("feeds.categoryDescription", { name }),
    path: `/c/${category.slug}`,
    feedPath: `/c/${category.slug}.rss`,
    items: await topicItems(category.id, lang),
  };
}

/** The newest posts of a public, listed topic, newest first; undefined for anything else. */
export async function getTopicFeed({
  topicId,
  t,
  lang = "en",
}: FeedArgs & { topicId: number }): Promise<Feed | undefined> {
  const topic = await getTopic({ scope: VISITOR, topicId });
  if (!topic || !isPublic(topic.category) || topic.unlisted || topic.deleted_at) return undefined;
  const from = Math.max(1, topic.highest_post_number - POSTS_PER_PAGE + 1);
  const posts = await listTopicPosts({ scope: VISITOR, topic, from });
  const path = topicUrl(topic);
  const items = posts
    .filter((p) => p.state === "visible" && p.body_html)
    .reverse()
    .map((p) => ({
      title: p.post_number === 1 ? topic.title : t("feeds.postTitle", { number: p.post_number, title: topic.title }),
      path: `${path}/${p.post_number}`,
      author: p.username,
      publishedAt: p.created_at,
      html: p.body_html,
    }));
  const category = localized(topic.category, "name", lang);
  const description = t("feeds.topicDescription", { title: topic.title, category });
  return { title: topic.title, description, path, feedPath: `${path}.rss`, items };
}

// ---- RSS 2.0 output --------------------------------------------------------------------------

// Characters XML 1.0 forbids (control characters, lone surrogates, U+FFFE/U+FFFF) make a feed unparseable.
// With the u flag a lone surrogate is a code point of its own, outside every allowed range.
const INVALID_XML = /[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

export const xmlText = (s: string) =>
  s
    .replace(INVALID_XML, "")
    .replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!);

const htmlText = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);

/** CDATA cannot contain "]]>": split it across two sections. */
export const cdata = (s: string) => `<![CDATA[${s.replace(INVALID_XML, "").replace(/]]>/g, "]]]]><![CDATA[>")}]]>`;

/** Site-relative links in post HTML (mentions, #category links, uploads) made absolute for feed readers. */
export const absolutise = (html: string, origin: string) =>
  html.replace(/(\s(?:href|src))="\/(?!\/)/g, `$1="${origin}/`);

export function renderRss(
  feed: Feed,
  { origin, language, generator }: { origin: string; language: string; generator: string },
): string {
  const abs = (p: string) => `${origin}${p}`;
  const newest = feed.items.reduce<Date | null>((d, i) => (!d || i.publishedAt > d ? i.publishedAt : d), null);
  const items = feed.items.map((i) => {
    const url = abs(i.path);
    // Readers treat <description> as HTML: plain text is HTML-escaped first, so an excerpt that
    // quotes "<script>" stays text after the reader decodes the XML.
    const description = cdata(i.html !== undefined ? absolutise(i.html, origin) : `<p>${htmlText(i.text ?? "")}</p>`);
    return [
      "<item>",
      `<title>${xmlText(i.title)}</title>`,
      `<link>${xmlText(url)}</link>`,
      `<guid isPermaLink="true">${xmlText(url)}</guid>`,
      `<pubDate>${i.publishedAt.toUTCString()}</pubDate>`,
      i.author ? `<dc:creator>${xmlText(i.author)}</dc:creator>` : "",
      i.category ? `<category>${xmlText(i.category)}</category>` : "",
      `<description>${description}</description>`,
      "</item>",
    ].join("");
  });
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">`,
    "<channel>",
    `<title>${xmlText(feed.title)}</title>`,
    `<link>${xmlText(abs(feed.path))}</link>`,
    `<description>${xmlText(feed.description)}</description>`,
    `<language>${xmlText(language)}</language>`,
    `<generator>${xmlText(generator)}</generator>`,
    `<atom:link href="${xmlText(abs(feed.feedPath))}" rel="self" type="application/rss+xml"/>`,
    newest ? `<lastBuildDate>${newest.toUTCString()}</lastBuildDate>` : "",
    "<ttl>15</ttl>",
    ...items,
    "</channel>",
    "</rss>",
    "",
  ].join("\n");
}

// worded in the Accept-Language's language: a shared cache keeps one copy per language
export const RSS_HEADERS = {
  "Content-Type": "application/rss+xml; charset=utf-8",
  "Cache-Control": "public, max-age=60",
  Vary: "Accept-Language",
};
