// POST /p/:id intent=delete|restore (the author's Withdraw and Restore buttons, staff delete and
// restore). GET shows a link to the post; the page also carries a refusal when there is one.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/use-translation";
import { FormError } from "~/components/field";
import { db } from "~/db.server";
import { notFound, positiveId, readForm } from "~/web/http.server";
import { getReadablePost } from "~/models/moderation/flag.server";
import { deletePost, restorePost } from "~/models/forum/post.server";
import { scopeOf } from "~/models/permissions.server";
import { getViewer, requireViewer } from "~/viewer.server";
import { pageTitle } from "~/web/page-title";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: pageTitle(matches, "moderation.post.heading", { number: data?.number ?? "", title: data?.title ?? "" }) },
  { name: "robots", content: "noindex" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = scopeOf(await getViewer(request));
  const postId = positiveId(params.id);
  const found = postId ? await getReadablePost(db, scope, postId, { anyState: true }) : undefined;
  if (!found) notFound();
  return { url: found.url, number: found.post.post_number, title: found.topic.title };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const scope = scopeOf(viewer);
  const postId = positiveId(params.id);
  if (!postId) notFound();
  const { intent } = await readForm(request);
  if (intent !== "delete" && intent !== "restore")
    return data({ formError: "moderation.errors.action", errorValues: undefined }, { status: 400 });
  const result = intent === "delete" ? await deletePost({ scope, postId }) : await restorePost({ scope, postId });
  if (!result.ok) return data({ formError: result.message, errorValues: result.values }, { status: result.status });
  return redirect(result.url);
}

export default function PostLink() {
  const { t } = useTranslation();
  const d = useLoaderData<typeof loader>();
  const res = useActionData<typeof action>();
  return (
    <div className="page narrow">
      <h1>{t("moderation.post.heading", { number: d.number, title: d.title })}</h1>
      <FormError message={res?.formError} values={res?.errorValues} />
      <p>
        <Link to={d.url}>{t("moderation.backToPost")}</Link>
      </p>
    </div>
  );
}
