// A profile's competency claims: each with the framework's words for the claimed proficiency, the
// evidence behind it (passed assessments, tagged posts and field experiences, endorsements with their
// sentences) and, for the member's mentor, tutor or a level-4 leader, the endorsement form. Plain
// forms and <details>: it works the same without JavaScript.
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "~/use-translation";
import type { CompetencyClaim } from "~/models/directory/competency-evidence.server";
import { STATEMENT_MAX, STATEMENT_MIN } from "~/models/directory/competency-evidence.schema";
import type { EndorserRelation } from "~/models/permissions.server";
import { dateTimeFormat } from "~/intl";
import { FormError } from "./field";
import { TextArea } from "./form-extras";

type Failed = { competency?: string; statement?: string; message?: string | null; values?: Record<string, unknown> };

export function CompetencyClaims({
  claims,
  displayName,
  endorseAs,
  isSelf,
  failed,
}: {
  claims: CompetencyClaim[];
  displayName: string;
  endorseAs: EndorserRelation | null;
  isSelf: boolean;
  /** the endorsement form that was refused: its competency, the words typed and the message */
  failed?: Failed;
}) {
  const { t, i18n } = useTranslation();
  const date = (d: Date | string) => dateTimeFormat(i18n.language, { dateStyle: "medium" }).format(new Date(d));
  return (
    <section aria-labelledby="competencies" className="competency-claims">
      <h2 id="competencies">{t("profile.competencies")}</h2>
      {isSelf ? (
        <p>
          <Link to="/my/development">{t("evidence.planLink")}</Link>
        </p>
      ) : null}
      {claims.length ? (
        <ul className="competency-list">
          {claims.map((c) => {
            const refused = failed?.competency === c.slug ? failed : undefined;
            return (
              <li key={c.slug} id={`competency-${c.slug}`} className="competency-claim">
                <strong>{c.name}</strong>{" "}
                <span className={`proficiency proficiency-${c.proficiency}`}>
                  {t(`profile.proficiency.${c.proficiency}`)}
                </span>{" "}
                {c.evidenced ? (
                  <span className="evidence-mark evidenced">{t("evidence.evidenced")}</span>
                ) : (
                  <span className="evidence-mark muted">{t("evidence.unevidenced")}</span>
                )}
                <p className="framework-words">
                  <span className="visually-hidden">{t("evidence.frameworkSays")}: </span>
                  {c.description}
                </p>
                <details open={c.evidenced || !!refused}>
                  <summary>{t("evidence.heading", { competency: c.name })}</summary>
                  {c.assessments.length || c.topics.length || c.endorsements.length ? (
                    <ul className="evidence-list">
                      {c.assessments.map((a) => (
                        <li key={`a-${a.slug}`}>
                          {t("evidence.assessment", { title: a.title, score: a.score, date: date(a.takenOn) })}
                        </li>
                      ))}
                      {c.topics.map((p) => (
                        <li key={`t-${p.id}`}>
                          {p.fieldExperience ? t("evidence.fieldExperience") : t("evidence.post")}
                          <Link to={p.url}>{p.title}</Link>
                        </li>
                      ))}
                      {c.endorsements.map((e) => (
                        <li key={`e-${e.endorserUsername}`} className="endorsement">
                          {e.statement ? <blockquote>{e.statement}</blockquote> : null}
                          <p className="muted">
                            {t("evidence.endorsedBy", {
                              name: e.endorserName,
                              relation: t(`evidence.relation.${e.relation}`),
                            })}{" "}
                            (<Link to={`/u/${encodeURIComponent(e.endorserUsername)}`}>@{e.endorserUsername}</Link>)
                            {e.backsClaim || !e.proficiency
                              ? null
                              : ` · ${t("evidence.earlierClaim", {
                                  proficiency: t(`profile.proficiency.${e.proficiency}`),
                                })}`}
                          </p>
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <p className="muted">{t("evidence.none")}</p>
                  )}
                </details>
                {endorseAs ? (
                  <details className="endorse-form" open={!!refused}>
                    <summary>{t("evidence.endorseTitle", { competency: c.name })}</summary>
                    <Form method="post" preventScrollReset>
                      <FormError message={refused?.message} values={refused?.values} />
                      <p className="hint">{t(`evidence.endorseAs.${endorseAs}`, { name: displayName })}</p>
                      <input type="hidden" name="competency" value={c.slug} />
                      <TextArea
                        id={`statement-${c.slug}`}
                        label={t("evidence.statement", { min: STATEMENT_MIN })}
                        name="statement"
                        rows={3}
                        maxLength={STATEMENT_MAX}
                        required
                        defaultValue={refused?.statement ?? ""}
                      />
                      <button type="submit" name="intent" value="endorse">
                        {c.endorsedByViewer
                          ? t("evidence.updateEndorsement")
                          : t("evidence.endorse", { proficiency: t(`profile.proficiency.${c.proficiency}`) })}
                      </button>
                    </Form>
                    {c.endorsedByViewer ? (
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="competency" value={c.slug} />
                        <button
                          type="submit"
                          name="intent"
                          value="unendorse"
                          className="secondary small"
                          aria-label={t("evidence.withdrawLabel", { name: displayName, competency: c.name })}
                        >
                          {t("evidence.withdraw")}
                        </button>
                      </Form>
                    ) : null}
                  </details>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : (
        <p>{t("profile.competenciesNone")}</p>
      )}
    </section>
  );
}
