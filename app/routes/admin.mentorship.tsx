// Staff view of the mentor programme: open requests (with a direct match), mentors' load (pause,
// remove, reactivate), mentorships without a session for 30 days, feedback.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { pageTitle } from "~/web/page-title";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Field, FormError } from "~/components/field";
import { TableWrap } from "~/components/form-extras";
import { useDay } from "~/components/use-day";
import { keepValues, readForm } from "~/web/http.server";
import { setMentorStatus } from "~/models/mentorship/mentor.server";
import { getProgrammeOverview } from "~/models/mentorship/mentorship-admin.server";
import { staffMatch } from "~/models/mentorship/mentorship-requests.server";
import { MentorStatusSchema, StaffMatchSchema } from "~/models/mentorship/mentorship.schema";
import { parseForm } from "~/models/shared/forms.server";
import { scopeOf } from "~/models/permissions.server";
import { requireStaff } from "~/web/staff.server";
import { useTranslation } from "~/use-translation";

export const handle = { hydrate: false };
export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "mentorship.admin.title") }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  return getProgrammeOverview();
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireStaff(request);
  const scope = scopeOf(viewer);
  const form = await readForm(request);
  if (form.intent === "match") {
    const p = parseForm(StaffMatchSchema, form);
    if (!p.ok)
      return data({ intent: "match", values: p.values, fields: p.fields, formError: null as string | null }, 400);
    const r = await staffMatch({ scope, requestId: p.data.requestId, mentorUsername: p.data.mentor });
    if (!r.ok)
      return data({ intent: "match", values: p.values, fields: r.fields ?? {}, formError: r.message }, r.status);
    return redirect("/admin/mentorship?matched=1");
  }
  const p = MentorStatusSchema.safeParse(form);
  if (!p.success)
    return data({ intent: "status", values: keepValues(form), fields: {}, formError: "errors.forbidden" }, 400);
  const r = await setMentorStatus({ scope, ...p.data });
  if (!r.ok) return data({ intent: "status", values: keepValues(form), fields: {}, formError: r.message }, r.status);
  return redirect("/admin/mentorship?status=1");
}

