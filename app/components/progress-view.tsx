import { AppLink } from "./app-link";
import { useTranslation } from "~/use-translation";
import { TableWrap } from "./form-extras";
import type { DesignationStanding, EvaluatedRequirement, Item, Progress } from "~/models/journey/progress/types";
import type { NextStep } from "~/models/journey/progress/next-step";
import { requirementLabel } from "~/models/journey/requirement-label";
import { useRootData } from "~/web/root-data";
import { dateTimeFormat, formatDay } from "../intl";
import { intlLocale } from "../locale";
import { ContributionsChart } from "./contributions-chart";
import { useMoment } from "./assessment-view";
import { localized } from "~/models/shared/localized";
import type { RouteProgress } from "~/models/journey/progress/routes";

type Requirement = EvaluatedRequirement & { next?: NextStep | null };

/**
 * Days in the page's language ("6 déc. 2026"): 'YYYY-MM-DD' as that calendar day (no time zone shift),
 * an instant as the day it was in the viewer's time zone.
 */
export function useDay() {
  const { i18n } = useTranslation();
  const timeZone = useRootData()?.viewer?.timeZone;
  return (d: string | Date | undefined | null, withYear = true) =>
    formatDay(d, intlLocale(i18n.language), { timeZone, withYear });
}

function Sentence({ r }: { r: EvaluatedRequirement }) {
  const { t } = useTranslation();
  const p = r.progress;
  const d = p.detail ?? {};
  switch (r.kind) {
    case "webinar":
      return <>{t(p.done ? "progress.sentence.webinarDone" : "progress.sentence.webinarDue")}</>;
    case "assessment":
      if (d.passMark === null)
        return <>{t(p.done ? "progress.sentence.diagnosticDone" : "progress.sentence.diagnosticDue")}</>;
      return (
        <>
          {d.best === null
            ? t("progress.sentence.assessmentNone", { passMark: d.passMark })
            : t("progress.sentence.assessmentBest", { best: d.best, passMark: d.passMark })}
        </>
      );
    case "experience_years":
      return (
        <>
          {t(
            `progress.sentence.experience.${p.status === "met" ? "met" : p.status === "pending" ? "pending" : "due"}`,
            { years: d.years, minYears: d.minYears },
          )}
        </>
      );
    case "portfolio":
      return <>{t(`progress.sentence.portfolio.${String(d.state)}`, d)}</>;
    default:
      return <>{t(`progress.sentence.${r.kind}`, { done: p.done, required: p.required, count: p.done })}</>;
  }
}

/** The status chip's words; "overdue" says which period was missed, since the due date shown is the next one. */
export function statusLabelKey(p: Pick<Progress, "status" | "period">) {
  return p.status === "overdue" && p.period ? `progress.missed.${p.period}` : `progress.status.${p.status}`;
}

/** An instant's calendar day in the reader's language and time zone ("25 July 2026"). */
function useReaderDay() {
  const { i18n } = useTranslation();
  const timeZone = useRootData()?.viewer?.timeZone ?? "UTC";
  const options = { day: "numeric", month: "long", year: "numeric", timeZone } as const;
  return (at: Date | string) => dateTimeFormat(intlLocale(i18n.language), options).format(new Date(at));
}

/** What to do next for one requirement: a link to act, or a plain sentence, and who to ask when staff record it. */
export function NextStepLine({ step }: { step: NextStep }) {
  const { t } = useTranslation();
  const moment = useMoment();
  const ask = step.staff?.ask;
  return (
    <p className="next-step">
      <strong>{t("progressGuide.nextStep")}</strong>{" "}
      {step.act ? (
        <AppLink to={step.act.url}>{t(`progressGuide.act.${step.act.key}`, { at: moment(step.act.at) })}</AppLink>
      ) : null}
      {step.say ? (
        <>
          {step.act ? " " : ""}
          {t(`progressGuide.say.${step.say}`)}
        </>
      ) : null}
      {step.staff ? <> {t("progressGuide.staff.recorded")}</> : null}
      {ask ? (
        <>
          {" "}
          {t(ask.kind === "tutor" ? "progressGuide.staff.askTutor" : "progressGuide.staff.askStaff")}{" "}
          <AppLink to={ask.url}>{ask.name}</AppLink>
        </>
      ) : null}
    </p>
  );
}

function Due({ r }: { r: EvaluatedRequirement }) {
  const { t } = useTranslation();
  const day = useDay();
  const p = r.progress;
  if (!p.dueBy || p.status === "met") return null;
  const missing = Math.max(0, p.required - p.done);
  const key =
    r.kind === "books"
      ? "progress.due.books"
      : r.kind === "activities"
        ? "progress.due.activities"
        : "progress.due.other";
  return <span>{t(key, { count: missing, date: day(p.dueBy, false) })}</span>;
}

