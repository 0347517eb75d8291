// The member's mentorship home: their mentor registration, their request and asks, asks waiting
// for their answer (accept into a new or group mentorship, or decline), and their mentorships.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { pageTitle } from "~/web/page-title";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { FormError } from "~/components/field";
import { Select, TextArea } from "~/components/form-extras";
import { useDay } from "~/components/use-day";
import { readForm, positiveId } from "~/web/http.server";
import { listCompetencies } from "~/models/directory/profile.server";
import { decideAsk, withdrawRequest } from "~/models/mentorship/mentorship-requests.server";
import { getMentorshipHome } from "~/models/mentorship/mentorship.server";
import { DecisionSchema, GROUP_MAX, MENTEE_LEVELS, MENTOR_LEVEL } from "~/models/mentorship/mentorship.schema";
import { languageName } from "~/models/directory/profile.schema";
import { scopeOf } from "~/models/permissions.server";
import { useTranslation } from "~/use-translation";
import { requireViewer } from "~/viewer.server";
import { localized } from "~/models/shared/localized";
import { requestLocale } from "~/locale";
import { db } from "~/db.server";

export const handle = { hydrate: false };
export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "mentorship.title") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const [home, competencies] = await Promise.all([getMentorshipHome({ userId: viewer.id }), listCompetencies(db)]);
  return {
    ...home,
    competencyNames: Object.fromEntries(
      competencies.map((c) => [c.slug, localized(c, "name", requestLocale(request, viewer.locale))]),
    ),
    level: viewer.level ?? 0,
    viewerId: viewer.id,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const scope = scopeOf(viewer);
  const form = await readForm(request);
  if (form.intent === "withdraw") {
    const r = await withdrawRequest({ scope });
    return r.ok ? redirect("/mentorship") : data({ formError: r.message, id: 0 }, r.status);
  }
  const parsed = DecisionSchema.safeParse(form);
  if (!parsed.success)
    return data(
      {
        formError: parsed.error.issues[0]?.message.startsWith("mentorship.")
          ? parsed.error.issues[0].message
          : "mentorship.errors.noSuchAsk",
        id: positiveId(form.id) ?? 0,
      },
      400,
    );
  const r = await decideAsk({ scope, ...parsed.data });
  if (!r.ok) return data({ formError: r.message, values: r.values, id: parsed.data.id }, r.status);
  return redirect(r.cycleId ? `/mentorship/${r.cycleId}?accepted=1` : "/mentorship?declined=1");
}

