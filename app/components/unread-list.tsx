// The body of /new and /unread: the member's list with a "Dismiss" form for what it shows.
import { Form } from "@remix-run/react";
import { useTranslation } from "~/use-translation";
import { ForumNav, MoreLink } from "./forum-nav";
import { TopicList, type TopicListItem } from "./topic-list";

type Data = {
  topics: TopicListItem[];
  counts: { new: number; unread: number };
  signedIn: boolean;
  nextUrl: string | null;
};

export function UnreadListPage({ kind, data: d }: { kind: "new" | "unread"; data: Data }) {
  const { t } = useTranslation();
  return (
    <div>
      <h1>{t(`forum.listTitle.${kind}`)}</h1>
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
        <p>{t(kind === "new" ? "forum.emptyNew" : "forum.emptyUnread")}</p>
      )}
      <MoreLink href={d.nextUrl} />
    </div>
  );
}
