// Staff: every badge awarded (search, filter by status), revoking one with a reason, granting the
// Mentor badge. Plain GET and POST forms: works without JavaScript.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useId } from "react";
import { useTranslation } from "~/use-translation";
import { z } from "zod";
import { Field, FormError } from "~/components/field";
import { Select } from "~/components/form-extras";
import { keepValues, readForm } from "~/web/http.server";
import { db } from "~/db.server";
import { formatAwardDate } from "~/models/badges/badge-artwork.server";
import { achievementText, credentialT } from "~/models/badges/badge-credential.server";
import { getBadgeAward, grantMentorBadge, listBadgeAwards, revokeBadge } from "~/models/badges/badge.server";
import { REVOKE_REASON_MAX } from "~/models/badges/badge.schema";
import { requireStaff } from "~/web/staff.server";
import badgeStyles from "~/styles/badges.css";
import { rowId } from "~/models/shared/id.schema";

export const links = () => [{ rel: "stylesheet", href: badgeStyles }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? "Badges"} · Touchpoints` }];

const QuerySchema = z.object({
  q: z.string().max(200).catch(""),
  status: z.enum(["all", "valid", "revoked"]).catch("all"),
  before: rowId().optional().catch(undefined),
  revoke: z.string().max(64).optional().catch(undefined),
  done: z.enum(["revoked", "granted"]).optional().catch(undefined),
});

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  const query = QuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const t = credentialT();
  const [list, target] = await Promise.all([
    listBadgeAwards(db, { q: query.q, status: query.status, before: query.before }),
    query.revoke ? getBadgeAward(db, { publicId: query.revoke }) : undefined,
  ]);
  const badgeName = (a: {
    kind: "level" | "mentor" | "award";
    level: number | null;
    level_short_name: string | null;
    award_year: number | null;
  }) =>
    a.kind === "mentor"
      ? t("badges.mentor.name")
      : a.kind === "award"
        ? t("badges.award.name", { year: a.award_year })
        : t("badges.pill.text", { level: a.level, name: a.level_short_name ?? "" });
  return {
    title: t("badges.admin.title"),
    query,
    awards: list.awards.map((a) => ({
      id: a.public_id,
      holder: a.display_name,
      username: a.username,
      badge: badgeName(a),
      awardedOn: formatAwardDate(a.awarded_at),
      revokedOn: a.revoked_at ? formatAwardDate(a.revoked_at) : null,
      revokedBy: a.revoked_by_name,
      reason: a.revoke_reason,
    })),
    nextBefore: list.nextBefore,
    target:
      target && !target.revoked_at
        ? { id: target.public_id, holder: target.display_name, name: achievementText(target, t).name }
        : null,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const staff = await requireStaff(request);
  const form = await readForm(request);
  if (form.intent === "revoke") {
    const result = await revokeBadge({ staffId: staff.id, publicId: form.awardId ?? "", reason: form.reason ?? "" });
    if (!result.ok)
      return data(
        { intent: "revoke", message: result.message, fields: result.fields ?? {}, values: keepValues(form) },
        { status: result.status },
      );
    return redirect("/admin/badges?done=revoked");
  }
  if (form.intent === "mentor") {
    const result = await grantMentorBadge({ staffId: staff.id, username: form.username ?? "" });
    if (!result.ok)
      return data(
        { intent: "mentor", message: result.message, fields: result.fields ?? {}, values: keepValues(form) },
        { status: result.status },
      );
    return redirect("/admin/badges?done=granted");
  }
  return data({ intent: "", message: "badges.admin.errors.notFound", fields: {}, values: {} }, { status: 400 });
}

export default function AdminBadges() {
  const { t } = useTranslation();
  const d = useLoaderData<typeof loader>();
  const res = useActionData<typeof action>();
  const uid = useId();
  const revokeRes = res?.intent === "revoke" ? res : undefined;
  const mentorRes = res?.intent === "mentor" ? res : undefined;
  const revokeFields = (revokeRes?.fields ?? {}) as Record<string, string | undefined>;
  const mentorFields = (mentorRes?.fields ?? {}) as Record<string, string | undefined>;
  const moreParams = new URLSearchParams({
    ...(d.query.q ? { q: d.query.q } : {}),
    ...(d.query.status !== "all" ? { status: d.query.status } : {}),
    before: String(d.nextBefore ?? ""),
  });
  return (
    <div>
      <p>
        <Link to="/admin">{t("admin.backToDashboard")}</Link>
      </p>
      <h1>{t("badges.admin.title")}</h1>
      <p>{t("badges.admin.intro")}</p>
      {d.query.done ? (
        <p className="notice" role="status">
          {t(d.query.done === "revoked" ? "badges.admin.revokedDone" : "badges.admin.grantedDone")}
        </p>
      ) : null}

      {d.target ? (
        <section className="badge-revoke" aria-labelledby={`${uid}-revoke`}>
          <h2 id={`${uid}-revoke`}>
            {t("badges.admin.revokeTitle", { name: d.target.name, holder: d.target.holder })}
          </h2>
          <FormError message={revokeRes && !revokeFields.reason ? revokeRes.message : null} />
          <Form method="post" className="stack" noValidate>
            <input type="hidden" name="intent" value="revoke" />
            <input type="hidden" name="awardId" value={d.target.id} />
            <div className="field">
              <label htmlFor={`${uid}-reason`}>{t("badges.admin.reason")}</label>
              <p className="hint" id={`${uid}-reason-hint`}>
                {t("badges.admin.reasonHint")}
              </p>
              <textarea
                id={`${uid}-reason`}
                name="reason"
                rows={3}
                maxLength={REVOKE_REASON_MAX}
                required
                defaultValue={(revokeRes?.values as Record<string, string> | undefined)?.reason ?? ""}
                aria-invalid={revokeFields.reason ? true : undefined}
                aria-describedby={[revokeFields.reason ? `${uid}-reason-error` : "", `${uid}-reason-hint`]
                  .filter(Boolean)
                  .join(" ")}
              />
              {revokeFields.reason ? (
                <p className="field-error" id={`${uid}-reason-error`}>
                  {t(revokeFields.reason)}
                </p>
              ) : null}
            </div>
            <p className="row-actions">
              <button type="submit" className="danger">
                {t("badges.admin.submitRevoke")}
              </button>
              <Link to="/admin/badges">{t("badges.admin.cancel")}</Link>
            </p>
          </Form>
        </section>
      ) : revokeRes ? (
        <FormError message={revokeRes.message} />
      ) : null}

      <section aria-labelledby={`${uid}-search`}>
        <h2 id={`${uid}-search`} className="visually-hidden">
          {t("badges.admin.search")}
        </h2>
        <Form method="get" className="badge-admin-search" role="search" aria-label={t("badges.admin.search")}>
          <Field label={t("badges.admin.query")} name="q" type="search" defaultValue={d.query.q} />
          <Select
            id={`${uid}-status`}
            label={t("badges.admin.status")}
            name="status"
            defaultValue={d.query.status}
            options={[
              { value: "all", label: t("badges.admin.statusAll") },
              { value: "valid", label: t("badges.admin.statusValid") },
              { value: "revoked", label: t("badges.admin.statusRevoked") },
            ]}
          />
          <div>
            <button type="submit">{t("badges.admin.submitSearch")}</button>
          </div>
        </Form>
      </section>

      {d.awards.length ? (
        <div className="table-scroll">
          <table className="admin-table">
            <thead>
              <tr>
                <th scope="col">{t("badges.admin.member")}</th>
                <th scope="col">{t("badges.admin.badge")}</th>
                <th scope="col">{t("badges.admin.awarded")}</th>
                <th scope="col">{t("badges.admin.state")}</th>
                <th scope="col">{t("badges.admin.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {d.awards.map((a) => (
                <tr key={a.id}>
                  <td>
                    {a.holder} <span className="muted">@{a.username}</span>
                  </td>
                  <td>{a.badge}</td>
                  <td>{a.awardedOn}</td>
                  <td>
                    {a.revokedOn ? (
                      <>
                        {t("badges.admin.revokedOn", { date: a.revokedOn })}{" "}
                        {a.revokedBy ? t("badges.admin.revokedBy", { name: a.revokedBy }) : null}
                        {a.reason ? <div className="small-text">{a.reason}</div> : null}
                      </>
                    ) : (
                      t("badges.admin.valid")
                    )}
                  </td>
                  <td>
                    <span className="row-actions">
                      <a href={`/badges/${a.id}`}>
                        {t("badges.admin.view")}
                        <span className="visually-hidden">
                          {" "}
                          ({a.holder}, {a.badge})
                        </span>
                      </a>
                      {a.revokedOn ? null : (
                        <Link to={`/admin/badges?revoke=${encodeURIComponent(a.id)}`}>
                          {t("badges.admin.revoke")}
                          <span className="visually-hidden">
                            {" "}
                            ({a.holder}, {a.badge})
                          </span>
                        </Link>
                      )}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t("badges.admin.none")}</p>
      )}
      {d.nextBefore ? (
        <p>
          <Link to={`/admin/badges?${moreParams.toString()}`}>{t("badges.admin.older")}</Link>
        </p>
      ) : null}

      <section aria-labelledby={`${uid}-mentor`}>
        <h2 id={`${uid}-mentor`}>{t("badges.admin.mentorTitle")}</h2>
        <p>{t("badges.admin.mentorHint")}</p>
        <Form method="post" className="inline-form" noValidate>
          <input type="hidden" name="intent" value="mentor" />
          <Field
            label={t("badges.admin.username")}
            name="username"
            type="text"
            autoComplete="off"
            defaultValue={(mentorRes?.values as Record<string, string> | undefined)?.username ?? ""}
            error={mentorFields.username}
          />
          <div>
            <button type="submit">{t("badges.admin.submitMentor")}</button>
          </div>
        </Form>
      </section>
    </div>
  );
}