export default function MentorshipHome() {
  const { t, i18n } = useTranslation();
  const day = useDay();
  const d = useLoaderData<typeof loader>();
  const res = useActionData<typeof action>();
  const [params] = useSearchParams();
  const reg = d.registration;
  return (
    <div>
      <h1>{t("mentorship.title")}</h1>
      <p>{t("mentorship.intro")}</p>
      {params.get("declined") ? (
        <p className="notice" role="status">
          {t("mentorship.declinedDone")}
        </p>
      ) : null}
      {params.get("registered") ? (
        <p className="notice" role="status">
          {t(params.get("registered") === "new" ? "mentorship.register.created" : "mentorship.saved")}
        </p>
      ) : null}
      {params.get("asked") ? (
        <p className="notice" role="status">
          {t("mentorship.suggestions.askedDone")}
        </p>
      ) : null}
      {res?.formError && !res.id ? <FormError message={res.formError} /> : null}

      <section aria-labelledby="mine-heading">
        <h2 id="mine-heading">{t("mentorship.myMentorships")}</h2>
        {d.cycles.length ? (
          <ul className="req-list">
            {d.cycles.map((c) => (
              <li
                key={c.id}
                className={`req ${c.status === "active" ? "pending" : c.status === "completed" ? "met" : ""}`}
              >
                <h3>
                  <Link to={`/mentorship/${c.id}`}>
                    {t("mentorship.withMentees", { mentor: c.mentor_name, mentees: c.mentee_names.join(", ") })}
                  </Link>
                </h3>
                <p className="req-line">
                  <span className="status">{t(`mentorship.status.${c.status}`)}</span>
                  <span>{c.status === "active" ? t("mentorship.until", { date: day(c.ends_on) }) : null}</span>
                </p>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("mentorship.noMentorships")}</p>
        )}
      </section>

      <section aria-labelledby="mentee-heading">
        <h2 id="mentee-heading">{t("mentorship.menteeSection")}</h2>
        {d.request ? (
          <>
            <p>
              {t("mentorship.requestOpen", { date: day(new Date(d.request.created_at).toISOString().slice(0, 10)) })}
            </p>
            <p>
              <Link to="/mentorship/suggestions">{t("mentorship.seeSuggestions")}</Link>
            </p>
            <Form method="post">
              <input type="hidden" name="intent" value="withdraw" />
              <button type="submit" className="link-button">
                {t("mentorship.withdrawRequest")}
              </button>
            </Form>
          </>
        ) : (MENTEE_LEVELS as readonly number[]).includes(d.level) ? (
          <p>
            <Link to="/mentorship/request">{t("mentorship.requestCta")}</Link>
          </p>
        ) : (
          <p>{t("mentorship.menteeOnlyLevels")}</p>
        )}
        {d.myAsks.length ? (
          <>
            <h3>{t("mentorship.myAsks")}</h3>
            <ul>
              {d.myAsks.map((a) => (
                <li key={a.id}>
                  {a.status === "proposed"
                    ? t("mentorship.askPending", { name: a.display_name })
                    : a.decision_note
                      ? t("mentorship.askDeclinedNote", { name: a.display_name, note: a.decision_note })
                      : t("mentorship.askDeclined", { name: a.display_name })}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <section aria-labelledby="mentor-heading">
        <h2 id="mentor-heading">{t("mentorship.mentorSection")}</h2>
        {reg ? (
          <p>
            {reg.status === "active"
              ? t("mentorship.registered", { count: d.load, capacity: reg.capacity })
              : t(reg.status === "paused" ? "mentorship.registrationPaused" : "mentorship.registrationRemoved")}{" "}
            {reg.status !== "removed" ? <Link to="/mentorship/mentor">{t("mentorship.editRegistration")}</Link> : null}
          </p>
        ) : d.level >= MENTOR_LEVEL ? (
          <p>
            <Link to="/mentorship/mentor">{t("mentorship.registerCta")}</Link>
          </p>
        ) : (
          <p>{t("mentorship.mentorOnlyLevel4")}</p>
        )}
        {reg ? (
          <>
            <h3>{t("mentorship.asksToMe")}</h3>
            {d.asksToMe.length ? (
              <ul className="req-list">
                {d.asksToMe.map((a) => (
                  <li key={a.id} className="req" id={`ask-${a.id}`}>
                    <h4>{t("mentorship.askFrom", { name: a.display_name, level: a.level ?? "?" })}</h4>
                    {a.goals ? (
                      <>
                        <p className="muted">{t("mentorship.theirGoals")}</p>
                        <p style={{ whiteSpace: "pre-wrap" }}>{a.goals}</p>
                      </>
                    ) : null}
                    {a.competencies?.length ? (
                      <p>
                        {t("mentorship.wants")}:{" "}
                        {a.competencies
                          .map(
                            (c) =>
                              `${d.competencyNames[c.slug] ?? c.slug} (` +
                              `${t(`profile.proficiency.${c.level}`, { defaultValue: c.level })})`,
                          )
                          .join(", ")}
                      </p>
                    ) : null}
                    {a.language ? (
                      <p>
                        {t("mentorship.prefersLanguage", { language: languageName(a.language, i18n.language || "en") })}
                      </p>
                    ) : null}
                    {a.availability ? <p>{t("mentorship.availability", { text: a.availability })}</p> : null}
                    {a.ask_note ? (
                      <>
                        <p className="muted">{t("mentorship.theirNote")}</p>
                        <p style={{ whiteSpace: "pre-wrap" }}>{a.ask_note}</p>
                      </>
                    ) : null}
                    {res?.id === a.id ? (
                      <FormError
                        message={res.formError}
                        values={"values" in res ? (res.values as Record<string, unknown> | undefined) : undefined}
                      />
                    ) : null}
                    <Form method="post" className="stack">
                      <input type="hidden" name="id" value={a.id} />
                      <Select
                        label={t("mentorship.into")}
                        name="into"
                        options={[
                          { value: "new", label: t("mentorship.intoNew") },
                          { value: "group", label: t("mentorship.intoGroup", { max: GROUP_MAX }) },
                          ...d.groups.map((g) => ({
                            value: String(g.id),
                            label: t("mentorship.intoExisting", {
                              names: g.mentee_names.join(", "),
                              count: g.max_mentees - g.active_mentees,
                            }),
                          })),
                        ]}
                      />
                      <TextArea label={t("mentorship.decisionNote")} name="note" rows={2} maxLength={1000} />
                      <div className="actions">
                        <button type="submit" name="decision" value="accept">
                          {t("mentorship.accept")}
                        </button>{" "}
                        <button type="submit" name="decision" value="decline" className="secondary">
                          {t("mentorship.decline")}
                        </button>
                      </div>
                    </Form>
                  </li>
                ))}
              </ul>
            ) : (
              <p>{t("mentorship.noAsks")}</p>
            )}
          </>
        ) : null}
      </section>
    </div>
  );
}
