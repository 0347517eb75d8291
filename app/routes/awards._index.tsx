// /awards: the round open for self-nominations (categories, deadline) and the published winners.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { pageTitle } from "~/web/page-title";
import { Link, useLoaderData } from "@remix-run/react";
import type { PageHandle } from "~/web/enhance";
import { useMoment } from "~/components/event-when";
import { listPublishedWinners } from "~/models/awards/award.server";
import { getOpenRound } from "~/models/awards/nomination.server";
import { canManageAwards, canNominate, scopeOf } from "~/models/permissions.server";
import { useTranslation } from "~/use-translation";
import { getViewer } from "~/viewer.server";

export const handle: PageHandle = { hydrate: false };
export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "awards.title") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  const scope = scopeOf(viewer);
  const [round, winners] = await Promise.all([getOpenRound(), listPublishedWinners()]);
  const years = [...new Set(winners.map((w) => w.year))];
  return {
    round,
    years: years.map((year) => ({
      year,
      title: winners.find((w) => w.year === year)!.title,
      winners: winners.filter((w) => w.year === year),
    })),
    mayNominate: canNominate(scope),
    signedIn: !!viewer,
    judge: !!scope.isJudge,
    staff: canManageAwards(scope),
    timeZone: viewer?.timeZone ?? "UTC",
  };
}

export default function Awards() {
  const { t } = useTranslation();
  const moment = useMoment();
  const d = useLoaderData<typeof loader>();
  return (
    <div>
      <h1>{t("awards.title")}</h1>
      <p>{t("awards.intro")}</p>
      {d.judge || d.staff ? (
        <p>
          {d.judge ? <Link to="/judging">{t("awards.judging.link")}</Link> : null}
          {d.judge && d.staff ? " · " : null}
          {d.staff ? <Link to="/admin/awards">{t("awards.admin.link")}</Link> : null}
        </p>
      ) : null}
      {d.round ? (
        <section aria-labelledby="open-round" className="card">
          <h2 id="open-round">{d.round.title}</h2>
          {d.round.intro ? <p style={{ whiteSpace: "pre-wrap" }}>{d.round.intro}</p> : null}
          <p>
            <strong>{t("awards.deadline", { time: moment(d.round.deadline_at, d.timeZone) })}</strong>
          </p>
          <h3>{t("awards.categories")}</h3>
          <ul>
            {d.round.categories.map((c) => (
              <li key={c.id}>
                <strong>{c.name}</strong>
                {c.description ? ` — ${c.description}` : ""}
              </li>
            ))}
          </ul>
          {d.mayNominate ? (
            <p>
              <Link to="/awards/nominate">{t("awards.nominateLink")}</Link>
            </p>
          ) : (
            <p className="muted">{d.signedIn ? t("awards.levelNote") : t("awards.signInNote")}</p>
          )}
        </section>
      ) : (
        <p>{t("awards.noOpenRound")}</p>
      )}
      {d.years.length ? (
        <section aria-labelledby="winners">
          <h2 id="winners">{t("awards.winnersTitle")}</h2>
          {d.years.map((y) => (
            <div key={y.year}>
              <h3 id={`award-${y.year}`}>{y.title}</h3>
              <ul>
                {y.winners.map((w) => (
                  <li key={`${w.category}-${w.username}`}>
                    {w.category}: <Link to={`/u/${w.username}`}>{w.display_name}</Link>
                    {w.badge ? (
                      <>
                        {" "}
                        (<a href={`/badges/${w.badge}`}>{t("awards.badgeLink")}</a>)
                      </>
                    ) : null}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      ) : null}
    </div>
  );
}
