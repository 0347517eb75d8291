// Staff: learners' appeals against assessment decisions and results, oldest first; each is
// upheld or dismissed with a reason, recorded and notified to the learner.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Field, FormError } from "~/components/field";
import { Select, TextArea } from "~/components/form-extras";
import { RelativeTime } from "~/components/relative-time";
import { positiveId, readForm } from "~/web/http.server";
import { parseForm } from "~/models/shared/forms.server";
import { decideAppeal, listAppealsForStaff } from "~/models/journey/appeal.server";
import { AppealDecisionSchema } from "~/models/groups/learning-group.schema";
import { requireStaff } from "~/web/staff.server";
import progressStyles from "~/styles/progress.css";
import { pageTitle } from "~/web/page-title";
import { useTranslation } from "~/use-translation";

export const links = () => [{ rel: "stylesheet", href: progressStyles }];
export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "appeals.staff.title") }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  return { appeals: await listAppealsForStaff() };
}

type ActionData = {
  appealId: number;
  formError: string;
  fields?: Partial<Record<string, string>>;
  values: Record<string, string>;
};

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireStaff(request);
  const parsed = parseForm(AppealDecisionSchema, await readForm(request));
  const { values } = parsed;
  const appealId = positiveId(values.appealId) ?? 0;
  if (!parsed.ok)
    return data<ActionData>({ appealId, formError: parsed.formError, fields: parsed.fields, values }, { status: 400 });
  const r = await decideAppeal({ adminId: admin.id, ...parsed.data });
  if (!r.ok) return data<ActionData>({ appealId, formError: r.message, values }, { status: r.status });
  return redirect(`/admin/appeals?decided=${appealId}`);
}

export default function Appeals() {
  const { t } = useTranslation();
  const { appeals } = useLoaderData<typeof loader>();
  const res = useActionData<typeof action>() as ActionData | undefined;
  const [params] = useSearchParams();
  return (
    <div>
      <p>
        <Link to="/admin">{t("admin.backToDashboard")}</Link>
      </p>
      <h1>{t("appeals.staff.title")}</h1>
      {params.get("decided") ? (
        <p className="notice" role="status">
          {t("appeals.staff.decided")}
        </p>
      ) : null}
      {appeals.length ? null : <p>{t("appeals.staff.none")}</p>}
      {appeals.map((a) => {
        const mine = res?.appealId === a.id ? res : undefined;
        return (
          <section key={a.id} className="card" aria-labelledby={`appeal-${a.id}`}>
            <h2 id={`appeal-${a.id}`}>
              {t("appeals.staff.heading", {
                name: a.display_name,
                title: a.subject?.title ?? t("appeals.unknownSubject"),
              })}
            </h2>
            <p>
              {a.subject ? `${a.subject.detail} · ${a.subject.on} · ` : ""}
              <Link to={`/u/${a.username}/progress`}>{t("appeals.staff.progress")}</Link> ·{" "}
              <RelativeTime date={a.created_at} />
            </p>
            <blockquote>{a.reason}</blockquote>
            {a.status === "pending" ? (
              <Form method="post" className="stack">
                <FormError message={mine?.formError} values={{ count: Object.keys(mine?.fields ?? {}).length || 1 }} />
                <input type="hidden" name="appealId" value={a.id} />
                <Select
                  label={t("appeals.staff.decision")}
                  name="decision"
                  defaultValue={mine?.values.decision}
                  error={mine?.fields?.decision}
                  options={[
                    { value: "dismissed", label: t("appeals.status.dismissed") },
                    { value: "upheld", label: t("appeals.status.upheld") },
                  ]}
                />
                {a.subject_type === "result" ? (
                  <>
                    <Select
                      label={t("appeals.staff.remedy")}
                      name="remedy"
                      defaultValue={mine?.values.remedy ?? ""}
                      error={mine?.fields?.remedy}
                      options={[
                        { value: "", label: t("appeals.staff.noRemedy") },
                        ...(["retake", "regrade", "annul"] as const).map((r) => ({
                          value: r,
                          label: t(`appeals.remedies.${r}`),
                        })),
                      ]}
                    />
                    <Field
                      label={t("appeals.staff.score")}
                      name="score"
                      type="number"
                      step="0.01"
                      min={0}
                      max={100}
                      defaultValue={mine?.values.score}
                      error={mine?.fields?.score}
                    />
                  </>
                ) : null}
                <TextArea
                  label={t("appeals.staff.reason")}
                  name="reason"
                  rows={3}
                  maxLength={2000}
                  required
                  defaultValue={mine?.values.reason}
                  error={mine?.fields?.reason}
                />
                <div>
                  <button type="submit">{t("appeals.staff.decide")}</button>
                </div>
              </Form>
            ) : (
              <p>
                <span className={`status ${a.status === "upheld" ? "met" : "overdue"}`}>
                  {t(`appeals.status.${a.status}`)}
                </span>{" "}
                {t("appeals.staff.by", { name: a.decided_by_name ?? "" })}: {a.decision_reason}
                {a.remedy ? ` · ${t("appeals.staff.remedyTaken", { remedy: t(`appeals.remedies.${a.remedy}`) })}` : ""}
              </p>
            )}
          </section>
        );
      })}
    </div>
  );
}
