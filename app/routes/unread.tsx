import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/use-translation";
import { ForumNav, MoreLink } from "~/components/forum-nav";
import { TopicList } from "~/components/topic-list";
import { loadTopicList } from "~/forum-list.server";
import { positiveId, readForm } from "~/http.server";
import { dismissTopics } from "~/models/topic.server";
import { requireViewer } from "~/viewer.server";
import { pageTitle } from "~/page-title";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "forum.listTitle.unread") }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireViewer(request);
  return loadTopicList(request, { kind: "unread" });
}

/** "Dismiss": everything listed on this page counts as read. */
export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const form = await readForm(request);
  const ids = (form.topicIds ?? "").split(",").map((s) => positiveId(s.trim())).filter((n): n is number => n !== undefined).slice(0, 100);
  await dismissTopics({ userId: viewer.id, topicIds: ids });
  return redirect("/unread");
}

export default function List() {
  const { t } = useTranslation();
  const d = useLoaderData<typeof loader>();
  return (
    <div>
      <h1>{t("forum.listTitle.unread")}</h1>
      <ForumNav counts={d.counts} signedIn={d.signedIn} />
      {d.topics.length ? (
        <>
          <Form method="post" className="dismiss">
            <input type="hidden" name="topicIds" value={d.topics.map((x) => x.id).join(",")} />
            <button type="submit" className="secondary">
              {t("forum.dismiss")}
            </button>
          </Form>
          <TopicList topics={d.topics} signedIn={d.signedIn} />
        </>
      ) : (
        <p>{t("forum.emptyUnread")}</p>
      )}
      <MoreLink href={d.nextUrl} />
    </div>
  );
}
