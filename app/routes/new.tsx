import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { UnreadListPage } from "~/components/unread-list";
import { dismissListed, loadTopicList } from "~/web/forum-list.server";
import { pageTitle } from "~/web/page-title";
import { requireViewer } from "~/viewer.server";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "forum.listTitle.new") }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireViewer(request);
  return loadTopicList(request, { kind: "new" });
}

export async function action({ request }: ActionFunctionArgs) {
  return dismissListed(request, "/new");
}

export default function List() {
  return <UnreadListPage kind="new" data={useLoaderData<typeof loader>()} />;
}
