// /review: the queue of flagged posts for staff and the tutors of a group's categories.
// Agree (keep hidden, or delete), disagree (restore the post) or ignore; everyone else gets a 404.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/use-translation";
import { FormError } from "~/components/field";
import { RelativeTime } from "~/components/relative-time";
import { notFound, positiveId, readForm } from "~/web/http.server";
import { renderPlainExcerpt } from "~/markdown/excerpt.server";
import { canReview, listReviewQueue, reviewFlags } from "~/models/moderation/flag.server";
import { REVIEW_DECISIONS, type ReviewDecision } from "~/models/moderation/moderation.schema";
import { scopeOf } from "~/models/permissions.server";
import { requireViewer } from "~/viewer.server";
import { pageTitle } from "~/web/page-title";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "review.title") },
  { name: "robots", content: "noindex" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const scope = scopeOf(await requireViewer(request));
  if (!(await canReview(scope))) notFound();
  const queue = await listReviewQueue({ scope });
  return {
    items: queue.map((p) => ({
      postId: p.id,
      url: p.url,
      number: p.post_number,
      title: p.title,
      author: p.display_name ?? "—",
      hidden: !!p.hidden_at,
      deleted: !!p.deleted_at,
      excerpt: renderPlainExcerpt(p.body_html, 400),
      firstFlagAt: p.first_flag_at,
      flags: p.flags.map((f) => ({ id: f.id, reason: f.reason, note: f.note, by: f.display_name, at: f.created_at })),
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const scope = scopeOf(await requireViewer(request));
  if (!(await canReview(scope))) notFound();
  const form = await readForm(request);
  const postId = positiveId(form.postId);
  const decision = form.decision as ReviewDecision;
  if (!postId || !REVIEW_DECISIONS.includes(decision))
    return data({ formError: "review.errors.decision", errorValues: undefined }, { status: 400 });
  const result = await reviewFlags({ scope, postId, decision });
  if (!result.ok) return data({ formError: result.message, errorValues: result.values }, { status: result.status });
  return redirect(`/review?done=${decision}`);
}

export default function Review() {
  const { t } = useTranslation();
  const d = useLoaderData<typeof loader>();
  const res = useActionData<typeof action>();
  const [params] = useSearchParams();
  const done = params.get("done");
  return (
    <div className="page">
      <h1>{t("review.title")}</h1>
      <p className="muted">{t("review.intro")}</p>
      {done && (REVIEW_DECISIONS as readonly string[]).includes(done) ? (
        <p className="notice" role="status">
          {t(`review.done.${done}`)}
        </p>
      ) : null}
      <FormError message={res?.formError} values={res?.errorValues} />
      {d.items.length ? (
        <ul className="plain-list review-list">
          {d.items.map((item) => (
            <li key={item.postId} className="card review-item">
              <h2>
                <Link to={item.url}>{t("moderation.post.heading", { number: item.number, title: item.title })}</Link>
              </h2>
              <p className="muted">
                {t("review.by", { name: item.author })} ·{" "}
                {item.deleted
                  ? t("review.stateDeleted")
                  : item.hidden
                    ? t("review.stateHidden")
                    : t("review.stateVisible")}
              </p>
              {item.excerpt ? <blockquote className="excerpt">{item.excerpt}</blockquote> : null}
              <h3>{t("review.flags", { count: item.flags.length })}</h3>
              <ul>
                {item.flags.map((f) => (
                  <li key={f.id}>
                    {t(`moderation.flag.reasons.${f.reason}`)} — {f.by} (<RelativeTime date={f.at} />)
                    {f.note ? <>: “{f.note}”</> : null}
                  </li>
                ))}
              </ul>
              <Form method="post" className="actions review-actions">
                <input type="hidden" name="postId" value={item.postId} />
                <button type="submit" name="decision" value="agree">
                  {t("review.agree")}
                </button>
                <button type="submit" name="decision" value="agree_delete" className="secondary">
                  {t("review.agreeDelete")}
                </button>
                <button type="submit" name="decision" value="disagree" className="secondary">
                  {t("review.disagree")}
                </button>
                <button type="submit" name="decision" value="ignore" className="secondary">
                  {t("review.ignore")}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("review.empty")}</p>
      )}
    </div>
  );
}
