// Staff: one portfolio: everything the member handed in with the references' contact details and
// answers; the panel (assign, withdraw, each review's scores); the interview; the decision.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useMoment } from "~/components/event-when";
import { Field, FormError } from "~/components/field";
import { Select, TextArea } from "~/components/form-extras";
import { PortfolioContents } from "~/components/portfolio-view";
import { RUBRIC, SCORE_MAX, StaffPortfolioSchema } from "~/models/journey/portfolio.schema";
import {
  assignReviewer,
  decidePortfolio,
  getPortfolioForStaff,
  unassignReviewer,
} from "~/models/journey/portfolio-review.server";
import { scheduleInterview } from "~/models/journey/portfolio-interview.server";
import { scopeOf } from "~/models/permissions.server";
import { parseForm, type MessageAnswer } from "~/models/shared/forms.server";
import { localInputToDate } from "~/models/shared/local-time";
import { useTranslation } from "~/use-translation";
import { idParam, notFound, readForm } from "~/web/http.server";
import { pageTitle } from "~/web/page-title";
import { requireStaff } from "~/web/staff.server";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "portfolio.admin.title") },
  { name: "robots", content: "noindex" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const staff = await requireStaff(request);
  const p = await getPortfolioForStaff({ scope: scopeOf(staff), portfolioId: idParam(params.id) });
  if (!p) notFound();
  return { ...p, timeZone: staff.timeZone };
}

type ActionData = MessageAnswer & { intent: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requireStaff(request);
  const scope = scopeOf(staff);
  const portfolioId = idParam(params.id);
  const parsed = parseForm(StaffPortfolioSchema, await readForm(request));
  const intent = parsed.values.intent ?? "";
  if (!parsed.ok)
    return data<ActionData>(
      {
        intent,
        message: parsed.formError,
        fields: parsed.fields,
        values: parsed.values,
        errorValues: parsed.errorValues,
      },
      400,
    );
  const input = parsed.data;
  let r;
  if (input.intent === "assign") r = await assignReviewer({ scope, portfolioId, username: input.username });
  else if (input.intent === "unassign") r = await unassignReviewer({ scope, reviewId: input.reviewId });
  else if (input.intent === "interview") {
    const startsAt = localInputToDate(input.startsAt, staff.timeZone);
    if (!startsAt)
      return data<ActionData>(
        {
          intent,
          message: "portfolio.errors.interviewStart",
          fields: { startsAt: "portfolio.errors.interviewStart" },
          values: parsed.values,
        },
        400,
      );
    r = await scheduleInterview({ scope, portfolioId, startsAt, minutes: input.minutes, place: input.place });
  } else r = await decidePortfolio({ scope, portfolioId, decision: input.decision, reasons: input.reasons });
  if (!r.ok)
    return data<ActionData>(
      { intent, message: r.message, fields: r.fields, values: parsed.values, errorValues: r.values },
      r.status,
    );
  return redirect(`/admin/portfolios/${portfolioId}?done=${input.intent}`);
}

const DONE: Record<string, string> = {
  assign: "portfolio.admin.assigned",
  unassign: "portfolio.admin.unassigned",
  interview: "portfolio.admin.interviewSaved",
  decide: "portfolio.admin.decided",
};

