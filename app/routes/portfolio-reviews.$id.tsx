// /portfolio-reviews/:id: an assigned reviewer reads the portfolio (projects, evidence, the
// references' answers) and scores the rubric once: a score and a comment per criterion.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { FormError } from "~/components/field";
import { Select, TextArea } from "~/components/form-extras";
import { PortfolioContents } from "~/components/portfolio-view";
import { useDay } from "~/components/use-day";
import { RUBRIC, ReviewSchema, SCORE_MAX, SCORE_MIN, type Criterion } from "~/models/journey/portfolio.schema";
import { getPortfolioForReviewer, submitReview } from "~/models/journey/portfolio-panel.server";
import { scopeOf } from "~/models/permissions.server";
import { parseForm } from "~/models/shared/forms.server";
import { useTranslation } from "~/use-translation";
import { requireViewer } from "~/viewer.server";
import { idParam, notFound, readForm } from "~/web/http.server";
import { pageTitle } from "~/web/page-title";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "portfolio.myReviews") },
  { name: "robots", content: "noindex" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const portfolio = await getPortfolioForReviewer({ scope: scopeOf(viewer), portfolioId: idParam(params.id) });
  if (!portfolio) notFound();
  return portfolio;
}

type ActionData = { message: string; fields?: Partial<Record<string, string>>; values?: Record<string, string> };

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const portfolioId = idParam(params.id);
  const parsed = parseForm(ReviewSchema, await readForm(request));
  if (!parsed.ok)
    return data<ActionData>({ message: parsed.formError, fields: parsed.fields, values: parsed.values }, 400);
  const scores = Object.fromEntries(
    RUBRIC.map((c) => [c, { score: parsed.data[`score.${c}`], comment: parsed.data[`comment.${c}`] }]),
  ) as Record<Criterion, { score: number; comment: string }>;
  const r = await submitReview({ reviewerId: viewer.id, portfolioId, scores });
  if (!r.ok) return data<ActionData>({ message: r.message, values: parsed.values }, r.status);
  return redirect(`/portfolio-reviews/${portfolioId}?sent=1`);
}

export default function ReviewPage() {
  const { t } = useTranslation();
  const day = useDay();
  const p = useLoaderData<typeof loader>();
  const res = useActionData<typeof action>();
  const [params] = useSearchParams();
  const v = res?.values ?? {};
  const f = res?.fields ?? {};
  return (
    <div>
      <p>
        <Link to="/portfolio-reviews">{t("portfolio.myReviews")}</Link>
      </p>
      <h1>{t("portfolio.reviewTitle", { name: p.member.display_name })}</h1>
      {params.get("sent") ? (
        <p className="notice" role="status">
          {t("portfolio.reviewSent")}
        </p>
      ) : null}
      <PortfolioContents projects={p.projects} files={p.files} references={p.references} />
      {p.own.submitted_at ? (
        <section className="card" aria-labelledby="review-heading">
          <h2 id="review-heading">{t("portfolio.reviewDone", { date: day(p.own.submitted_at) })}</h2>
          <ul>
            {p.own.scores.map((s) => (
              <li key={s.criterion}>
                {t(`portfolio.rubric.${s.criterion}`)}: {s.score} · {s.comment}
              </li>
            ))}
          </ul>
        </section>
      ) : p.portfolio.status === "submitted" ? (
        <Form method="post" className="stack card" noValidate>
          <p>{t("portfolio.reviewIntro")}</p>
          <FormError message={res?.message} values={{ count: Object.keys(f).length || 1 }} />
          {RUBRIC.map((c) => (
            <fieldset key={c}>
              <legend>{t(`portfolio.rubric.${c}`)}</legend>
              <Select
                label={t("portfolio.score")}
                name={`score.${c}`}
                id={`score-${c}`}
                defaultValue={v[`score.${c}`] ?? ""}
                error={f[`score.${c}`]}
              >
                <option value="">{t("portfolio.choose")}</option>
                {Array.from({ length: SCORE_MAX - SCORE_MIN + 1 }, (_, i) => SCORE_MIN + i).map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </Select>
              <TextArea
                label={t("portfolio.comment")}
                name={`comment.${c}`}
                id={`comment-${c}`}
                rows={3}
                defaultValue={v[`comment.${c}`] ?? ""}
                error={f[`comment.${c}`]}
              />
            </fieldset>
          ))}
          <button type="submit">{t("portfolio.sendReview")}</button>
        </Form>
      ) : null}
    </div>
  );
}
