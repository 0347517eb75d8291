// The progress page body (level, requirement cards, routes, designations, contributions, results) and
// the application's age shown to staff. The requirement cards themselves: ./requirement-card.tsx.
import { AppLink } from "./app-link";
import { useTranslation } from "~/use-translation";
import { TableWrap } from "./form-extras";
import type { DesignationStanding, EvaluatedRequirement } from "~/models/journey/progress/types";
import { ContributionsChart } from "./contributions-chart";
import { localized } from "~/models/shared/localized";
import { requirementLabel } from "~/models/journey/requirement-label";
import type { RouteProgress } from "~/models/journey/progress/routes";
import { RequirementList, RouteList, type Requirement } from "./requirement-card";
import { useDay } from "./use-day";

type PageData = {
  standing: {
    member: { username: string; displayName: string };
    level: null | {
      number: number;
      name: string;
      name_fr: string | null;
      badgeInscription: string;
      badgeInscription_fr: string | null;
      untrackedDuties: string[];
      untrackedDuties_fr: string[] | null;
      enteredOn: string;
      enteredAt: Date | string;
    };
    badge: null | { publicId: string };
    requirements: Requirement[];
    routes?: RouteProgress[];
    canApplyForNext: boolean;
    missingForNext: EvaluatedRequirement[];
  };
  designations?: DesignationView[];
  months: { month: string; posts: number }[];
  applications: {
    id: number;
    level: number;
    status: string;
    level_name: string;
    level_name_fr: string | null;
    decision_reason: string | null;
  }[];
  results: {
    webinars: { id: number; title: string; title_fr: string | null; attended_on: string }[];
    assessments: {
      id: number;
      title: string;
      title_fr: string | null;
      score: number;
      taken_on: string;
      attempt: number;
      note: string | null;
      pass_mark: number | null;
    }[];
  };
};

