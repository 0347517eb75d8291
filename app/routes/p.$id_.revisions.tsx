// Every revision of a post with a word diff, for anyone who may read the post.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { diffWords } from "diff";
import { useTranslation } from "~/use-translation";
import { RelativeTime } from "~/components/relative-time";
import { db } from "~/db.server";
import { notFound, positiveId } from "~/web/http.server";
import { getReadablePost } from "~/models/moderation/flag.server";
import { scopeOf } from "~/models/permissions.server";
import { getViewer } from "~/viewer.server";
import { pageTitle } from "~/web/page-title";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: pageTitle(matches, "post.revisionsTitle", { number: data?.number ?? "" }) },
  { name: "robots", content: "noindex" },
];

type Part = { text: string; change: "added" | "removed" | "same" };
const diff = (a: string, b: string): Part[] =>
  diffWords(a, b).map((p) => ({ text: p.value, change: p.added ? "added" : p.removed ? "removed" : "same" }));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = scopeOf(await getViewer(request));
  const postId = positiveId(params.id);
  const found = postId ? await getReadablePost(db, scope, postId) : undefined;
  if (!found) notFound();
  const rows = await db
    .selectFrom("post_revisions")
    .leftJoin("users", "users.id", "post_revisions.user_id")
    .select([
      "post_revisions.number",
      "post_revisions.previous_markdown",
      "post_revisions.next_markdown",
      "post_revisions.previous_title",
      "post_revisions.next_title",
      "post_revisions.created_at",
      "users.display_name",
    ])
    .where("post_revisions.post_id", "=", found.post.id)
    .orderBy("post_revisions.number", "desc")
    .execute();
  return {
    number: found.post.post_number,
    title: found.topic.title,
    url: found.url,
    revisions: rows.map((r) => ({
      number: r.number,
      name: r.display_name ?? "—",
      at: r.created_at,
      title: r.next_title !== null && r.previous_title !== null ? { from: r.previous_title, to: r.next_title } : null,
      parts: diff(r.previous_markdown, r.next_markdown),
    })),
  };
}

export default function Revisions() {
  const { t } = useTranslation();
  const d = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <h1>{t("post.revisionsTitle", { number: d.number })}</h1>
      <p>
        <Link to={d.url}>{t("moderation.post.heading", { number: d.number, title: d.title })}</Link>
      </p>
      {d.revisions.length ? <p className="muted">{t("post.diffLegend")}</p> : <p>{t("post.noRevisions")}</p>}
      <ol className="revisions" reversed>
        {d.revisions.map((r) => (
          <li key={r.number} className="revision card">
            <h2>
              {t("post.revision", { number: r.number, name: r.name, date: "" })}
              <RelativeTime date={r.at} />
            </h2>
            {r.title ? <p>{t("post.titleChanged", { from: r.title.from, to: r.title.to })}</p> : null}
            <pre className="diff">
              {r.parts.map((p, i) =>
                p.change === "added" ? (
                  <ins key={i}>
                    <span className="visually-hidden">[{t("post.added")}] </span>
                    {p.text}
                  </ins>
                ) : p.change === "removed" ? (
                  <del key={i}>
                    <span className="visually-hidden">[{t("post.removed")}] </span>
                    {p.text}
                  </del>
                ) : (
                  <span key={i}>{p.text}</span>
                ),
              )}
            </pre>
          </li>
        ))}
      </ol>
    </div>
  );
}