function ItemLine({ item, kind }: { item: Item; kind: string }) {
  const { t, i18n } = useTranslation();
  const day = useDay();
  const label =
    kind === "profile"
      ? t(`progress.fields.${item.label}`)
      : kind === "experience_years"
        ? t("progress.sentence.years", { years: item.label })
        : localized(item, "label", i18n.language);
  return (
    <li>
      {item.url ? <AppLink to={item.url}>{label}</AppLink> : label}
      {item.date ? ` · ${day(item.date)}` : ""}
      {item.note
        ? ` · ${kind === "distinct_topics" ? t("progress.items.posts", { count: Number(item.note) }) : item.note}`
        : ""}
      {item.state && item.state !== "counted" ? (
        <span className="state"> ({t(`progress.items.state.${item.state}`)})</span>
      ) : null}
    </li>
  );
}

export function RequirementCard({ r, heading: Heading = "h3" }: { r: Requirement; heading?: "h3" | "h4" }) {
  const { t, i18n } = useTranslation();
  const p: Progress = r.progress;
  const id = `req-${r.id}`;
  return (
    <li className={`req ${p.status}`} data-requirement={r.key}>
      <Heading id={id}>{requirementLabel(t, r, i18n.language)}</Heading>
      <progress value={Math.min(p.done, p.required)} max={Math.max(p.required, 1)} aria-labelledby={id} />
      <p className="req-line">
        <span className={`status ${p.status}`}>{t(statusLabelKey(p))}</span>
        <span>
          <Sentence r={r} />
        </span>
        <Due r={r} />
        {p.pending ? <span>{t("progress.pendingEntries", { count: p.pending })}</span> : null}
      </p>
      {r.next ? <NextStepLine step={r.next} /> : null}
      {p.items.length ? (
        <details>
          <summary>
            {t(
              r.kind === "profile" || r.kind === "module_tasks" ? "progress.items.details" : "progress.items.counted",
              { count: p.items.length + p.more },
            )}
          </summary>
          <ul className="items">
            {p.items.map((item, i) => (
              <ItemLine key={i} item={item} kind={r.kind} />
            ))}
          </ul>
          {p.more ? (
            <p className="muted">
              <AppLink to={`?all=1#req-${r.id}`}>{t("progress.items.more", { count: p.more })}</AppLink>
            </p>
          ) : null}
        </details>
      ) : null}
    </li>
  );
}

type ListProps = { requirements: Requirement[]; phase: "duty" | "completion" };

export function RequirementList({ requirements, phase }: ListProps) {
  // a route's requirements are shown with their route
  const list = requirements.filter((r) => r.phase === phase && !r.routeId);
  if (!list.length) return null;
  return (
    <ul className="req-list">
      {list.map((r) => (
        <RequirementCard key={r.id} r={r} />
      ))}
    </ul>
  );
}

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
  const readerDay = useReaderDay();
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

/**
 * Alternative routes: each with what is met and what is left, the closest one marked. Plain
 * server-rendered markup (details elements), so it reads the same with or without JavaScript.
 */
export function RouteList({ routes, requirements }: { routes: RouteProgress[]; requirements: Requirement[] }) {
  const { t, i18n } = useTranslation();
  if (!routes.length) return null;
  const byId = new Map(requirements.map((r) => [r.id, r]));
  return (
    <div className="routes">
      <p>{t("credentialRoutes.anyOf", { count: routes.length })}</p>
      <ul className="route-list">
        {routes.map((route) => {
          const mine = route.requirementIds.map((id) => byId.get(id)).filter((r): r is Requirement => !!r);
          const left = mine.filter((r) => r.progress.status !== "met");
          const name = localized(route, "name", i18n.language);
          return (
            <li
              key={route.id}
              className={`card route${route.closest ? " closest" : ""}`}
              data-route={route.key}
              aria-labelledby={`route-${route.id}`}
            >
              <h3 id={`route-${route.id}`}>
                {name}
                {route.closest ? <span className="status met"> {t("credentialRoutes.closest")}</span> : null}
              </h3>
              <p className="route-summary">
                {t("credentialRoutes.metOf", { met: route.met, total: route.total })}
                {" · "}
                {route.ready ? t("credentialRoutes.ready") : t("credentialRoutes.left", { count: left.length })}
              </p>
              {left.length ? (
                <p className="route-left">
                  {t("credentialRoutes.leftList")}{" "}
                  {left.map((r, i) => (
                    <span key={r.id}>
                      {i ? "; " : ""}
                      <a href={`#req-${r.id}`}>{requirementLabel(t, r, i18n.language)}</a>
                    </span>
                  ))}
                </p>
              ) : null}
              <details open={route.closest}>
                <summary>{t("credentialRoutes.show")}</summary>
                <ul className="req-list">
                  {mine.map((r) => (
                    <RequirementCard key={r.id} r={r} heading="h4" />
                  ))}
                </ul>
              </details>
            </li>
          );
        })}
      </ul>
    </div>
  );
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
