// A requirement as members and staff see it: its card (status, sentence, due date, next step, the
// items that counted), the list of a phase's cards, and the alternative routes made of them.
import { AppLink } from "./app-link";
import { useTranslation } from "~/use-translation";
import type { EvaluatedRequirement, Item, Progress } from "~/models/journey/progress/types";
import type { NextStep } from "~/models/journey/progress/next-step";
import { requirementLabel } from "~/models/journey/requirement-label";
import { localized } from "~/models/shared/localized";
import type { RouteProgress } from "~/models/journey/progress/routes";
import { useMoment } from "./assessment-view";
import { useDay } from "./use-day";

export type Requirement = EvaluatedRequirement & { next?: NextStep | null };

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
