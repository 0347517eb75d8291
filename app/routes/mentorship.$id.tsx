// A mentorship beside its private thread: participants, goals with status, the session log, the
// lifecycle (extend, complete, end early with a reason) and feedback at completion.
import { MenteePlan } from "~/components/development-plan";
import { listMenteePlans } from "~/models/journey/development-plan.server";
import { requestLocale } from "~/locale";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import type { z } from "zod";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Field } from "~/components/field";
import { AnswerError, IntentForm } from "~/components/intent-form";
import { Select, TextArea } from "~/components/form-extras";
import { useDay } from "~/components/use-day";
import { idParam, keepValues, notFound, readForm } from "~/web/http.server";
import {
  addGoal,
  closeMentorship,
  extendMentorship,
  getMentorship,
  leaveFeedback,
  logSession,
  setGoalStatus,
} from "~/models/mentorship/mentorship-cycle.server";
import {
  END_REASONS,
  EndSchema,
  ExtendSchema,
  FeedbackSchema,
  GOAL_STATUSES,
  GoalSchema,
  GoalStatusSchema,
  SessionSchema,
} from "~/models/mentorship/mentorship.schema";
import type { Fail } from "~/models/shared/result";
import { parseForm, type FormAnswer } from "~/models/shared/forms.server";
import { scopeOf } from "~/models/permissions.server";
import { useTranslation } from "~/use-translation";
import { requireViewer } from "~/viewer.server";
import { pageTitle } from "~/web/page-title";

export const handle = { hydrate: false };
export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "mentorship.title") }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const page = await getMentorship({ scope: scopeOf(viewer), id: idParam(params.id) });
  if (!page) notFound();
  // the mentees' development plans: their mentor sees them here (each mentee sees only their own)
  const plans = await listMenteePlans({
    scope: scopeOf(viewer),
    mentees: page.mentees
      .filter((x) => x.status === "active" && x.mentee_id !== viewer.id)
      .map((x) => ({ id: x.mentee_id, name: x.display_name })),
    lang: requestLocale(request, viewer.locale),
  });
  return { page, plans, today: new Date().toISOString().slice(0, 10) };
}

type Intent = "goal" | "goalStatus" | "session" | "extend" | "complete" | "end" | "feedback";

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const scope = scopeOf(viewer);
  const id = idParam(params.id);
  const form = await readForm(request);
  const intent = form.intent as Intent;
  const values = keepValues(form);
  const invalid = ({ fields, formError, errorValues }: Required<FormAnswer>) =>
    data({ intent, values, fields, formError, errorValues }, 400);
  const failed = (r: Fail) =>
    data({ intent, values, fields: r.fields ?? {}, formError: r.message, errorValues: r.values ?? {} }, r.status);
  // each intent: the schema its form is read with, then the one write it asks of the model
  const write = async <S extends z.ZodType>(schema: S, run: (input: z.infer<S>) => Promise<{ ok: true } | Fail>) => {
    const p = parseForm(schema, form);
    return p.ok ? run(p.data) : { ok: false as const, invalid: p };
  };
  const writes: Record<Intent, () => Promise<{ ok: true } | Fail | { ok: false; invalid: Required<FormAnswer> }>> = {
    goal: () => write(GoalSchema, (d) => addGoal({ scope, id, title: d.title })),
    goalStatus: () => write(GoalStatusSchema, (d) => setGoalStatus({ scope, id, ...d })),
    session: () => write(SessionSchema, (d) => logSession({ scope, id, input: d, timeZone: viewer.timeZone })),
    extend: () => write(ExtendSchema, (d) => extendMentorship({ scope, id, months: d.months })),
    complete: () => closeMentorship({ scope, id, outcome: "completed" }),
    end: () => write(EndSchema, (d) => closeMentorship({ scope, id, outcome: "ended", reason: d.reason })),
    feedback: () => write(FeedbackSchema, (d) => leaveFeedback({ scope, id, ...d })),
  };
  if (!Object.hasOwn(writes, intent))
    return data({ intent, values, fields: {}, formError: "errors.forbidden", errorValues: {} }, 400);
  const result = await writes[intent]();
  if ("invalid" in result) return invalid(result.invalid);
  if (!result.ok) return failed(result);
  return redirect(`/mentorship/${id}?done=${intent}#${intent === "goalStatus" ? "goal" : intent}`);
}

