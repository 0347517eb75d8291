// /badges: what each badge recognises (anchors #level-N, #mentor and #award-<year>: the achievements' ids), the
// competency framework badges align to (#competency-<slug>), and how to verify a credential.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/use-translation";
import { env } from "~/env.server";
import { listAwardBadgeYears } from "~/models/awards/award.server";
import {
  achievementText,
  criteriaHtml,
  listBadgeLevels,
  listFrameworkCompetencies,
} from "~/models/badges/badge-credential.server";
import { sharedI18n } from "~/i18n";
import { requestLocale } from "~/locale";
import { localized } from "~/models/shared/localized";
import { getViewer } from "~/viewer.server";
import badgeStyles from "~/styles/badges.css";
import { db } from "~/db.server";

export const links = () => [{ rel: "stylesheet", href: badgeStyles }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? "Badges"} · Touchpoints` }];

// the credentials themselves stay in English (badge-credential.server.ts); this page is in the reader's language
export async function loader({ request }: LoaderFunctionArgs) {
  const lang = requestLocale(request, (await getViewer(request))?.locale);
  const t = sharedI18n(lang).t;
  const [levels, competencies, awardYears] = await Promise.all([
    listBadgeLevels(db),
    listFrameworkCompetencies(db),
    listAwardBadgeYears(),
  ]);
  // the mentor and award badges are of no level: what the page shows of each
  const noLevel = {
    level: null,
    level_name: null,
    level_short_name: null,
    badge_inscription: null,
    level_description: null,
    criteria_narrative: null,
  };
  const shown = (a: ReturnType<typeof achievementText>) => ({
    name: a.name,
    inscription: a.inscription,
    description: a.description,
    criteriaHtml: criteriaHtml(a.criteria),
  });
  const origin = env().APP_ORIGIN;
  return {
    title: t("badges.about.title"),
    levels: levels.map((l) => ({
      number: l.number,
      name: localized(l, "name", lang),
      inscription: localized(l, "badge_inscription", lang),
      description: localized(l, "description", lang),
      criteriaHtml: criteriaHtml(localized(l, "criteria_narrative", lang)),
    })),
    mentor: shown(achievementText({ kind: "mentor", ...noLevel }, t)),
    awards: awardYears.map((year) => ({
      year,
      ...shown(achievementText({ kind: "award", award_year: year, ...noLevel }, t)),
    })),
    competencies: competencies.map((c) => ({
      slug: c.slug,
      name: localized(c, "name", lang),
      description: localized(c, "description", lang),
    })),
    jwks: `${origin}/.well-known/jwks.json`,
    issuer: `${origin}/badges/issuer.json`,
  };
}

export default function BadgesAbout() {
  const { t } = useTranslation();
  const d = useLoaderData<typeof loader>();
  return (
    <div className="badge-page">
      <h1>{t("badges.about.title")}</h1>
      <p>{t("badges.about.intro")}</p>

      <h2>{t("badges.about.levels")}</h2>
      <ul className="badge-levels">
        {d.levels.map((l) => (
          <li key={l.number} id={`level-${l.number}`} className="badge-level">
            <div>
              <h3>{t("badges.about.levelHeading", { number: l.number, name: l.name })}</h3>
              <p className="muted">{t("badges.about.inscription", { inscription: l.inscription })}</p>
              <p>{l.description}</p>
              <h4>{t("badges.about.criteria")}</h4>
              <div dangerouslySetInnerHTML={{ __html: l.criteriaHtml }} />
            </div>
          </li>
        ))}
        <li id="mentor" className="badge-level">
          <div>
            <h3>{d.mentor.name}</h3>
            <p className="muted">{t("badges.about.inscription", { inscription: d.mentor.inscription })}</p>
            <p>{d.mentor.description}</p>
            <h4>{t("badges.about.criteria")}</h4>
            <div dangerouslySetInnerHTML={{ __html: d.mentor.criteriaHtml }} />
          </div>
        </li>
        {d.awards.map((a) => (
          <li key={a.year} id={`award-${a.year}`} className="badge-level">
            <div>
              <h3>{a.name}</h3>
              <p className="muted">{t("badges.about.inscription", { inscription: a.inscription })}</p>
              <p>{a.description}</p>
              <h4>{t("badges.about.criteria")}</h4>
              <div dangerouslySetInnerHTML={{ __html: a.criteriaHtml }} />
            </div>
          </li>
        ))}
      </ul>

      <h2 id="framework">{t("badges.about.framework")}</h2>
      <p>{t("badges.about.frameworkIntro")}</p>
      <dl className="competency-list">
        {d.competencies.map((c) => (
          <div key={c.slug} id={`competency-${c.slug}`}>
            <dt>{c.name}</dt>
            <dd>{c.description}</dd>
          </div>
        ))}
      </dl>

      <h2 id="verify">{t("badges.about.verify")}</h2>
      <p>{t("badges.about.verifyIntro")}</p>
      <ul className="badge-links">
        <li>
          <a href={d.jwks}>{t("badges.about.jwks", { url: d.jwks })}</a>
        </li>
        <li>
          <a href={d.issuer}>{t("badges.about.issuer", { url: d.issuer })}</a>
        </li>
      </ul>
    </div>
  );
}
