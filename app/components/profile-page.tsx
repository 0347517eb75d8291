import { Form, Link } from "@remix-run/react";
import { useTranslation } from "~/use-translation";
import { Avatar } from "~/components/avatar";
import { CompetencyClaims } from "~/components/competency-claims";
import { FormError } from "~/components/field";
import { RelativeTime } from "~/components/relative-time";
import { dateTimeFormat } from "~/intl";
import type { getProfilePage } from "~/models/directory/profile.server";
import { countryName, languageName } from "~/models/directory/profile.schema";
import { localized } from "~/models/shared/localized";

/** What the profile's own forms (endorsements, designations) answered when refused: the message and what was sent. */
type ProfileAnswer =
  { formError?: string; errorValues?: Record<string, unknown>; values?: Record<string, unknown> } | undefined;

/** A member's public profile page (routes/u.$username.tsx): who they are, their badges, evidence and topics. */
export function ProfileView({
  profile: p,
  isSelf,
  isStaff,
  messaging,
  answer: actionData,
}: {
  profile: NonNullable<Awaited<ReturnType<typeof getProfilePage>>>;
  isSelf: boolean;
  isStaff: boolean;
  messaging: { ignored: boolean; offer: boolean } | null;
  answer: ProfileAnswer;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language || "en";
  const dateFmt = (d: string | Date) =>
    dateTimeFormat(lang, { dateStyle: "medium", timeZone: "UTC" }).format(new Date(d));
  const place = [p.city, p.country ? countryName(p.country, lang) : null].filter(Boolean).join(", ");
  // the current level's badge lapsed for want of CPD (the pill says so until the member catches up)
  const levelLapsed = p.badges.some((b) => b.kind === "level" && b.level === p.level && b.cpd_lapsed_on);
  return (
    <div className="page profile-page">
      <header className="member-head profile-head">
        <Avatar name={p.displayName} src={p.photo} size={96} />
        <div>
          <h1>{p.displayName}</h1>
          <p className="muted">
            @{p.username}
            {p.level ? (
              <span className="level-pill">
                {levelLapsed
                  ? t("cpd.lapsedPill", { name: t("topic.levelPill", { level: p.level }) })
                  : t("topic.levelPill", { level: p.level })}
              </span>
            ) : null}
          </p>
          {p.jobTitle || p.organisation ? (
            <p className="profile-role">
              {p.jobTitle && p.organisation
                ? t("profile.at", { title: p.jobTitle, organisation: p.organisation })
                : (p.jobTitle ?? p.organisation)}
            </p>
          ) : null}
          {place ? <p className="muted">{place}</p> : null}
          <p className="profile-flags">
            {p.openToOpportunities ? <span className="flag-pill">{t("profile.openToOpportunities")}</span> : null}
            {p.isMentor ? <span className="flag-pill">{t("profile.mentor")}</span> : null}
            {p.designations.map((d) => (
              <span key={d.code} className={d.cpd_lapsed_on ? "flag-pill designation lapsed" : "flag-pill designation"}>
                {d.cpd_lapsed_on ? t("cpd.lapsedPill", { name: d.code }) : d.code}
              </span>
            ))}
          </p>
        </div>
      </header>

      <FormError
        // an endorsement's refusal is shown in its own form
        message={actionData?.values?.competency ? undefined : actionData?.formError}
        values={
          actionData && "errorValues" in actionData
            ? (actionData.errorValues as Record<string, unknown> | undefined)
            : undefined
        }
      />

      {isSelf ? (
        <div className="notice" role="status">
          <p>{t(`profile.visibilityNote.${p.visibility}`)}</p>
          <p>
            <Link to="/my/profile">{t("profile.edit")}</Link>
          </p>
        </div>
      ) : null}

      {p.recruiter ? (
        <section className="recruiter-box" aria-labelledby="recruiter-box-title">
          <h2 id="recruiter-box-title">{t("recruiter.title")}</h2>
          <Form method="post" action="/recruiter/shortlist" className="inline-form">
            <input type="hidden" name="username" value={p.username} />
            <input type="hidden" name="intent" value={p.recruiter.shortlisted ? "remove" : "add"} />
            <input type="hidden" name="redirectTo" value={`/u/${p.username}`} />
            <button type="submit" className={p.recruiter.shortlisted ? "secondary" : undefined}>
              {p.recruiter.shortlisted ? t("recruiter.shortlistRemove") : t("recruiter.shortlistAdd")}
            </button>
          </Form>
          {!p.openToOpportunities && p.recruiter.contact?.status !== "accepted" ? (
            <p>{t("recruiter.errors.notOpen")}</p>
          ) : p.recruiter.contact?.status === "declined" ? (
            <p>{t("recruiter.contactDeclined")}</p>
          ) : !p.recruiter.contact ? (
            <p>
              <Link to={`/recruiter/contact/${p.username}`}>{t("recruiter.contactSend")}</Link>
            </p>
          ) : p.recruiter.contact.status === "pending" ? (
            <p>{t("recruiter.contactPending")}</p>
          ) : (
            <p>{t("recruiter.contactAccepted", { email: p.email })}</p>
          )}
          {p.recruiter.contact ? (
            <p>
              <Link to={`/recruiter/contact/${p.username}`}>{t("desk.thread", { name: p.displayName })}</Link>
            </p>
          ) : null}
        </section>
      ) : null}

      {isStaff && (p.email || p.phone) ? (
        <section aria-labelledby="contact-title" className="staff-box">
          <h2 id="contact-title">{t("profile.contactDetails")}</h2>
          <dl>
            {p.email ? (
              <>
                <dt>{t("profile.email")}</dt>
                <dd>{p.email}</dd>
              </>
            ) : null}
            {p.phone ? (
              <>
                <dt>{t("profile.phone")}</dt>
                <dd>{p.phone}</dd>
              </>
            ) : null}
          </dl>
        </section>
      ) : null}

      {p.badges.length ? (
        <section aria-labelledby="badges-title">
          <h2 id="badges-title">{t("profile.badges")}</h2>
          <ul className="badge-list">
            {p.badges.map((b) => (
              <li key={b.public_id}>
                <a href={`/badges/${b.public_id}`}>
                  {b.kind === "mentor"
                    ? t("profile.badgeMentor")
                    : b.kind === "award"
                      ? t("badges.award.name", { year: b.award_year })
                      : t("profile.badgeLevel", { level: b.level, name: localized(b, "level_name", i18n.language) })}
                </a>{" "}
                <span className="muted">{t("profile.badgeAwarded", { date: dateFmt(b.awarded_at) })}</span>
                {b.cpd_lapsed_on ? (
                  <strong className="cpd-lapsed"> {t("cpd.status.lapsed", { date: dateFmt(b.cpd_lapsed_on) })}</strong>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {p.bioHtml ? (
        <section aria-labelledby="about-title">
          <h2 id="about-title">{t("profile.about")}</h2>
          {/* rendered once on save by the one markdown pipeline (sanitised, allowlisted) */}
          <div className="post-body" dangerouslySetInnerHTML={{ __html: p.bioHtml }} />
        </section>
      ) : null}

      {p.achievements.length ? (
        <section aria-labelledby="achievements-title">
          <h2 id="achievements-title">{t("profile.achievements")}</h2>
          <ul>
            {p.achievements.map((a, i) => (
              <li key={i}>{a}</li>
            ))}
          </ul>
        </section>
      ) : null}

      {p.yearsCustomerFacing != null ||
      p.yearsManaging != null ||
      p.languages.length ||
      p.linkedinUrl ||
      p.websiteUrl ? (
        <section aria-labelledby="experience-title">
          <h2 id="experience-title">{t("profile.experience")}</h2>
          <ul>
            {p.yearsCustomerFacing != null ? (
              <li>{t("profile.yearsCustomerFacing", { count: p.yearsCustomerFacing })}</li>
            ) : null}
            {p.yearsManaging != null ? <li>{t("profile.yearsManaging", { count: p.yearsManaging })}</li> : null}
            {p.languages.length ? (
              <li>
                {t("profile.languages")}: {p.languages.map((l) => languageName(l, lang)).join(", ")}
              </li>
            ) : null}
            {p.linkedinUrl ? (
              <li>
                <a href={p.linkedinUrl} rel="nofollow ugc noopener">
                  {t("profile.linkedin")}
                </a>
              </li>
            ) : null}
            {p.websiteUrl ? (
              <li>
                <a href={p.websiteUrl} rel="nofollow ugc noopener">
                  {t("profile.website")}
                </a>
              </li>
            ) : null}
          </ul>
        </section>
      ) : null}

      <CompetencyClaims
        claims={p.competencies}
        displayName={p.displayName}
        endorseAs={p.endorseAs}
        isSelf={isSelf}
        failed={
          actionData && "values" in actionData && actionData.values?.competency
            ? {
                competency: String(actionData.values.competency),
                statement: String(actionData.values.statement ?? ""),
                message: actionData.formError,
                values: "errorValues" in actionData ? (actionData.errorValues as Record<string, unknown>) : undefined,
              }
            : undefined
        }
      />

      {isStaff ? (
        <section aria-labelledby="designation-title" className="staff-box">
          <h2 id="designation-title">{t("profile.designationForm.title")}</h2>
          {p.designations.map((d) => (
            <Form method="post" key={d.code} className="inline-form">
              <input type="hidden" name="intent" value="removeDesignation" />
              <input type="hidden" name="code" value={d.code} />
              <button type="submit" className="secondary small">
                {t("profile.designationForm.remove", { code: d.code })}
              </button>
            </Form>
          ))}
          <Form method="post" className="inline-form">
            <input type="hidden" name="intent" value="designation" />
            <label htmlFor="designation-code">{t("profile.designationForm.code")}</label>
            <input id="designation-code" name="code" required maxLength={20} defaultValue="CCXMP" />
            <label htmlFor="designation-date">{t("profile.designationForm.awardedOn")}</label>
            <input id="designation-date" name="awardedOn" type="date" required />
            <button type="submit">{t("profile.designationForm.submit")}</button>
          </Form>
        </section>
      ) : null}

      <h2>{t("profile.forumTitle")}</h2>
      <dl className="member-stats">
        <div>
          <dt>{t("member.topics")}</dt>
          <dd>{p.stats.topics}</dd>
        </div>
        <div>
          <dt>{t("member.replies")}</dt>
          <dd>{p.stats.replies}</dd>
        </div>
        <div>
          <dt>{t("member.likesReceived")}</dt>
          <dd>{p.stats.likes_received}</dd>
        </div>
        <div>
          <dt>{t("member.since")}</dt>
          <dd>
            <RelativeTime date={p.createdAt} />
          </dd>
        </div>
      </dl>
      {isSelf || isStaff ? (
        <p className="actions">
          <Link to={isSelf ? "/progress" : `/u/${p.username}/progress`}>{t("member.progress")}</Link>
          {isSelf ? <Link to="/my/notifications/settings">{t("notifications.settings")}</Link> : null}
          {isSelf ? <Link to="/my/contacts">{t("recruiter.myContactsTitle")}</Link> : null}
          {isStaff && !isSelf ? <Link to={`/u/${p.username}/moderate`}>{t("member.moderate")}</Link> : null}
        </p>
      ) : null}
      {messaging ? (
        <div className="actions member-messaging">
          {messaging.offer ? (
            <Link to={`/messages/new?to=${encodeURIComponent(p.username)}`}>{t("messages.send")}</Link>
          ) : null}
          <Form method="post" action={`/u/${encodeURIComponent(p.username)}/ignore`}>
            <button
              type="submit"
              name="intent"
              value={messaging.ignored ? "unignore" : "ignore"}
              className="secondary small"
            >
              {t(messaging.ignored ? "messages.unignore" : "messages.ignore")}
            </button>
          </Form>
          {messaging.ignored ? <p className="muted">{t("messages.ignoringNote")}</p> : null}
        </div>
      ) : null}
      <h2>{t("member.recentTopics")}</h2>
      {p.recentTopics.length ? (
        <ul>
          {p.recentTopics.map((topic) => (
            <li key={topic.id}>
              <Link to={`/t/${topic.slug}/${topic.id}`}>{topic.title}</Link> <RelativeTime date={topic.created_at} />
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("member.noTopics")}</p>
      )}
    </div>
  );
}
