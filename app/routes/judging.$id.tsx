// /judging/:id: one nomination for a judge of its category (or staff). The judge scores each
// criterion 1-5 with a comment; other judges' scores appear only after their own review is in.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useId } from "react";
import { useMoment } from "~/components/event-when";
import { FormError } from "~/components/field";
import { TextArea } from "~/components/form-extras";
import { keepValues, notFound, readForm, positiveId } from "~/web/http.server";
import { getNominationForJudging, submitReview } from "~/models/awards/award-judging.server";
import { scopeOf } from "~/models/permissions.server";
import { useTranslation } from "~/use-translation";
import { requireViewer } from "~/viewer.server";
import { pageTitle } from "~/web/page-title";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: pageTitle(matches, "awards.review.title", { name: data?.nomination.nominee ?? "" }) },
  { name: "robots", content: "noindex" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const view = await getNominationForJudging({ scope: scopeOf(viewer), nominationId: positiveId(params.id) ?? 0 });
  if (!view) notFound();
  return { ...view, timeZone: viewer.timeZone };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const form = await readForm(request);
  const scores: Record<string, string> = {};
  const comments: Record<string, string> = {};
  for (const [k, v] of Object.entries(form)) {
    const m = /^(score|comment)-(\d+)$/.exec(k);
    if (m) (m[1] === "score" ? scores : comments)[m[2]] = v;
  }
  const id = positiveId(params.id) ?? 0;
  const r = await submitReview({
    scope: scopeOf(viewer),
    nominationId: id,
    input: { scores, comments, comment: form.comment ?? "" },
  });
  if (!r.ok)
    return data(
      { message: r.message, fields: r.fields ?? {}, values: keepValues(form), errorValues: r.values ?? {} },
      { status: r.status },
    );
  return redirect(`/judging/${id}?done=1`);
}

function ScoreChoice({
  criterion,
  value,
  error,
}: {
  criterion: { id: number; name: string };
  value?: string;
  error?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const scoreName = `score-${criterion.id}`;
  return (
    <fieldset aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{t("awards.review.scoreFor", { name: criterion.name })}</legend>
      {[1, 2, 3, 4, 5].map((n) => (
        <label key={n} className="inline-choice">
          <input type="radio" name={scoreName} value={n} defaultChecked={value === String(n)} required /> {n}
        </label>
      ))}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {t(error)}
        </p>
      ) : null}
    </fieldset>
  );
}

export default function JudgeNomination() {
  const { t } = useTranslation();
  const moment = useMoment();
  const d = useLoaderData<typeof loader>();
  const res = useActionData<typeof action>();
  const [params] = useSearchParams();
  const n = d.nomination;
  const criterionName = (id: number) => d.criteria.find((c) => c.id === id)?.name ?? "";
  return (
    <div>
      <p>
        <Link to="/judging">{t("awards.judging.back")}</Link>
      </p>
      <h1>{t("awards.review.title", { name: n.nominee })}</h1>
      <p>
        {n.category} · {n.year}
      </p>
      {params.get("done") ? (
        <p className="notice" role="status">
          {t("awards.review.submitted")}
        </p>
      ) : null}
      <section aria-labelledby="nomination" className="card">
        <h2 id="nomination">{t("awards.review.nomination")}</h2>
        <h3>{t("awards.nominate.statement")}</h3>
        <p style={{ whiteSpace: "pre-wrap" }}>{n.statement}</p>
        <h3>{t("awards.nominate.achievements")}</h3>
        <p style={{ whiteSpace: "pre-wrap" }}>{n.achievements}</p>
        {n.evidence_links.length || d.files.length ? (
          <>
            <h3>{t("awards.review.evidence")}</h3>
            <ul>
              {n.evidence_links.map((l) => (
                <li key={l}>
                  <a href={l} rel="nofollow noopener noreferrer">
                    {l}
                  </a>
                </li>
              ))}
              {d.files.map((f) => (
                <li key={f.id}>
                  <a href={`/awards/files/${f.id}`}>{f.file_name}</a>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      {d.canScore ? (
        <section aria-labelledby="score" className="card">
          <h2 id="score">{t("awards.review.yourScores")}</h2>
          <p>{t("awards.review.hiddenUntil")}</p>
          <FormError
            message={res?.message}
            values={{ ...(res?.errorValues ?? {}), count: Object.keys(res?.fields ?? {}).length }}
          />
          <Form method="post" className="stack" noValidate>
            {d.criteria.map((c) => (
              <div key={c.id} className="stack">
                <ScoreChoice
                  criterion={c}
                  value={res?.values?.[`score-${c.id}`]}
                  error={(res?.fields as Record<string, string> | undefined)?.[`score-${c.id}`]}
                />
                <TextArea
                  label={t("awards.review.commentFor", { name: c.name })}
                  name={`comment-${c.id}`}
                  defaultValue={res?.values?.[`comment-${c.id}`]}
                  error={(res?.fields as Record<string, string> | undefined)?.[`comment-${c.id}`]}
                  rows={2}
                />
              </div>
            ))}
            <TextArea
              label={t("awards.review.overall")}
              name="comment"
              defaultValue={res?.values?.comment}
              error={(res?.fields as Record<string, string> | undefined)?.comment}
              rows={3}
            />
            <div>
              <button type="submit">{t("awards.review.submit")}</button>
            </div>
          </Form>
        </section>
      ) : !d.ownReview && !n.results_published_at && new Date(d.scoringOpensAt) > new Date() ? (
        <p>{t("awards.review.opensAt", { time: moment(d.scoringOpensAt, d.timeZone) })}</p>
      ) : null}

      {d.ownReview ? (
        <section aria-labelledby="mine" className="card">
          <h2 id="mine">{t("awards.review.yourReview")}</h2>
          <ul>
            {d.ownReview.scores.map((s) => (
              <li key={s.criterion_id}>
                {criterionName(s.criterion_id)}: <strong>{s.score}</strong>/5{s.comment ? ` — ${s.comment}` : ""}
              </li>
            ))}
          </ul>
          {d.ownReview.comment ? <p style={{ whiteSpace: "pre-wrap" }}>{d.ownReview.comment}</p> : null}
        </section>
      ) : null}

      {d.otherReviews.length ? (
        <section aria-labelledby="others" className="card">
          <h2 id="others">{t("awards.review.others")}</h2>
          {d.otherReviews.map((r) => (
            <div key={r.id}>
              <h3>{r.judge}</h3>
              <ul>
                {r.scores.map((s) => (
                  <li key={s.criterion_id}>
                    {criterionName(s.criterion_id)}: <strong>{s.score}</strong>/5{s.comment ? ` — ${s.comment}` : ""}
                  </li>
                ))}
              </ul>
              {r.comment ? <p style={{ whiteSpace: "pre-wrap" }}>{r.comment}</p> : null}
            </div>
          ))}
        </section>
      ) : d.othersHidden ? (
        <p className="muted">{t("awards.review.othersHidden")}</p>
      ) : null}
    </div>
  );
}
