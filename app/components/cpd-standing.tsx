// A member's CPD standing per credential (/my/cpd): status, points this CPD year against what is
// needed, the next lapse, what earned points, and the history of lapses and reinstatements.
import { Link } from "@remix-run/react";
import { useTranslation } from "~/use-translation";
import { useDay } from "~/components/use-day";
import { localized } from "~/models/shared/localized";
import type { CpdStanding } from "~/models/journey/cpd/cpd.server";

/** The one line /progress shows per credential, linking here. */
export function CpdSummary({ credentials }: { credentials: CpdStanding[] }) {
  const { t, i18n } = useTranslation();
  const day = useDay();
  if (!credentials.length) return null;
  return (
    <section id="cpd" aria-labelledby="cpd-summary-heading" className="card">
      <h2 id="cpd-summary-heading">
        <Link to="/my/cpd">{t("cpd.progressLink")}</Link>
      </h2>
      <ul>
        {credentials.map((c) => (
          <li key={c.credential}>
            <strong>{localized(c, "name", i18n.language)}</strong>
            {" · "}
            {c.judgement.status === "lapsed"
              ? t("cpd.status.lapsed", { date: day(c.judgement.lapsedOn) })
              : t("cpd.points", { count: c.judgement.pointsThisYear, required: c.judgement.required })}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function CpdStandingView({ credentials }: { credentials: CpdStanding[] }) {
  const { t, i18n } = useTranslation();
  const day = useDay();
  const lang = i18n.language;
  return (
    <div className="page narrow">
      <p>
        <Link to="/progress">{t("progress.apply.back")}</Link>
      </p>
      <h1>{t("cpd.title")}</h1>
      <p>{t("cpd.intro")}</p>
      {credentials.length === 0 ? <p className="notice">{t("cpd.none")}</p> : null}
      {credentials.map((c) => {
        const j = c.judgement;
        const name = localized(c, "name", lang);
        const headingId = `cpd-${c.credential.replace(/[^a-zA-Z0-9]/g, "-")}`;
        return (
          <section
            key={c.credential}
            className="card cpd-credential"
            data-credential={c.credential}
            aria-labelledby={headingId}
          >
            <h2 id={headingId}>{name}</h2>
            <p className={j.status === "lapsed" ? "cpd-status lapsed" : "cpd-status"} data-status={j.status}>
              <strong>
                {j.status === "lapsed" ? t("cpd.status.lapsed", { date: day(j.lapsedOn) }) : t("cpd.status.active")}
              </strong>
              {j.status === "lapsed" ? ` ${t("cpd.owed", { count: j.owed })}` : null}
            </p>
            <p>
              <progress max={j.required} value={Math.min(j.pointsThisYear, j.required)} aria-hidden="true" />{" "}
              {t("cpd.points", { count: j.pointsThisYear, required: j.required })}
            </p>
            <p className="muted">{t("cpd.year", { start: day(j.year.start), last: day(j.year.last) })}</p>
            {j.status === "active" ? (
              <p>
                {j.nextLapseOn
                  ? t("cpd.nextLapse", { date: day(j.nextLapseOn), last: day(j.year.last), required: j.required })
                  : j.judged
                    ? t("cpd.met")
                    : t("cpd.notJudged", { date: day(j.year.next) })}
              </p>
            ) : null}
            <p className="muted small">{t("cpd.rates", c.policy.points)}</p>
            <h3>{t("cpd.counted")}</h3>
            {c.items.length ? (
              <table className="cpd-items">
                <thead>
                  <tr>
                    <th scope="col">{t("cpd.kind")}</th>
                    <th scope="col">{t("cpd.what")}</th>
                    <th scope="col">{t("cpd.when")}</th>
                    <th scope="col">{t("cpd.pointsColumn")}</th>
                  </tr>
                </thead>
                <tbody>
                  {c.items.map((i, n) => (
                    <tr key={n}>
                      <td>{t(`cpd.kinds.${i.kind}`)}</td>
                      <td>{i.url ? <Link to={i.url}>{i.title}</Link> : i.title}</td>
                      <td>{day(i.day)}</td>
                      <td>{i.points}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              <p className="muted">{t("cpd.noItems")}</p>
            )}
            <p>
              <Link to="/my/activities">{t("cpd.logActivity")}</Link>
              {" · "}
              <Link to="/my/reading">{t("cpd.logBook")}</Link>
              {c.badgePublicId ? (
                <>
                  {" · "}
                  <Link to={`/badges/${c.badgePublicId}`}>{t("cpd.badge")}</Link>
                </>
              ) : null}
            </p>
            {c.history.length ? (
              <>
                <h3>{t("cpd.history")}</h3>
                <ul className="cpd-history">
                  {c.history.map((h, n) => (
                    <li key={n}>
                      {h.event === "lapsed"
                        ? t("cpd.historyLapsed", { date: day(h.on), points: h.points, required: h.required })
                        : t("cpd.historyReinstated", { date: day(h.on) })}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </section>
        );
      })}
    </div>
  );
}
