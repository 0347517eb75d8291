import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import type { PageHandle } from "~/web/enhance";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/use-translation";
import { ForumNav, MoreLink } from "~/components/forum-nav";
import { TopicList } from "~/components/topic-list";
import { loadTopicList } from "~/web/forum-list.server";
import { notFound, readForm } from "~/web/http.server";
import { getCategoryBySlug } from "~/models/forum/category.server";
import { canSeeCategory, canStartTopic, scopeOf } from "~/models/permissions.server";
import { getViewer, requireViewer } from "~/viewer.server";
import { WatchControl } from "~/components/watch-control";
import { getCategoryWatch, setCategoryWatch, WatchLevelSchema } from "~/models/forum/watching.server";
import { shareableHeaders } from "~/web/page-caching";
import { requestLocale } from "~/locale";
import { localized } from "~/models/shared/localized";

// A reading page: plain HTML, no React bundle (links and the search form work without it).
export const handle: PageHandle = { hydrate: false };
// the same for every visitor: kept a few seconds by shared caches (app/web/page-caching.ts)
export const headers = shareableHeaders;

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [
        { title: `${data.category.name} · Touchpoints` },
        { name: "description", content: data.category.description },
        ...(data.category.public
          ? [{ tagName: "link", rel: "alternate", type: "application/rss+xml", href: `/c/${data.category.slug}.rss` }]
          : []),
      ]
    : [];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  const scope = scopeOf(viewer);
  const lang = requestLocale(request, viewer?.locale);
  const category = await getCategoryBySlug(params.slug ?? "");
  // A category the viewer may not see does not exist for them (404, never 403).
  if (!category || category.see_rule === "participants" || !canSeeCategory(scope, category)) notFound();
  const [list, watch] = await Promise.all([
    loadTopicList(request, { kind: "latest", categoryId: category.id }),
    viewer ? getCategoryWatch({ userId: viewer.id, categoryId: category.id }) : undefined,
  ]);
  return {
    ...list,
    watchLevel: watch?.level ?? null,
    category: {
      slug: category.slug,
      name: localized(category, "name", lang),
      description: localized(category, "description", lang),
      colour: category.colour,
      archived: !!category.archived_at,
      public: category.see_rule === "everyone",
    },
    canStart: canStartTopic(scope, category),
  };
}

// the watching control: a member's level for this category (muted leaves its topics out of /latest)
export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const category = await getCategoryBySlug(params.slug ?? "");
  if (!category) notFound();
  const form = await readForm(request);
  const level = WatchLevelSchema.safeParse(form.level);
  if (form.intent !== "watch" || !level.success) throw data("Bad request", { status: 400 });
  const result = await setCategoryWatch({ scope: scopeOf(viewer), categoryId: category.id, level: level.data });
  if (!result.ok) notFound();
  return redirect(`/c/${category.slug}`);
}

export default function CategoryPage() {
  const { t } = useTranslation();
  const d = useLoaderData<typeof loader>();
  return (
    <div>
      <h1>
        <span className="swatch large" style={{ background: d.category.colour }} aria-hidden="true" /> {d.category.name}
      </h1>
      <p className="muted">{d.category.description}</p>
      {d.category.archived ? <p className="notice">{t("forum.categoryArchived")}</p> : null}
      {d.watchLevel ? <WatchControl level={d.watchLevel} id="category-watch" /> : null}
      <ForumNav
        counts={d.counts}
        signedIn={d.signedIn}
        newTopicHref={d.canStart ? `/new-topic?category=${d.category.slug}` : "/new-topic"}
      />
      {d.topics.length ? (
        <TopicList topics={d.topics} showCategory={false} signedIn={d.signedIn} />
      ) : (
        <p>{t("forum.empty")}</p>
      )}
      <MoreLink href={d.nextUrl} />
      {d.category.public ? (
        <p>
          <a href={`/c/${d.category.slug}.rss`}>{t("forum.feed")}</a>
        </p>
      ) : null}
    </div>
  );
}
