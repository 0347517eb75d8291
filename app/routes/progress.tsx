import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { CpdSummary } from "~/components/cpd-standing";
import { MyTutor } from "~/components/my-tutor";
import { ProgressPage } from "~/components/progress-view";
import { notFound } from "~/web/http.server";
import { isReadyForAssessment, listMyGroups } from "~/models/groups/learning-group.server";
import { getProgressPage } from "~/models/journey/progress/page.server";
import { getCpdStanding } from "~/models/journey/cpd/cpd.server";
import { scopeOf } from "~/models/permissions.server";
import progressStyles from "~/styles/progress.css";
import type { PageHandle } from "~/web/enhance";
import { requireViewer } from "~/viewer.server";
import { pageTitle } from "~/web/page-title";
import { db } from "~/db.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: progressStyles }];
export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "progress.title") }];
// nothing on the page needs JavaScript: no React bundle, no loader data handed to the browser
export const handle: PageHandle = { hydrate: false };

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  // ?all=1 lists every item behind each count (explainable progress), not only the latest
  const all = new URL(request.url).searchParams.has("all");
  const [page, tutorGroups, ready, cpd] = await Promise.all([
    getProgressPage({ userId: viewer.id, itemLimit: all ? 10_000 : 20, nextStepsFor: scopeOf(viewer) }),
    listMyGroups(viewer.id),
    isReadyForAssessment(db, viewer.id),
    getCpdStanding(db, { userId: viewer.id }),
  ]);
  if (!page) notFound();
  return { ...page, tutorGroups, ready, cpd: cpd.credentials };
}

export default function Progress() {
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <ProgressPage data={data} self />
      <CpdSummary credentials={data.cpd} />
      <MyTutor groups={data.tutorGroups} ready={data.ready} />
    </>
  );
}
