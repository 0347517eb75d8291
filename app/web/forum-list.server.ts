// What every topic-list page loads: the page of topics for the viewer, the categories for the
// navigation, and the counts for New / Unread.
import { redirect } from "@remix-run/node";
import { positiveId, readForm } from "./http.server";
import { listVisibleCategories } from "../models/forum/category.server";
import { getTagNames } from "../models/forum/tag.server";
import { countNewAndUnread, dismissTopics, listTopics, type ListFilter } from "../models/forum/topic-list.server";
import { scopeOf } from "../models/permissions.server";
import { getViewer, requireViewer } from "../viewer.server";
import { requestLocale } from "../locale";
import { localized } from "../models/shared/localized";
import type { Category } from "../models/forum/category.server";

/** A category as lists and the navigation show it, in the reader's language. */
const shownCategory = (c: Category, lang: string) => ({
  slug: c.slug,
  name: localized(c, "name", lang),
  colour: c.colour,
  description: localized(c, "description", lang),
  topic_count: c.topic_count,
});

/** The categories page: categories and the New/Unread counts, no topic query. */
export async function loadForumNav(request: Request) {
  const viewer = await getViewer(request);
  const scope = scopeOf(viewer);
  const lang = requestLocale(request, viewer?.locale);
  const [categories, counts] = await Promise.all([
    listVisibleCategories(scope),
    countNewAndUnread({ scope, lastVisitAt: viewer?.lastVisitAt ?? null }),
  ]);
  return {
    categories: categories.map((c) => shownCategory(c, lang)),
    counts,
    signedIn: !!viewer,
  };
}

export async function loadTopicList(request: Request, filter: ListFilter) {
  const viewer = await getViewer(request);
  const scope = scopeOf(viewer);
  const url = new URL(request.url);
  const cursor = url.searchParams.get("after");
  const lang = requestLocale(request, viewer?.locale);
  const [list, categories, counts, tagNames] = await Promise.all([
    listTopics({ scope, filter, cursor, lastVisitAt: viewer?.lastVisitAt ?? null, muted: viewer?.mutedCategoryIds }),
    listVisibleCategories(scope),
    countNewAndUnread({ scope, lastVisitAt: viewer?.lastVisitAt ?? null }),
    getTagNames(lang),
  ]);
  const nextUrl = list.next
    ? `${url.pathname}?${new URLSearchParams({ ...Object.fromEntries(url.searchParams), after: list.next })}`
    : null;
  return {
    topics: list.topics.map(({ category, tags, ...t }) => ({
      ...t,
      tags: tags.map((slug) => ({ slug, name: tagNames.get(slug) ?? slug })),
      category: { slug: category.slug, name: localized(category, "name", lang), colour: category.colour },
    })),
    nextUrl,
    categories: categories.map((c) => shownCategory(c, lang)),
    counts,
    signedIn: !!viewer,
    canPost: !!viewer,
  };
}

/** "Dismiss" on /new and /unread: every topic listed on the page (at most 100) counts as read. */
export async function dismissListed(request: Request, back: "/new" | "/unread") {
  const viewer = await requireViewer(request);
  const form = await readForm(request);
  const ids = (form.topicIds ?? "")
    .split(",")
    .map((s) => positiveId(s.trim()))
    .filter((n): n is number => n !== undefined)
    .slice(0, 100);
  await dismissTopics({ userId: viewer.id, topicIds: ids });
  return redirect(back);
}