export default function AdminMentorship() {
  const { t } = useTranslation();
  const day = useDay();
  const d = useLoaderData<typeof loader>();
  const res = useActionData<typeof action>();
  const [params] = useSearchParams();
  const mv = (res?.intent === "match" ? res.values : {}) as Record<string, string>;
  const mf = (res?.intent === "match" ? res.fields : {}) as Record<string, string | undefined>;
  return (
    <div>
      <p>
        <Link to="/admin">{t("admin.backToDashboard")}</Link>
      </p>
      <h1>{t("mentorship.admin.title")}</h1>
      {params.get("matched") ? (
        <p className="notice" role="status">
          {t("mentorship.admin.matched")}
        </p>
      ) : null}
      {params.get("status") ? (
        <p className="notice" role="status">
          {t("mentorship.admin.statusChanged")}
        </p>
      ) : null}
      {res?.intent === "status" && res.formError ? <FormError message={res.formError} /> : null}

      <section aria-labelledby="requests-heading">
        <h2 id="requests-heading">{t("mentorship.admin.requests")}</h2>
        {d.requests.length ? (
          <ul>
            {d.requests.map((r) => (
              <li key={r.id}>
                {t("mentorship.admin.requestLine", {
                  id: r.id,
                  name: r.display_name,
                  level: r.level ?? "?",
                  days: r.days,
                })}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("mentorship.admin.noRequests")}</p>
        )}
        <Form method="post" className="stack" noValidate>
          <h3>{t("mentorship.admin.match")}</h3>
          {res?.intent === "match" && res.formError ? <FormError message={res.formError} /> : null}
          <input type="hidden" name="intent" value="match" />
          <Field
            label={t("mentorship.admin.requestId")}
            name="requestId"
            inputMode="numeric"
            defaultValue={mv.requestId}
            error={mf.requestId}
            required
          />
          <Field
            label={t("mentorship.admin.mentorUsername")}
            name="mentor"
            defaultValue={mv.mentor}
            error={mf.mentor}
            maxLength={40}
            required
          />
          <div>
            <button type="submit">{t("mentorship.admin.matchSubmit")}</button>
          </div>
        </Form>
      </section>

      <section aria-labelledby="mentors-heading">
        <h2 id="mentors-heading">{t("mentorship.admin.mentors")}</h2>
        {d.mentors.length ? (
          <TableWrap label={t("mentorship.admin.mentors")}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("mentorship.admin.columns.mentor")}</th>
                  <th scope="col">{t("mentorship.admin.columns.status")}</th>
                  <th scope="col">{t("mentorship.admin.columns.load")}</th>
                  <th scope="col">{t("mentorship.admin.columns.completed")}</th>
                  <th scope="col">{t("mentorship.admin.columns.actions")}</th>
                </tr>
              </thead>
              <tbody>
                {d.mentors.map((m) => (
                  <tr key={m.user_id}>
                    <td>
                      <Link to={`/u/${m.username}`}>{m.display_name}</Link>
                    </td>
                    <td>{t(`mentorship.admin.mentorStatus.${m.status}`)}</td>
                    <td>{t("mentorship.admin.load", { load: m.load, capacity: m.capacity })}</td>
                    <td>{m.completed}</td>
                    <td>
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="userId" value={m.user_id} />
                        <Field label={t("mentorship.admin.reason")} name="reason" maxLength={500} />
                        {m.status !== "active" ? (
                          <button type="submit" name="status" value="active">
                            {t("mentorship.admin.reactivate")}
                          </button>
                        ) : (
                          <button type="submit" name="status" value="paused">
                            {t("mentorship.admin.pause")}
                          </button>
                        )}{" "}
                        {m.status !== "removed" ? (
                          <button type="submit" name="status" value="removed" className="secondary">
                            {t("mentorship.admin.remove")}
                          </button>
                        ) : null}
                      </Form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        ) : (
          <p>{t("mentorship.admin.noMentors")}</p>
        )}
      </section>

      <section aria-labelledby="stale-heading">
        <h2 id="stale-heading">{t("mentorship.admin.stale")}</h2>
        {d.stale.length ? (
          <ul>
            {d.stale.map((s) => (
              <li key={s.id}>
                <Link to={`/mentorship/${s.id}`}>
                  {t("mentorship.admin.staleLine", {
                    mentor: s.mentor,
                    mentees: s.mentees ?? "",
                    last: s.last ? day(s.last) : t("mentorship.admin.never"),
                  })}
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("mentorship.admin.noStale")}</p>
        )}
      </section>

      <section aria-labelledby="feedback-heading">
        <h2 id="feedback-heading">{t("mentorship.admin.feedback")}</h2>
        {d.averages.length ? (
          <>
            <ul>
              {d.averages.map((a) => (
                <li key={a.role}>
                  {t("mentorship.admin.feedbackLine", {
                    role: t(`mentorship.page.role.${a.role}`),
                    avg: a.avg,
                    count: a.count,
                  })}
                </li>
              ))}
            </ul>
            <h3>{t("mentorship.admin.recentFeedback")}</h3>
            <ul>
              {d.recent.map((f) => (
                <li key={`${f.cycle_id}-${f.display_name}-${f.role}`}>
                  <Link to={`/mentorship/${f.cycle_id}`}>
                    {t("mentorship.page.feedbackLine", {
                      name: f.display_name,
                      role: t(`mentorship.page.role.${f.role}`),
                      rating: f.rating,
                    })}
                  </Link>
                  {f.comment ? ` · ${f.comment}` : ""}
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p>{t("mentorship.admin.noFeedback")}</p>
        )}
      </section>
    </div>
  );
}