export default function MentorshipPage() {
  const { t } = useTranslation();
  const day = useDay();
  const { page: m, plans, today } = useLoaderData<typeof loader>();
  const res = useActionData<typeof action>();
  const [params] = useSearchParams();
  const errorFor = (intent: Intent) => (res?.intent === intent ? res : undefined);
  const v = (intent: Intent) => (errorFor(intent)?.values ?? {}) as Record<string, string>;
  const f = (intent: Intent) => (errorFor(intent)?.fields ?? {}) as Record<string, string | undefined>;
  // a field of one form: its name, and after a refused send the value it was sent with and its error
  const kept = (intent: Intent, name: string, fallback?: string) => ({
    name,
    defaultValue: v(intent)[name] ?? fallback,
    error: f(intent)[name],
  });
  const title = m.isGroup
    ? t("mentorship.page.groupTitle", { mentor: m.mentor_name })
    : t("mentorship.page.title", { names: [m.mentor_name, ...m.mentees.map((x) => x.display_name)].join(" · ") });
  const done = params.get("done");
  return (
    <div>
      <p>
        <Link to="/mentorship">{t("mentorship.back")}</Link>
      </p>
      <h1>{title}</h1>
      {done ? (
        <p className="notice" role="status">
          {t(
            done === "feedback"
              ? "mentorship.page.feedbackThanks"
              : params.get("accepted")
                ? "mentorship.accepted"
                : "mentorship.saved",
          )}
        </p>
      ) : params.get("accepted") ? (
        <p className="notice" role="status">
          {t("mentorship.accepted")}
        </p>
      ) : null}
      <p className="req-line">
        <span className={`status ${m.status === "completed" ? "met" : m.status === "active" ? "pending" : "overdue"}`}>
          {t(`mentorship.status.${m.status}`)}
        </span>
        <span>
          {t("mentorship.page.started", { date: day(m.started_at) })} ·{" "}
          {m.status === "active"
            ? t("mentorship.page.endsOn", { date: day(m.ends_on) })
            : m.closed_at
              ? t("mentorship.page.closedOn", { date: day(m.closed_at) })
              : null}
        </span>
      </p>
      {m.end_reason ? (
        <p>{t("mentorship.page.endReason", { reason: t(`mentorship.endReason.${m.end_reason}`) })}</p>
      ) : null}
      <dl>
        <dt>{t("mentorship.page.mentor")}</dt>
        <dd>
          <Link to={`/u/${m.mentor_username}`}>{m.mentor_name}</Link>
        </dd>
        <dt>{t("mentorship.page.mentees")}</dt>
        <dd>
          {m.mentees.map((x, i) => (
            <span key={x.pair_id}>
              {i ? ", " : ""}
              <Link to={`/u/${x.username}`}>{x.display_name}</Link>
              {x.end_reason === "mentee_left" ? ` (${t("mentorship.page.menteeLeft")})` : ""}
            </span>
          ))}
        </dd>
      </dl>
      {m.threadUrl ? (
        <p>
          <Link to={m.threadUrl} className="button">
            {t("mentorship.page.thread")}
          </Link>{" "}
          <span className="muted">{t("mentorship.page.threadHint")}</span>
        </p>
      ) : null}

      {plans.length ? (
        <section aria-labelledby="mentee-plans">
          <h2 id="mentee-plans">{t("development.title")}</h2>
          {plans.map((x) => (
            <MenteePlan key={x.id} name={x.name} plan={x.plan} />
          ))}
        </section>
      ) : null}

      <div className="grid-2">
        <section aria-labelledby="goal">
          <h2 id="goal">{t("mentorship.page.goals")}</h2>
          <AnswerError answer={errorFor("goalStatus")} />
          {m.goals.length ? (
            <ul className="req-list">
              {m.goals.map((g) => (
                <li
                  key={g.id}
                  className={`req ${g.status === "achieved" ? "met" : g.status === "in_progress" ? "pending" : ""}`}
                >
                  <h3>{g.title}</h3>
                  {m.can.edit ? (
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="goalStatus" />
                      <input type="hidden" name="goalId" value={g.id} />
                      <Select
                        label={t("mentorship.page.goalStatus", { title: g.title })}
                        name="status"
                        defaultValue={g.status}
                        options={GOAL_STATUSES.map((s) => ({ value: s, label: t(`mentorship.goalStatus.${s}`) }))}
                      />
                      <button type="submit">{t("mentorship.page.updateGoal")}</button>
                    </Form>
                  ) : (
                    <p className="status">{t(`mentorship.goalStatus.${g.status}`)}</p>
                  )}
                </li>
              ))}
            </ul>
          ) : (
            <p>{t("mentorship.page.noGoals")}</p>
          )}
          {m.can.edit ? (
            <IntentForm intent="goal" submit={t("mentorship.page.addGoal")} answer={errorFor("goal")}>
              <Field label={t("mentorship.page.goalTitle")} {...kept("goal", "title")} maxLength={300} required />
            </IntentForm>
          ) : null}
        </section>

        <section aria-labelledby="session">
          <h2 id="session">{t("mentorship.page.sessions")}</h2>
          {m.sessions.length ? (
            <ul className="req-list">
              {m.sessions.map((s) => (
                <li key={s.id} className="req">
                  <h3>
                    {t("mentorship.page.sessionLine", {
                      date: day(s.held_on),
                      minutes: s.duration_minutes,
                      name: s.logged_by_name ?? "",
                    })}
                  </h3>
                  {s.notes ? <p style={{ whiteSpace: "pre-wrap" }}>{s.notes}</p> : null}
                  {s.next_steps ? (
                    <p style={{ whiteSpace: "pre-wrap" }}>
                      <strong>{t("mentorship.page.nextSteps")}:</strong> {s.next_steps}
                    </p>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : (
            <p>{t("mentorship.page.noSessions")}</p>
          )}
          {m.can.edit ? (
            <IntentForm
              intent="session"
              heading={t("mentorship.page.logSession")}
              submit={t("mentorship.page.logSession")}
              answer={errorFor("session")}
            >
              <Field
                label={t("mentorship.page.heldOn")}
                {...kept("session", "heldOn", today)}
                type="date"
                max={today}
                errorValues={errorFor("session")?.errorValues}
                required
              />
              <Field
                label={t("mentorship.page.duration")}
                {...kept("session", "durationMinutes", "60")}
                type="number"
                min={5}
                max={480}
                required
              />
              <TextArea label={t("mentorship.page.notes")} {...kept("session", "notes")} rows={3} maxLength={4000} />
              <TextArea
                label={t("mentorship.page.nextSteps")}
                {...kept("session", "nextSteps")}
                rows={2}
                maxLength={2000}
              />
            </IntentForm>
          ) : null}
        </section>
      </div>

      {m.can.close || m.can.extend ? (
        <section aria-labelledby="lifecycle">
          <h2 id="lifecycle">{t("mentorship.page.lifecycle")}</h2>
          <div className="grid-2">
            {m.can.extend ? (
              <IntentForm
                intent="extend"
                id="extend"
                heading={t("mentorship.page.extend")}
                submit={t("mentorship.page.extendSubmit")}
                answer={errorFor("extend")}
              >
                <Select
                  label={t("mentorship.page.extendMonths")}
                  name="months"
                  defaultValue="1"
                  options={["1", "2", "3"].map((n) => ({ value: n, label: n }))}
                />
              </IntentForm>
            ) : null}
            <IntentForm
              intent="complete"
              id="complete"
              heading={t("mentorship.page.complete")}
              submit={t("mentorship.page.complete")}
              noValidate={false}
              answer={errorFor("complete")}
            >
              <p className="hint">{t("mentorship.page.completeHint")}</p>
            </IntentForm>
            <IntentForm
              intent="end"
              id="end"
              heading={t("mentorship.page.endEarly")}
              submit={t("mentorship.page.endSubmit")}
              secondary
              answer={errorFor("end")}
            >
              <Select
                label={t("mentorship.page.endReasonLabel")}
                {...kept("end", "reason")}
                options={END_REASONS.map((r) => ({ value: r, label: t(`mentorship.endReason.${r}`) }))}
              />
            </IntentForm>
          </div>
        </section>
      ) : null}

      {m.can.feedback || m.feedback.length ? (
        <section aria-labelledby="feedback">
          <h2 id="feedback">{t("mentorship.page.feedback")}</h2>
          {m.feedback.length ? (
            <ul>
              {m.feedback.map((fb) => (
                <li key={fb.user_id}>
                  {t("mentorship.page.feedbackLine", {
                    name: fb.display_name,
                    role: t(`mentorship.page.role.${fb.role}`),
                    rating: fb.rating,
                  })}
                  {fb.comment ? ` · ${fb.comment}` : ""}
                </li>
              ))}
            </ul>
          ) : null}
          {m.can.feedback ? (
            <IntentForm
              intent="feedback"
              intro={t("mentorship.page.feedbackIntro")}
              submit={t("mentorship.page.feedbackSubmit")}
              answer={errorFor("feedback")}
            >
              <Select
                label={t("mentorship.page.rating")}
                {...kept("feedback", "rating", "5")}
                options={["5", "4", "3", "2", "1"].map((n) => ({ value: n, label: n }))}
              />
              <TextArea
                label={t("mentorship.page.comment")}
                {...kept("feedback", "comment")}
                rows={3}
                maxLength={1000}
              />
            </IntentForm>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
