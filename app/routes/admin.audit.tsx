// Staff: the audit log, newest first: who did what, when, and what changed (before -> after as
// readable lines), filtered by member, staff, kind and dates, a page at a time (keyset: `before`).
import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useMoment } from "~/components/event-when";
import { Field, FormError } from "~/components/field";
import { TableWrap } from "~/components/form-extras";
import { AnySelect, FilterForm } from "~/components/filter-form";
import { filterQuery, KeysetPager } from "~/components/keyset-pager";
import { AuditFilterSchema } from "~/models/moderation/audit.schema";
import {
  findUserIdByUsername,
  listAuditEntries,
  listAuditKinds,
  listStaffAccounts,
  type AuditFilter,
} from "~/models/moderation/audit.server";
import { auditChanges, auditValueText } from "~/models/moderation/audit-text";
import { localInputToDate } from "~/models/shared/local-time";
import { parseForm } from "~/models/shared/forms.server";
import { pageTitle } from "~/web/page-title";
import { requireStaff } from "~/web/staff.server";
import { useTranslation } from "~/use-translation";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "staffViews.audit.title") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireStaff(request);
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const values = Object.fromEntries(
    ["staff", "member", "kind", "from", "to"].map((k) => [k, (params[k] ?? "").slice(0, 200)]),
  );
  const [kinds, staff] = await Promise.all([listAuditKinds(), listStaffAccounts()]);
  const base = { values, kinds, staff, timeZone: viewer.timeZone };
  const empty = { ...base, rows: [], nextHref: null, firstHref: null };
  const parsed = parseForm(AuditFilterSchema, params);
  if (!parsed.ok) return data({ ...empty, fields: parsed.fields as Record<string, string> }, { status: 400 });
  const f = parsed.data;
  const filter: AuditFilter = { staffId: f.staff, kind: f.kind };
  if (f.member) {
    filter.memberId = await findUserIdByUsername(f.member);
    if (!filter.memberId)
      return data(
        { ...empty, fields: { member: "staffViews.audit.errors.noMember" } as Record<string, string> },
        { status: 404 },
      );
  }
  // dates are whole days in the staff member's time zone; "to" includes its day
  if (f.from) filter.from = localInputToDate(`${f.from}T00:00`, viewer.timeZone);
  if (f.to) filter.to = new Date(localInputToDate(`${f.to}T00:00`, viewer.timeZone)!.getTime() + 86_400_000);
  const page = await listAuditEntries({ ...filter, before: f.before });
  const query = filterQuery(values);
  const firstHref = f.before ? `?${query}` : null;
  if (page.next) query.set("before", String(page.next));
  return {
    ...base,
    rows: page.rows,
    nextHref: page.next ? `?${query}` : null,
    firstHref,
    fields: {} as Record<string, string>,
  };
}

function Value({ v, moment }: { v: unknown; moment: (d: Date) => string }) {
  const { t } = useTranslation();
  if (typeof v === "boolean") return <>{t(v ? "staffViews.audit.yes" : "staffViews.audit.no")}</>;
  const text = auditValueText(v, moment);
  return text === null ? <i>{t("staffViews.audit.none")}</i> : <q>{text}</q>;
}

export default function AuditLog() {
  const { t } = useTranslation();
  const moment = useMoment();
  const d = useLoaderData<typeof loader>();
  const at = (x: Date | string) => moment(x, d.timeZone);
  const errorCount = Object.keys(d.fields).length;
  return (
    <div>
      <p>
        <Link to="/admin">{t("admin.backToDashboard")}</Link>
      </p>
      <h1>{t("staffViews.audit.title")}</h1>
      <p>{t("staffViews.audit.intro")}</p>
      {errorCount ? <FormError message="form.fixErrors" values={{ count: errorCount }} /> : null}
      <FilterForm noValidate>
        <Field
          label={t("staffViews.audit.member")}
          name="member"
          type="text"
          defaultValue={d.values.member}
          error={d.fields.member}
          hint={t("staffViews.audit.memberHint")}
        />
        <AnySelect
          label={t("staffViews.audit.staff")}
          name="staff"
          value={d.values.staff}
          error={d.fields.staff}
          options={d.staff.map((s) => ({ value: String(s.id), label: `${s.display_name} (@${s.username})` }))}
        />
        <AnySelect
          label={t("staffViews.audit.kind")}
          name="kind"
          value={d.values.kind}
          error={d.fields.kind}
          options={d.kinds.map((k) => ({ value: k, label: t(`staffViews.audit.kinds.${k}`, { defaultValue: k }) }))}
        />
        <Field
          label={t("staffViews.audit.from")}
          name="from"
          type="date"
          defaultValue={d.values.from}
          error={d.fields.from}
        />
        <Field label={t("staffViews.audit.to")} name="to" type="date" defaultValue={d.values.to} error={d.fields.to} />
      </FilterForm>
      {d.rows.length ? (
        <TableWrap label={t("staffViews.audit.title")}>
          <table className="data audit">
            <thead>
              <tr>
                <th scope="col">{t("staffViews.audit.when")}</th>
                <th scope="col">{t("staffViews.audit.who")}</th>
                <th scope="col">{t("staffViews.audit.what")}</th>
                <th scope="col">{t("staffViews.audit.changes")}</th>
              </tr>
            </thead>
            <tbody>
              {d.rows.map((r) => (
                <tr key={r.id} id={`audit-${r.id}`}>
                  <td>{at(r.at)}</td>
                  <td>{r.actor_username ? `${r.actor_name} (@${r.actor_username})` : t("staffViews.audit.system")}</td>
                  <td>
                    <code>{r.action}</code>
                    <br />
                    {r.subject_username
                      ? t("staffViews.audit.onMember", { name: r.subject_name, username: r.subject_username })
                      : t("staffViews.audit.onTarget", {
                          type: t(`staffViews.audit.targets.${r.target_type}`, { defaultValue: r.target_type }),
                          id: r.target_id ?? "",
                        })}
                  </td>
                  <td>
                    {r.withheld ? <p>{t("staffViews.audit.withheld")}</p> : null}
                    <ul className="plain">
                      {auditChanges(r.before, r.after).map((c) => (
                        <li key={c.field}>
                          {c.field}:{" "}
                          {"before" in c && "after" in c ? (
                            <>
                              <Value v={c.before} moment={at} /> → <Value v={c.after} moment={at} />
                            </>
                          ) : "after" in c ? (
                            <Value v={c.after} moment={at} />
                          ) : (
                            <>
                              <Value v={c.before} moment={at} /> → <i>{t("staffViews.audit.removed")}</i>
                            </>
                          )}
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : (
        <p>{t("staffViews.audit.empty")}</p>
      )}
      <KeysetPager firstHref={d.firstHref} nextHref={d.nextHref} nextLabel={t("staffViews.audit.older")} />
    </div>
  );
}
