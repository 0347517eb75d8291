// What a learner sees of an assessment: the rules, an open attempt's questions (a plain form that
// works without JavaScript), and a marked attempt's result with feedback on the wrong answers.
import type { ReactNode } from "react";
import { useRootData } from "~/web/root-data";
import { useTranslation } from "~/use-translation";
import { TableWrap } from "./form-extras";
import { dateTimeFormat } from "../intl";
import { intlLocale } from "../locale";

/** A moment as date and time in the member's own time zone. */
export function useMoment() {
  const { i18n } = useTranslation();
  const timeZone = useRootData()?.viewer?.timeZone ?? "UTC";
  return (iso: string | Date | null | undefined) =>
    // the page's own conventions (British English for "en"), like the i18next datetime formatter
    iso
      ? dateTimeFormat(intlLocale(i18n.language), {
          year: "numeric",
          month: "short",
          day: "numeric",
          hour: "2-digit",
          minute: "2-digit",
          timeZone,
          timeZoneName: "short",
        }).format(new Date(iso))
      : "";
}

type Rules = {
  question_count: number | null;
  pass_mark: number | null;
  time_limit_minutes: number | null;
  cooldown_hours: number;
  readiness_required: boolean;
};

export function AssessmentRules({ a }: { a: Rules }) {
  const { t } = useTranslation();
  return (
    <ul className="items">
      <li>{t("assessments.rules.questions", { count: a.question_count ?? 0 })}</li>
      <li>
        {a.pass_mark === null
          ? t("assessments.rules.diagnostic")
          : t("assessments.rules.passMark", { passMark: a.pass_mark })}
      </li>
      <li>
        {a.time_limit_minutes
          ? t("assessments.rules.timeLimit", { count: a.time_limit_minutes })
          : t("assessments.rules.noTimeLimit")}
      </li>
      <li>
        {a.cooldown_hours
          ? t("assessments.rules.cooldown", { count: a.cooldown_hours })
          : t("assessments.rules.noCooldown")}
      </li>
      {a.readiness_required ? <li>{t("assessments.rules.readiness")}</li> : null}
      <li>{t("assessments.rules.saving")}</li>
    </ul>
  );
}

export type Availability = { state: string; until?: string };

export function AvailabilityLine({ availability }: { availability: Availability }) {
  const { t } = useTranslation();
  const moment = useMoment();
  return (
    <p className={`assessment-state state-${availability.state}`} data-state={availability.state}>
      {t(`assessments.state.${availability.state}`, { until: moment(availability.until) })}
    </p>
  );
}

type Question = {
  position: number;
  questionId: number;
  prompt: string;
  options: { key: string; text: string }[];
  multiple: boolean;
  selected: string[];
  correct: string[] | null;
  explanation: string | null;
  isCorrect: boolean | null;
};

/** The open attempt: one form; every question's Save button posts it; Submit saves and marks. */
export function AttemptForm({
  attemptId,
  questions,
  savedPosition,
}: {
  attemptId: number;
  questions: Question[];
  savedPosition: number | null;
}) {
  const { t } = useTranslation();
  return (
    <form
      method="post"
      id="attempt-form"
      data-save={`/assessments/attempts/${attemptId}/save`}
      data-saving="…"
      data-offline={t("assessments.take.offline")}
    >
      {questions.map((q) => {
        const hintId = `q-${q.position}-hint`;
        return (
          <fieldset
            key={q.questionId}
            id={`q-${q.position}`}
            className="card question"
            data-question={q.questionId}
            aria-describedby={hintId}
          >
            <legend>
              <span className="question-number">
                {t("assessments.take.question", { n: q.position, total: questions.length })}
              </span>{" "}
              {q.prompt}
            </legend>
            <p className="hint" id={hintId}>
              {q.multiple ? t("assessments.take.chooseAll") : t("assessments.take.chooseOne")}
            </p>
            <input type="hidden" name={`q${q.questionId}`} value="" />
            <ul className="options">
              {q.options.map((o) => (
                <li key={o.key}>
                  <label>
                    <input
                      type={q.multiple ? "checkbox" : "radio"}
                      name={`q${q.questionId}`}
                      value={o.key}
                      defaultChecked={q.selected.includes(o.key)}
                    />{" "}
                    {o.text}
                  </label>
                </li>
              ))}
            </ul>
            <p className="save-row">
              <button type="submit" name="intent" value={`save-${q.position}`} className="secondary">
                {t("assessments.take.save")}
              </button>{" "}
              <span data-status role="status">
                {savedPosition === q.position ? t("assessments.take.saved") : ""}
              </span>
            </p>
          </fieldset>
        );
      })}
      <section className="card" aria-labelledby="submit-heading">
        <h2 id="submit-heading">{t("assessments.take.submitTitle")}</h2>
        <p>{t("assessments.take.submitHint")}</p>
        <button type="submit" name="intent" value="submit">
          {t("assessments.take.submit")}
        </button>
      </section>
    </form>
  );
}

