// A member's progress as staff see it (the member sees their own here too). Nobody else.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ProgressPage } from "~/components/progress-view";
import { notFound } from "~/web/http.server";
import { getProgressPage, getUserIdByUsername } from "~/models/journey/progress/page.server";
import { canViewProgress, scopeOf } from "~/models/permissions.server";
import progressStyles from "~/styles/progress.css";
import type { PageHandle } from "~/web/enhance";
import { pageTitle } from "~/web/page-title";
import { requireViewer } from "~/viewer.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: progressStyles }];
export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: pageTitle(matches, "progress.titleOf", { name: data?.standing.member.displayName ?? "" }) },
];
// nothing on the page needs JavaScript: no React bundle, no loader data handed to the browser
export const handle: PageHandle = { hydrate: false };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const userId = await getUserIdByUsername(params.username ?? "");
  // 404 rather than 403: whether a member exists is not revealed by this page
  if (!userId || !canViewProgress(scopeOf(viewer), userId)) notFound();
  const all = new URL(request.url).searchParams.has("all");
  const self = userId === viewer.id;
  // the next steps are the member's to take: shown to them only
  const nextStepsFor = self ? scopeOf(viewer) : undefined;
  const page = await getProgressPage({ userId, itemLimit: all ? 10_000 : 100, nextStepsFor });
  if (!page) notFound();
  return { ...page, self };
}

export default function MemberProgress() {
  const data = useLoaderData<typeof loader>();
  return <ProgressPage data={data} self={data.self} />;
}
