// /t/:slug without an id (a link typed or shared by title): the newest topic of that slug the viewer may
// see. No such topic, or only ones the viewer may not see: the 404 page, the same either way, so a
// private topic's slug reveals nothing.
import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { z } from "zod";
import { findTopicBySlug } from "~/models/forum/topic-navigation.server";
import { topicUrl } from "~/models/forum/topic.server";
import { scopeOf } from "~/models/permissions.server";
import { getViewer } from "~/viewer.server";
import { notFound } from "~/web/http.server";
import { pageTitle } from "~/web/page-title";

const Slug = z.string().min(1).max(300);

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "errors.notFoundTitle") }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const slug = Slug.safeParse(params.slug);
  if (!slug.success) notFound();
  const viewer = await getViewer(request);
  const topic = await findTopicBySlug({ scope: scopeOf(viewer), slug: slug.data });
  if (!topic) notFound();
  // 302, not 301: which topic a slug leads to depends on who asks and may change with new topics
  throw redirect(topicUrl(topic), { headers: { "Cache-Control": "private, no-store" } });
}

// the loader always answers with a redirect or the 404 page
export default function TopicBySlug() {
  return null;
}