/** The progress page body: shared by /progress, /u/:username/progress and the application review. */
export function ProgressPage({
  data,
  self,
  headingLevel = 1,
}: {
  data: PageData;
  self: boolean;
  headingLevel?: 1 | 2;
}) {
  const { t, i18n } = useTranslation();
  const day = useDay();
  const readerDay = useDay("long");
  const lang = i18n.language;
  const s = data.standing;
  const name = s.member.displayName;
  const H = headingLevel === 1 ? "h1" : "h2";
  const pending = data.applications.find((a) => a.status === "pending");
  const lastDecided = data.applications.find((a) => a.status !== "pending");
  return (
    <div className="progress-page">
      <H>{self ? t("progress.title") : t("progress.titleOf", { name: s.member.displayName })}</H>
      {s.level ? (
        <section
          className="card level-card"
          aria-label={self ? t("progress.levelSection") : t("progressGuide.levelSectionOther", { name })}
        >
          <span className="level-badge" aria-hidden="true">
            <small>{t("progress.levelWord")}</small>
            {s.level.number}
          </span>
          <div>
            <p>
              <strong>
                {t("progress.currentLevel", { number: s.level.number, name: localized(s.level, "name", lang) })}
              </strong>
            </p>
            <p className="muted">{localized(s.level, "badgeInscription", lang)}</p>
            <p className="counts-since">
              {t(self ? "progressGuide.countsSince" : "progressGuide.countsSinceOther", {
                name,
                number: s.level.number,
                date: readerDay(s.level.enteredAt),
              })}
            </p>
            {s.badge ? (
              <p>
                <AppLink to={`/badges/${s.badge.publicId}`}>
                  {self ? t("progress.badgeLink") : t("progressGuide.badgeLinkOther", { name })}
                </AppLink>
              </p>
            ) : null}
          </div>
        </section>
      ) : (
        <section className="card">
          <p>{t(self ? "progress.notEnrolled" : "progress.notEnrolledOther")}</p>
        </section>
      )}

      {pending ? (
        <p className="notice" role="status">
          {self
            ? t("progress.applicationPending", { level: localized(pending, "level_name", lang) })
            : t("progressGuide.applicationPendingOther", { name, level: localized(pending, "level_name", lang) })}
        </p>
      ) : lastDecided ? (
        <Decision application={lastDecided} self={self} name={name} />
      ) : null}

      {self && !pending && (!s.level || s.level.number < 4) ? (
        <section aria-labelledby="next-heading">
          <h2 id="next-heading">
            {s.level ? t("progress.nextTitle", { number: s.level.number + 1 }) : t("progress.enrolTitle")}
          </h2>
          {s.canApplyForNext ? (
            <p>
              <AppLink className="button" to="/apply">
                {s.level ? t("progress.applyNext", { number: s.level.number + 1 }) : t("progress.applyEnrol")}
              </AppLink>
            </p>
          ) : (
            <>
              <p>{t("progress.notReady")}</p>
              <ul>
                {s.missingForNext.map((r) => (
                  <li key={r.id}>
                    <a href={`#req-${r.id}`}>{requirementLabel(t, r, lang)}</a>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      ) : null}

      {s.level ? (
        <>
          <h2>{t("progress.completionTitle", { number: s.level.number })}</h2>
          {s.level.number === 4 ? (
            <p>{t("progress.topLevel")}</p>
          ) : (
            <>
              <RequirementList requirements={s.requirements} phase="completion" />
              <RouteList routes={s.routes ?? []} requirements={s.requirements} />
            </>
          )}
          <h2>{t("progress.dutiesTitle")}</h2>
          <RequirementList requirements={s.requirements} phase="duty" />
          {localized(s.level, "untrackedDuties", lang).length ? (
            <>
              <h3>{t("progress.untrackedTitle")}</h3>
              <ul>
                {localized(s.level, "untrackedDuties", lang).map((d) => (
                  <li key={d}>{d}</li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      ) : null}

      {data.designations?.length ? <Designations designations={data.designations} self={self} /> : null}

      <h2>{self ? t("progress.chart.heading") : t("progressGuide.chartHeadingOther", { name })}</h2>
      <ContributionsChart months={data.months} />

      <h2>{t("progress.results.title")}</h2>
      {data.results.webinars.length || data.results.assessments.length ? (
        <TableWrap label={t("progress.results.title")}>
          <table className="data">
            <caption className="visually-hidden">{t("progress.results.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("progress.results.what")}</th>
                <th scope="col">{t("progress.results.date")}</th>
                <th scope="col">{t("progress.results.result")}</th>
              </tr>
            </thead>
            <tbody>
              {data.results.webinars.map((w) => (
                <tr key={`w${w.id}`}>
                  <td>{localized(w, "title", lang)}</td>
                  <td>{day(w.attended_on)}</td>
                  <td>{t("progress.results.attended")}</td>
                </tr>
              ))}
              {data.results.assessments.map((a) => (
                <tr key={`a${a.id}`}>
                  <td>
                    {localized(a, "title", lang)} {t("progress.results.attempt", { n: a.attempt })}
                  </td>
                  <td>{day(a.taken_on)}</td>
                  <td>
                    {t("progress.results.score", { score: a.score })}
                    {a.pass_mark !== null
                      ? ` · ` +
                        t(a.score >= a.pass_mark ? "progress.results.passed" : "progress.results.notPassed", {
                          passMark: a.pass_mark,
                        })
                      : ""}
                    {a.note ? ` · ${a.note}` : ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : (
        <p>{t("progress.results.none")}</p>
      )}
      {self ? (
        <p>
          <AppLink to="/my/activities">{t("progress.links.activities")}</AppLink> ·{" "}
          <AppLink to="/my/reading">{t("progress.links.reading")}</AppLink> ·{" "}
          <AppLink to="/mentorship">{t("mentorship.myMentorships")}</AppLink>
        </p>
      ) : null}
    </div>
  );
}

type DecidedApplication = PageData["applications"][number];

/** The last decision on the member's applications, with the note staff wrote for them (text, escaped by React). */
function Decision({ application: a, self, name }: { application: DecidedApplication; self: boolean; name: string }) {
  const { t, i18n } = useTranslation();
  const level = localized(a, "level_name", i18n.language);
  const note = a.decision_reason?.trim();
  // an approval without a note is already told by the level card
  if (a.status === "approved" && !note) return null;
  if (a.status === "rejected" && self) {
    return <p className="notice">{t("progress.applicationRejected", { level, reason: note ?? "" })}</p>;
  }
  if (a.status !== "approved" && a.status !== "rejected") return null;
  const approved = self ? "applicationApproved" : "applicationApprovedOther";
  const key = a.status === "approved" ? approved : "applicationRejectedOther";
  return (
    <div className="notice decision">
      <p>{t(`progressGuide.${key}`, { name, level })}</p>
      {note ? <p className="decision-note">{t("progressGuide.decisionNote", { note })}</p> : null}
    </div>
  );
}

export function ApplicationAge({ days, hours }: { days: number; hours: number }) {
  const { t } = useTranslation();
  return <>{days >= 1 ? t("admin.age.days", { count: days }) : t("admin.age.hours", { count: hours })}</>;
}

type DesignationView = DesignationStanding<Requirement>;

/** Designations earned beside the level (CCSM), each reached by one of its routes. */
function Designations({ designations, self }: { designations: DesignationView[]; self: boolean }) {
  const { t, i18n } = useTranslation();
  const day = useDay();
  const lang = i18n.language;
  return (
    <section id="designations" aria-labelledby="designations-heading">
      <h2 id="designations-heading">{t("credentialRoutes.designationsTitle")}</h2>
      {designations.map((d) => (
        <section key={d.code} className="designation" data-designation={d.code} aria-label={localized(d, "name", lang)}>
          <p>
            <strong>{localized(d, "name", lang)}</strong>
          </p>
          <p className="muted">{localized(d, "description", lang)}</p>
          {d.held ? (
            <p className="notice">{t("credentialRoutes.held", { date: day(d.held.awardedOn) })}</p>
          ) : !d.eligible ? (
            <p>{t("credentialRoutes.fromLevel", { level: d.minLevel })}</p>
          ) : (
            <>
              {d.pending ? (
                <p className="notice" role="status">
                  {t(self ? "credentialRoutes.pending" : "credentialRoutes.pendingOther")}
                </p>
              ) : self && d.canApply ? (
                <p>
                  <AppLink className="button" to={`/designations/${d.code}/apply`}>
                    {t("credentialRoutes.apply", { code: d.code })}
                  </AppLink>
                </p>
              ) : null}
              <RouteList routes={d.routes} requirements={d.requirements} />
            </>
          )}
        </section>
      ))}
    </section>
  );
}
