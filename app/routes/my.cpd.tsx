// The member's CPD standing: points this CPD year, what is needed, the next lapse, and the history.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { CpdStandingView } from "~/components/cpd-standing";
import { db } from "~/db.server";
import { getCpdStanding } from "~/models/journey/cpd/cpd.server";
import progressStyles from "~/styles/progress.css";
import type { PageHandle } from "~/web/enhance";
import { requireViewer } from "~/viewer.server";
import { pageTitle } from "~/web/page-title";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: progressStyles }];
export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "cpd.title") }];
// read-only: no React bundle needed
export const handle: PageHandle = { hydrate: false };

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  return getCpdStanding(db, { userId: viewer.id });
}

export default function MyCpd() {
  const { credentials } = useLoaderData<typeof loader>();
  return <CpdStandingView credentials={credentials} />;
}
