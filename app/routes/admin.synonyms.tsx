// Staff keep the directory's synonyms ("call centre" finds "contact centre") and try a search with them.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { FormError } from "~/components/field";
import { TextArea } from "~/components/form-extras";
import { readForm } from "~/web/http.server";
import { QUERY_MAX } from "~/models/directory/directory.schema";
import {
  SYNONYMS_TEXT_MAX,
  SynonymTextSchema,
  synonymIssues,
  synonymText,
} from "~/models/directory/directory-synonyms.schema";
import { getSynonymList, previewSynonyms, saveSynonyms } from "~/models/directory/directory-synonyms.server";
import { scopeOf } from "~/models/permissions.server";
import { requireStaff } from "~/web/staff.server";
import { useTranslation } from "~/use-translation";
import { pageTitle } from "~/web/page-title";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "adminSynonyms.title") },
  { name: "robots", content: "noindex" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireStaff(request);
  const tried = (new URL(request.url).searchParams.get("try") ?? "").trim();
  const [list, preview] = await Promise.all([
    getSynonymList(),
    tried ? previewSynonyms({ scope: scopeOf(viewer), q: tried }) : null,
  ]);
  return { text: synonymText(list.groups), saved: list.saved, preview };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireStaff(request);
  const form = await readForm(request);
  if (typeof form.synonyms !== "string") return data({ issues: [], text: "" }, { status: 400 });
  const parsed = SynonymTextSchema.safeParse(form.synonyms);
  if (!parsed.success) return data({ issues: synonymIssues(parsed.error), text: form.synonyms }, { status: 422 });
  const { applied } = await saveSynonyms({ actorId: viewer.id, groups: parsed.data });
  return redirect(`/admin/synonyms?saved=${applied ? "applied" : "queued"}`);
}

export default function AdminSynonyms() {
  const { t } = useTranslation();
  const d = useLoaderData<typeof loader>();
  const res = useActionData<typeof action>();
  const [params] = useSearchParams();
  const saved = params.get("saved");
  const issues = res?.issues ?? [];
  const p = d.preview;
  return (
    <div className="page narrow">
      <p>
        <Link to="/admin">{t("admin.backToDashboard")}</Link>
      </p>
      <h1>{t("adminSynonyms.title")}</h1>
      <p>{t("adminSynonyms.intro")}</p>
      {saved && !res ? (
        <p className="notice" role="status">
          {t(saved === "applied" ? "adminSynonyms.saved" : "adminSynonyms.queued")}
        </p>
      ) : null}
      {!d.saved && !res ? <p className="muted">{t("adminSynonyms.defaults")}</p> : null}
      <FormError message={issues.length ? "form.fixErrors" : null} values={{ count: issues.length }} />
      {issues.length ? (
        <ul className="field-errors">
          {issues.map((i, n) => (
            <li key={n} className="field-error">
              {t("adminSynonyms.errorLine", { line: i.line, message: t(i.message, { line: i.line, term: i.term }) })}
            </li>
          ))}
        </ul>
      ) : null}
      <Form method="post" className="stack">
        <TextArea
          label={t("adminSynonyms.field")}
          name="synonyms"
          rows={18}
          maxLength={SYNONYMS_TEXT_MAX}
          spellCheck={false}
          defaultValue={res ? res.text : d.text}
          error={issues.length ? "adminSynonyms.fixLines" : undefined}
        />
        <div>
          <button type="submit">{t("adminSynonyms.save")}</button>
        </div>
      </Form>
      <h2>{t("adminSynonyms.tryTitle")}</h2>
      <Form method="get" className="stack">
        <div className="field">
          <label htmlFor="synonyms-try">{t("adminSynonyms.tryField")}</label>
          <div className="search-row">
            <input id="synonyms-try" type="search" name="try" maxLength={QUERY_MAX} defaultValue={p?.q ?? ""} />
            <button type="submit">{t("adminSynonyms.trySubmit")}</button>
          </div>
        </div>
      </Form>
      {p ? (
        <div className="synonyms-preview" role="status">
          {p.mode === "degraded" ? <p className="notice">{t("adminSynonyms.tryUnavailable")}</p> : null}
          <p>
            {p.total || !p.close
              ? t("adminSynonyms.tryResults", { count: p.total, q: p.q })
              : t("adminSynonyms.tryClose", { count: p.close })}
          </p>
          <p className="muted">
            {p.applied.length
              ? t("adminSynonyms.tryApplied", { groups: p.applied.map((g) => g.join(", ")).join(" · ") })
              : t("adminSynonyms.tryNone")}
          </p>
          {p.first.length ? (
            <>
              <h3>{t("adminSynonyms.tryFirst")}</h3>
              <ul>
                {p.first.map((c) => (
                  <li key={c.username}>
                    <a href={`/u/${c.username}`}>{c.name}</a>
                    {[c.jobTitle, c.city].filter(Boolean).length
                      ? ` · ${[c.jobTitle, c.city].filter(Boolean).join(", ")}`
                      : ""}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