export default function AdminPortfolio() {
  const { t } = useTranslation();
  const moment = useMoment();
  const p = useLoaderData<typeof loader>();
  const res = useActionData<typeof action>();
  const [params] = useSearchParams();
  const done = DONE[params.get("done") ?? ""];
  const mine = (intent: string) => (res?.intent === intent ? res : undefined);
  const open = p.portfolio.status === "submitted";
  return (
    <div>
      <p>
        <Link to="/admin/portfolios">{t("portfolio.admin.title")}</Link>
      </p>
      <h1>{t("portfolio.reviewTitle", { name: p.member.display_name })}</h1>
      <p>
        <strong>{t("portfolio.stateLine", { state: t(`portfolio.state.${p.portfolio.status}`) })}</strong> ·{" "}
        <Link to={`/u/${p.member.username}/progress`}>@{p.member.username}</Link>
      </p>
      {done ? (
        <p className="notice" role="status">
          {t(done)}
        </p>
      ) : null}
      <PortfolioContents projects={p.projects} files={p.files} references={p.references} />
      <section className="card" aria-labelledby="panel-heading">
        <h2 id="panel-heading">{t("portfolio.admin.reviewers")}</h2>
        <p>
          {t("portfolio.panel", {
            done: p.reviews.filter((v) => v.submitted_at).length,
            count: p.thresholds.reviewers,
          })}
        </p>
        <ul>
          {p.reviews.map((v) => (
            <li key={v.id} data-reviewer={v.username}>
              {v.display_name} (@{v.username}) ·{" "}
              {v.submitted_at
                ? t("portfolio.admin.total", {
                    total: v.scores.reduce((s, x) => s + x.score, 0),
                    max: RUBRIC.length * SCORE_MAX,
                  })
                : t("portfolio.admin.reviewPending")}
              {v.scores.length ? (
                <ul>
                  {v.scores.map((s) => (
                    <li key={s.criterion}>
                      {t(`portfolio.rubric.${s.criterion}`)}: {s.score} · {s.comment}
                    </li>
                  ))}
                </ul>
              ) : open ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="unassign" />
                  <input type="hidden" name="reviewId" value={v.id} />
                  <button type="submit">{t("portfolio.admin.unassign", { name: v.display_name })}</button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
        {open ? (
          <Form method="post" className="stack" noValidate>
            <FormError message={mine("assign")?.message} values={mine("assign")?.errorValues} />
            <input type="hidden" name="intent" value="assign" />
            <Field
              label={t("portfolio.admin.reviewerUsername")}
              name="username"
              id="reviewer-username"
              defaultValue={mine("assign")?.values?.username ?? ""}
              error={mine("assign")?.fields?.username}
              errorValues={mine("assign")?.errorValues}
            />
            <button type="submit">{t("portfolio.admin.assign")}</button>
          </Form>
        ) : null}
      </section>
      <section className="card" aria-labelledby="interview-heading">
        <h2 id="interview-heading">{t("portfolio.interview")}</h2>
        {p.portfolio.interview_starts_at ? (
          <p>
            {t("portfolio.interviewAt", {
              when: moment(p.portfolio.interview_starts_at, p.timeZone),
              place: p.portfolio.interview_place ?? "",
            })}
          </p>
        ) : null}
        {open ? (
          <Form method="post" className="stack" noValidate>
            <FormError message={mine("interview")?.message} values={mine("interview")?.errorValues} />
            <input type="hidden" name="intent" value="interview" />
            <Field
              label={t("portfolio.admin.interviewStart", { zone: p.timeZone })}
              name="startsAt"
              id="interview-start"
              type="datetime-local"
              defaultValue={mine("interview")?.values?.startsAt ?? ""}
              error={mine("interview")?.fields?.startsAt}
            />
            <Field
              label={t("portfolio.admin.interviewMinutes")}
              name="minutes"
              id="interview-minutes"
              type="number"
              min={15}
              max={240}
              defaultValue={mine("interview")?.values?.minutes ?? "45"}
              error={mine("interview")?.fields?.minutes}
            />
            <Field
              label={t("portfolio.admin.interviewPlace")}
              name="place"
              id="interview-place"
              defaultValue={mine("interview")?.values?.place ?? ""}
              error={mine("interview")?.fields?.place}
            />
            <button type="submit">{t("portfolio.admin.scheduleInterview")}</button>
          </Form>
        ) : null}
      </section>
      <section className="card" aria-labelledby="decision-heading">
        <h2 id="decision-heading">{t("portfolio.decision")}</h2>
        {p.portfolio.decided_at ? <p style={{ whiteSpace: "pre-wrap" }}>{p.portfolio.decision_reasons}</p> : null}
        {open ? (
          <Form method="post" className="stack" noValidate>
            <FormError message={mine("decide")?.message} values={mine("decide")?.errorValues} />
            <input type="hidden" name="intent" value="decide" />
            <Select
              label={t("portfolio.admin.decisionLabel")}
              name="decision"
              id="decision"
              defaultValue={mine("decide")?.values?.decision ?? ""}
              error={mine("decide")?.fields?.decision}
              errorValues={mine("decide")?.errorValues}
            >
              <option value="">{t("portfolio.choose")}</option>
              <option value="approved">{t("portfolio.admin.approve")}</option>
              <option value="declined">{t("portfolio.admin.decline")}</option>
            </Select>
            <TextArea
              label={t("portfolio.admin.reasonsLabel")}
              name="reasons"
              id="reasons"
              rows={5}
              defaultValue={mine("decide")?.values?.reasons ?? ""}
              error={mine("decide")?.fields?.reasons}
            />
            <button type="submit">{t("portfolio.admin.decide")}</button>
          </Form>
        ) : null}
      </section>
    </div>
  );
}
