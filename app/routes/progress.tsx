import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ProgressPage } from "~/components/progress-view";
import { notFound } from "~/http.server";
import { getProgressPage } from "~/models/progress/page.server";
import progressStyles from "~/styles/progress.css";
import { requireViewer } from "~/viewer.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: progressStyles }];
export const meta: MetaFunction = () => [{ title: "Your progress · Touchpoints" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  // ?all=1 lists every item behind each count (explainable progress), not only the latest
  const all = new URL(request.url).searchParams.has("all");
  const page = await getProgressPage({ userId: viewer.id, itemLimit: all ? 10_000 : 20 });
  if (!page) notFound();
  return page;
}

export default function Progress() {
  const data = useLoaderData<typeof loader>();
  return <ProgressPage data={data} self />;
}
