// An attempt: while open, the questions as one plain form (each Save button posts it, Submit
// saves and marks; an inlined script saves each change at once); once marked, "Pass" or "Not yet
// passed" with feedback on the questions got wrong. Its owner and staff only.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ATTEMPT_SCRIPT } from "~/web/assessment-enhance";
import { AnswerHistory, AttemptForm, AttemptResult, Narrow, useMoment } from "~/components/assessment-view";
import { FormError } from "~/components/field";
import type { PageHandle } from "~/web/enhance";
import { idParam, notFound } from "~/web/http.server";
import { getAttempt, saveAnswers, submitAttempt } from "~/models/assessments/assessment-attempt.server";
import { answersFromForm } from "~/models/assessments/assessment.schema";
import { scopeOf } from "~/models/permissions.server";
import assessmentStyles from "~/styles/assessments.css";
import { useTranslation } from "~/use-translation";
import { requireViewer } from "~/viewer.server";

export const handle: PageHandle = { hydrate: false };
export const links = () => [{ rel: "stylesheet", href: assessmentStyles }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.attempt.title ?? "Assessment"} · Touchpoints` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const view = await getAttempt({ attemptId: idParam(params.id), scope: scopeOf(viewer) });
  if (!view) notFound();
  const { attempt } = view;
  const retakeFrom =
    attempt.closed_at && attempt.passed === false && !attempt.cooldown_waived_at
      ? new Date(attempt.closed_at.getTime() + attempt.cooldown_hours * 3_600_000)
      : null;
  return { ...view, retakeFrom: retakeFrom && retakeFrom > new Date() ? retakeFrom.toISOString() : null };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const attemptId = idParam(params.id);
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return data({ formError: "assessments.errors.badForm", values: null, posted: null }, { status: 400 });
  }
  const parsed = answersFromForm(form);
  if (!parsed.ok) return data({ formError: "assessments.errors.badForm", values: null, posted: null }, { status: 400 });
  const intent = String(form.get("intent") ?? "");
  const r =
    intent === "submit"
      ? await submitAttempt({ userId: viewer.id, attemptId, answers: parsed.answers })
      : await saveAnswers({ userId: viewer.id, attemptId, answers: parsed.answers });
  // too late: this request writes nothing; the page it sends to marks the answers saved in time
  // (rendering the refusal here would run the loader, which closes the attempt, in this request)
  if (!r.ok && r.message === "assessments.errors.timeUp") return redirect(`/assessments/attempts/${attemptId}?late=1`);
  if (!r.ok)
    return data(
      { formError: r.message, values: r.values ?? null, posted: Object.fromEntries(parsed.answers) },
      { status: r.status },
    );
  if (intent === "submit") return redirect(`/assessments/attempts/${attemptId}`);
  const at = /^save-(\d{1,3})$/.exec(intent)?.[1];
  return redirect(`/assessments/attempts/${attemptId}${at ? `?saved=${at}#q-${at}` : "?saved=all"}`);
}

export default function AttemptPage() {
  const { t } = useTranslation();
  const moment = useMoment();
  const { attempt, questions, history, graceSeconds, retakeFrom, answersWithheld } = useLoaderData<typeof loader>();
  const res = useActionData<typeof action>();
  const [params] = useSearchParams();
  const saved = params.get("saved");
  // after a refused post, the learner's own choices stay on the page
  const shown = res?.posted
    ? questions.map((q) => ({ ...q, selected: res.posted?.[String(q.questionId)] ?? q.selected }))
    : questions;
  const open = attempt.status === "open";
  const answered = questions.filter((q) => q.selected.length).length;
  return (
    <Narrow>
      <p>
        <Link to={`/assessments/${attempt.assessment}`}>{t("assessments.result.back")}</Link>
      </p>
      <h1>
        {open
          ? t("assessments.take.title", { title: attempt.title })
          : attempt.own
            ? t("assessments.result.title", { title: attempt.title })
            : t("assessments.result.titleStaff", { title: attempt.title, name: attempt.display_name })}
      </h1>
      {!attempt.own ? (
        <p>{t("assessments.take.learner", { name: attempt.display_name, username: attempt.username })}</p>
      ) : null}
      <FormError message={res?.formError} values={res?.values ?? undefined} />
      {params.get("late") && attempt.deadline_at ? (
        <FormError message="assessments.errors.timeUp" values={{ until: attempt.deadline_at, grace: graceSeconds }} />
      ) : null}
      {open ? (
        <>
          <p>
            {attempt.deadline_at
              ? t("assessments.take.endsAt", { until: moment(attempt.deadline_at), grace: graceSeconds })
              : t("assessments.take.noLimit")}
          </p>
          <p role="status">
            {saved === "all" ? `${t("assessments.take.saved")} ` : ""}
            <span data-progress>{t("assessments.take.progress", { answered, total: questions.length })}</span>
          </p>
          <AttemptForm
            attemptId={attempt.id}
            questions={shown}
            savedPosition={saved && saved !== "all" ? Number(saved) : null}
          />
          {attempt.own ? <script dangerouslySetInnerHTML={{ __html: ATTEMPT_SCRIPT }} /> : null}
        </>
      ) : (
        <>
          {attempt.status === "expired" ? (
            <p>{t("assessments.result.expired", { until: moment(attempt.closed_at) })}</p>
          ) : null}
          {attempt.annulled_at ? <p className="notice">{t("assessments.result.annulled")}</p> : null}
          <AttemptResult
            passed={!!attempt.passed}
            score={attempt.score ?? 0}
            passMark={attempt.pass_mark}
            questions={questions}
            answersWithheld={answersWithheld}
          />
          {attempt.own && attempt.passed === false ? (
            <p>
              {retakeFrom
                ? t("assessments.result.retakeFrom", { until: moment(retakeFrom) })
                : t("assessments.result.retakeNow")}
            </p>
          ) : null}
        </>
      )}
      {history.length ? <AnswerHistory history={history} questions={questions} /> : null}
    </Narrow>
  );
}