function optionText(q: Question, keys: string[]) {
  return keys.map((k) => q.options.find((o) => o.key === k)?.text ?? k).join("; ");
}

type ResultProps = {
  passed: boolean;
  score: number;
  passMark: number | null;
  questions: Question[];
  answersWithheld?: boolean;
};

export function AttemptResult({ passed, score, passMark, questions, answersWithheld = false }: ResultProps) {
  const { t } = useTranslation();
  const wrong = questions.filter((q) => q.isCorrect === false);
  return (
    <>
      <p className={`result-grade ${passed ? "grade-pass" : "grade-not-yet"}`} data-grade={passed ? "pass" : "not-yet"}>
        <strong>{passed ? t("assessments.result.pass") : t("assessments.result.notYet")}</strong>
      </p>
      <p>
        {passMark === null
          ? t("assessments.result.scoreDiagnostic", { score })
          : t("assessments.result.score", { score, passMark })}
      </p>
      <section aria-labelledby="feedback-heading">
        <h2 id="feedback-heading">{t("assessments.result.feedbackTitle", { count: wrong.length })}</h2>
        {answersWithheld && wrong.length ? <p data-withheld>{t("assessments.result.answersWithheld")}</p> : null}
        {wrong.length ? (
          <ol className="feedback">
            {wrong.map((q) => (
              <li key={q.questionId} className="card">
                <p>
                  <strong>{q.prompt}</strong>
                </p>
                <p>
                  {q.selected.length
                    ? t("assessments.result.yourAnswer", { answer: optionText(q, q.selected) })
                    : t("assessments.result.noAnswer")}
                </p>
                {q.correct ? (
                  <p>
                    {t("assessments.result.rightAnswer", { count: q.correct.length, answer: optionText(q, q.correct) })}
                  </p>
                ) : null}
                {q.explanation ? <p>{t("assessments.result.why", { text: q.explanation })}</p> : null}
              </li>
            ))}
          </ol>
        ) : (
          <p>{t("assessments.result.allRight")}</p>
        )}
      </section>
    </>
  );
}

/** Staff: every answer given during the attempt, in order. */
export function AnswerHistory({
  history,
  questions,
}: {
  history: { question_id: number; selected: string[]; at: string | Date }[];
  questions: Question[];
}) {
  const { t } = useTranslation();
  const moment = useMoment();
  const byId = new Map(questions.map((q) => [q.questionId, q]));
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">{t("assessments.result.historyTitle")}</h2>
      <TableWrap label={t("assessments.result.historyTitle")}>
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t("assessments.result.historyQuestion")}</th>
              <th scope="col">{t("assessments.result.historyAnswer")}</th>
              <th scope="col">{t("assessments.result.historyAt")}</th>
            </tr>
          </thead>
          <tbody>
            {history.map((h, i) => {
              const q = byId.get(h.question_id);
              return (
                <tr key={i}>
                  <td>{q ? q.position : h.question_id}</td>
                  <td>{h.selected.length && q ? optionText(q, h.selected) : t("assessments.result.historyEmpty")}</td>
                  <td>{moment(h.at)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}

export function Narrow({ children }: { children: ReactNode }) {
  return <div className="page narrow assessment">{children}</div>;
}
