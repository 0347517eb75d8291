// The public page of one award, for anyone with the link: who holds it, which level, when and by
// whom it was issued, whether it is still valid, what it recognises; how to share, embed and
// verify it. Unknown ids answer 404 (ids are random: nothing to enumerate).
import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useId } from "react";
import { useTranslation } from "~/use-translation";
import { env } from "~/env.server";
import { db } from "~/db.server";
import { notFound } from "~/web/http.server";
import { formatAwardDate } from "~/models/badges/badge-artwork.server";
import {
  achievementText,
  criteriaHtml,
  badgeUrls,
  credentialT,
  listFrameworkCompetencies,
} from "~/models/badges/badge-credential.server";
import { getBadgeAward, holderProfilePath } from "~/models/badges/badge.server";
import { scopeOf } from "~/models/permissions.server";
import { getViewer } from "~/viewer.server";
import { sharedI18n } from "~/i18n";
import { intlLocale, requestLocale } from "~/locale";
import { localized } from "~/models/shared/localized";
import badgeStyles from "~/styles/badges.css";
import { pageTitle } from "~/web/page-title";

export const links = () => [{ rel: "stylesheet", href: badgeStyles }];

// the holder's profile link depends on who looks, the words on their language: never kept by a shared cache
export const headers: HeadersFunction = () => ({
  "Cache-Control": "private, no-cache",
  Vary: "Accept-Language, Cookie",
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const award = await getBadgeAward(db, { publicId: params.awardId ?? "" });
  if (!award) notFound();
  const viewer = await getViewer(request);
  const scope = scopeOf(viewer);
  // the page in the reader's language; the credential (.json, .jwt) and LinkedIn's entry stay in English
  const lang = requestLocale(request, viewer?.locale);
  const [profilePath, skills] = await Promise.all([
    holderProfilePath({ scope, userId: award.user_id }),
    listFrameworkCompetencies(db),
  ]);
  const origin = env().APP_ORIGIN;
  const urls = badgeUrls(origin, award.public_id);
  const a = achievementText(award, credentialT());
  const issued = award.awarded_at;
  const linkedin = new URL("https://www.linkedin.com/profile/add");
  const organizationId = env().LINKEDIN_ORGANIZATION_ID;
  linkedin.search = new URLSearchParams({
    startTask: "CERTIFICATION_NAME",
    name: a.name,
    // with the company page's id LinkedIn links the issuer and shows its logo; the name alone shows none
    ...(organizationId ? { organizationId } : { organizationName: "Touchpoints" }),
    issueYear: String(issued.getUTCFullYear()),
    issueMonth: String(issued.getUTCMonth() + 1),
    certUrl: urls.page,
    certId: award.public_id,
  }).toString();
  const t = sharedI18n(lang).t;
  const words = achievementText(award, t, lang);
  const issuedOn = formatAwardDate(issued, intlLocale(lang));
  const revokedOn = award.revoked_at ? formatAwardDate(award.revoked_at, intlLocale(lang)) : null;
  // lapsed for want of CPD (a revocation says more and wins); a calendar day, the holder's
  const lapsedOn =
    !award.revoked_at && award.cpd_lapsed_on
      ? formatAwardDate(new Date(`${award.cpd_lapsed_on}T12:00:00Z`), intlLocale(lang))
      : null;
  // the meta function also runs in the browser: its words are made here, on the server
  const meta = {
    title: t("badges.page.metaTitle", { holder: award.display_name, name: words.name }),
    ogTitle: t("badges.page.ogTitle", { holder: award.display_name, name: words.name }),
    description: revokedOn
      ? t("badges.page.ogDescriptionRevoked", { inscription: words.inscription, date: issuedOn, revokedOn })
      : t("badges.page.ogDescription", { inscription: words.inscription, date: issuedOn }),
    imageAlt: t("badges.page.imageAlt", { name: words.name, holder: award.display_name, date: issuedOn }),
  };
  return {
    meta,
    id: award.public_id,
    kind: award.kind,
    level: award.level,
    holder: award.display_name,
    name: words.name,
    shortName: words.shortName,
    inscription: words.inscription,
    anchor: words.anchor,
    criteriaHtml: criteriaHtml(words.criteria),
    issuedOn,
    issuedIso: issued.toISOString(),
    approver: award.awarded_by_name,
    revokedOn,
    revokedIso: award.revoked_at?.toISOString() ?? null,
    revokeReason: award.revoke_reason,
    lapsedOn,
    urls: { ...urls, jwks: `${origin}/.well-known/jwks.json`, issuer: `${origin}/badges/issuer.json` },
    linkedin: linkedin.toString(),
    profilePath,
    // the credential's alignments, as skills (what Credly lists under a badge)
    skills: skills.map((c) => ({ slug: c.slug, name: localized(c, "name", lang) })),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) => {
  if (!d) return [{ title: pageTitle(matches, "errors.notFoundTitle") }];
  return [
    { title: d.meta.title },
    { name: "description", content: d.meta.description },
    // shared on purpose by its holder, but not a page for search engines to list
    { name: "robots", content: "noindex" },
    { property: "og:type", content: "website" },
    { property: "og:site_name", content: "Touchpoints" },
    { property: "og:title", content: d.meta.ogTitle },
    { property: "og:description", content: d.meta.description },
    { property: "og:url", content: d.urls.page },
    { property: "og:image", content: d.urls.png },
    { property: "og:image:type", content: "image/png" },
    { property: "og:image:width", content: "1200" },
    { property: "og:image:height", content: "630" },
    { property: "og:image:alt", content: d.meta.imageAlt },
    { name: "twitter:card", content: "summary_large_image" },
    { tagName: "link", rel: "canonical", href: d.urls.page },
    { tagName: "link", rel: "alternate", type: "application/ld+json", href: d.urls.credential },
  ];
};

export default function BadgePage() {
  const { t } = useTranslation();
  const d = useLoaderData<typeof loader>();
  const uid = useId();
  const alt = t("badges.page.imageAlt", { name: d.name, holder: d.holder, date: d.issuedOn });
  const snippetAlt = escapeAttr(t("badges.page.snippetAlt", { name: d.name, holder: d.holder }));
  const snippet =
    `<a href="${d.urls.page}">` + `<img src="${d.urls.image}" width="200" height="200" alt="${snippetAlt}"></a>`;
  return (
    <article className="badge-page">
      <header className="badge-head">
        <img className="badge-art" src={new URL(d.urls.image).pathname} width={256} height={256} alt={alt} />
        <div>
          <h1>{d.name}</h1>
          <p className="badge-holder">{d.holder}</p>
          {d.revokedOn ? (
            <div className="badge-status badge-status-revoked">
              <p>
                <strong>{t("badges.page.revokedNote", { date: d.revokedOn })}</strong>
              </p>
              {d.revokeReason ? <p>{t("badges.page.revokedReason", { reason: d.revokeReason })}</p> : null}
            </div>
          ) : d.lapsedOn ? (
            <p className="badge-status badge-status-revoked badge-status-lapsed">
              <strong>{t("cpd.badgeLapsed", { date: d.lapsedOn })}</strong>
            </p>
          ) : (
            <p className="badge-status badge-status-valid">{t("badges.page.validNote")}</p>
          )}
        </div>
      </header>

      <section aria-labelledby={`${uid}-facts`}>
        <h2 id={`${uid}-facts`}>{t("badges.page.facts")}</h2>
        <dl className="badge-facts">
          <div>
            <dt>{t("badges.page.heldBy")}</dt>
            <dd>{d.profilePath ? <a href={d.profilePath}>{d.holder}</a> : d.holder}</dd>
          </div>
          <div>
            <dt>{t("badges.page.achievement")}</dt>
            <dd>
              {d.kind === "level" && d.level ? t("badges.page.levelName", { number: d.level, name: d.name }) : d.name}
            </dd>
          </div>
          <div>
            <dt>{t("badges.page.issuedOn")}</dt>
            <dd>
              <time dateTime={d.issuedIso}>{d.issuedOn}</time>
            </dd>
          </div>
          <div>
            <dt>{t("badges.page.issuedBy")}</dt>
            <dd>
              {d.approver ? t("badges.page.issuerWithApprover", { name: d.approver }) : t("badges.page.issuerOnly")}
            </dd>
          </div>
          <div>
            <dt>{t("badges.page.status")}</dt>
            <dd>
              {d.revokedOn && d.revokedIso ? (
                <strong className="badge-revoked-text">
                  <time dateTime={d.revokedIso}>{t("badges.page.revoked", { date: d.revokedOn })}</time>
                </strong>
              ) : d.lapsedOn ? (
                <strong className="badge-revoked-text">{t("cpd.status.lapsed", { date: d.lapsedOn })}</strong>
              ) : (
                <strong className="badge-valid-text">{t("badges.page.valid")}</strong>
              )}
            </dd>
          </div>
          <div>
            <dt>{t("badges.page.credentialId")}</dt>
            <dd>
              <code>{d.id}</code>
            </dd>
          </div>
        </dl>
      </section>

      {d.skills.length ? (
        <section aria-labelledby={`${uid}-skills`}>
          <h2 id={`${uid}-skills`}>{t("badges.page.skills")}</h2>
          <ul className="badge-skills">
            {d.skills.map((s) => (
              <li key={s.slug}>
                <a href={`/badges#competency-${s.slug}`}>{s.name}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby={`${uid}-criteria`}>
        <h2 id={`${uid}-criteria`}>{t("badges.page.criteria")}</h2>
        <div className="badge-criteria" dangerouslySetInnerHTML={{ __html: d.criteriaHtml }} />
        <p>
          <a href={`/badges#${d.anchor}`}>{t("badges.page.criteriaLink")}</a>
        </p>
      </section>

      {d.revokedOn ? null : (
        <section aria-labelledby={`${uid}-share`}>
          <h2 id={`${uid}-share`}>{t("badges.page.share")}</h2>
          <p>
            <a
              className="button-link"
              href={d.linkedin}
              rel="noopener noreferrer"
              target="_blank"
              aria-describedby={`${uid}-linkedin-hint`}
            >
              {t("badges.page.linkedin")}
            </a>
          </p>
          <p className="hint" id={`${uid}-linkedin-hint`}>
            {t("badges.page.linkedinHint")}
          </p>
          <div className="field">
            <label htmlFor={`${uid}-page-url`}>{t("badges.page.pageUrl")}</label>
            <input id={`${uid}-page-url`} type="url" readOnly value={d.urls.page} />
          </div>
        </section>
      )}

      {d.revokedOn ? null : (
        <section aria-labelledby={`${uid}-embed`}>
          <h2 id={`${uid}-embed`}>{t("badges.page.embed")}</h2>
          <div className="field">
            <label htmlFor={`${uid}-image-url`}>{t("badges.page.imageUrl")}</label>
            <input id={`${uid}-image-url`} type="url" readOnly value={d.urls.image} />
          </div>
          <div className="field">
            <label htmlFor={`${uid}-snippet`}>{t("badges.page.snippet")}</label>
            <textarea id={`${uid}-snippet`} readOnly rows={4} value={snippet} />
          </div>
        </section>
      )}

      <section aria-labelledby={`${uid}-verify`}>
        <h2 id={`${uid}-verify`}>{t("badges.page.verify")}</h2>
        <p>{t("badges.page.verifyIntro")}</p>
        <ul className="badge-links">
          <li>
            <a href={d.urls.jwt}>{t("badges.page.jwt")}</a>
          </li>
          <li>
            <a href={d.urls.credential}>{t("badges.page.json")}</a>
          </li>
          <li>
            <a href={d.urls.baked} download>
              {t("badges.page.baked")}
            </a>
          </li>
          <li>
            <a href={d.urls.bakedPng} download>
              {t("badges.page.bakedPng")}
            </a>
          </li>
          <li>
            <a href={d.urls.status}>{t("badges.page.statusDoc")}</a>
          </li>
          <li>
            <a href={d.urls.jwks}>{t("badges.page.jwks")}</a>
          </li>
          <li>
            <a href={d.urls.issuer}>{t("badges.page.issuer")}</a>
          </li>
        </ul>
      </section>
    </article>
  );
}

function escapeAttr(s: string) {
  return s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
