// /portfolio/:key: the member's portfolio for a "portfolio" requirement (the CCSM experience route's):
// projects, evidence files and references in one form that works without JavaScript; once submitted,
// where the panel is, each reference's answer, the interview (with an .ics) and the decision with
// its reasons, and the way to appeal.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useMoment } from "~/components/event-when";
import { Field, FormError } from "~/components/field";
import { Select, TextArea } from "~/components/form-extras";
import { PortfolioContents } from "~/components/portfolio-view";
import {
  PROJECT_SLOTS,
  REFERENCE_SLOTS,
  RELATIONSHIPS,
  parseSlots,
  slotField,
} from "~/models/journey/portfolio.schema";
import { getMyPortfolio, MAX_FILES, savePortfolio } from "~/models/journey/portfolio.server";
import { localized } from "~/models/shared/localized";
import { useTranslation } from "~/use-translation";
import { requireViewer } from "~/viewer.server";
import { forbidden, keepValues, notFound } from "~/web/http.server";
import { checkedIds, readUploadForm, uploadedFiles } from "~/web/upload-form.server";
import { scopeOf } from "~/models/permissions.server";
import { pageTitle } from "~/web/page-title";
import type { MessageAnswer } from "~/models/shared/forms.server";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "portfolio.projects") },
  { name: "robots", content: "noindex" },
];

/** Portfolios are the programme's: members (a recruiter account has none). */
async function requireMember(request: Request) {
  const viewer = await requireViewer(request);
  if (!scopeOf(viewer).isMember) forbidden();
  return viewer;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireMember(request);
  const mine = await getMyPortfolio({ userId: viewer.id, requirementKey: params.key ?? "" });
  if (!mine) notFound();
  return { ...mine, timeZone: viewer.timeZone, maxFiles: MAX_FILES };
}

type ActionData = MessageAnswer;

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireMember(request);
  const read = await readUploadForm(request, MAX_FILES);
  if (!read.ok) return data<ActionData>({ message: read.message, errorValues: read.errorValues }, read.status);
  const { form, fields } = read;
  const values = keepValues(fields);
  const slots = parseSlots(fields);
  if (Object.keys(slots.fields).length)
    return data<ActionData>(
      {
        message: "form.fixErrors",
        fields: slots.fields,
        values,
        errorValues: { count: Object.keys(slots.fields).length },
      },
      400,
    );
  const key = params.key ?? "";
  const r = await savePortfolio({
    userId: viewer.id,
    requirementKey: key,
    projects: slots.projects,
    references: slots.references,
    files: uploadedFiles(form),
    removeFileIds: checkedIds(form, "removeFile"),
    submit: fields.intent === "submit",
  });
  if (!r.ok) return data<ActionData>({ message: r.message, fields: r.fields, values, errorValues: r.values }, r.status);
  return redirect(`/portfolio/${encodeURIComponent(key)}?saved=${r.submitted ? "submitted" : "draft"}`);
}

const EVIDENCE_ACCEPT = "application/pdf,image/png,image/jpeg,image/webp,image/gif";

export default function PortfolioPage() {
  const { t, i18n } = useTranslation();
  const moment = useMoment();
  const mine = useLoaderData<typeof loader>();
  const res = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { requirement, portfolio } = mine;
  const state = portfolio?.status ?? "none";
  const name = requirement.name
    ? localized(requirement as { name: string; name_fr: string | null }, "name", i18n.language)
    : "";
  const saved = params.get("saved");
  return (
    <div>
      <p>
        <Link to="/progress">{t("portfolio.back")}</Link>
      </p>
      <h1>{t("portfolio.title", { name })}</h1>
      <p>{t("portfolio.intro", { count: requirement.params.reviewers })}</p>
      <p data-state={state}>
        <strong>{t("portfolio.stateLine", { state: t(`portfolio.state.${state}`) })}</strong>
      </p>
      {saved ? (
        <p className="notice" role="status">
          {t(saved === "submitted" ? "portfolio.submitted" : "portfolio.saved")}
        </p>
      ) : null}
      {state === "none" || state === "draft" ? (
        <DraftForm res={res} />
      ) : (
        <>
          <Submitted />
          {portfolio?.interview_starts_at ? (
            <section className="card" aria-labelledby="interview-heading">
              <h2 id="interview-heading">{t("portfolio.interview")}</h2>
              <p>
                {t("portfolio.interviewAt", {
                  when: moment(portfolio.interview_starts_at, mine.timeZone),
                  place: portfolio.interview_place ?? "",
                })}
              </p>
              <p>
                <a href={`/portfolio/${encodeURIComponent(requirement.key)}/interview.ics`}>
                  {t("portfolio.interviewIcs")}
                </a>
              </p>
            </section>
          ) : null}
          {portfolio?.decided_at ? (
            <section className="card" aria-labelledby="decision-heading">
              <h2 id="decision-heading">{t("portfolio.decision")}</h2>
              <p>
                <strong>{t(`portfolio.state.${state}`)}</strong>
              </p>
              <h3>{t("portfolio.reasons")}</h3>
              <p style={{ whiteSpace: "pre-wrap" }}>{portfolio.decision_reasons}</p>
              {state === "declined" ? (
                mine.appeal?.status === "pending" ? (
                  <p>{t("portfolio.appealPending")}</p>
                ) : mine.appeal ? (
                  <p>{t("portfolio.appealDecided", { reason: mine.appeal.decision_reason ?? "" })}</p>
                ) : (
                  <p>
                    <Link to="/my/appeals">{t("portfolio.appeal")}</Link>
                  </p>
                )
              ) : null}
            </section>
          ) : null}
        </>
      )}
    </div>
  );
}

/** What was handed in, with the panel's progress and each reference's answer. */
function Submitted() {
  const { t } = useTranslation();
  const { projects, files, references, reviews, requirement } = useLoaderData<typeof loader>();
  return (
    <>
      <p>{t("portfolio.panel", { done: reviews.submitted, count: requirement.params.reviewers })}</p>
      <PortfolioContents projects={projects} files={files} references={references} />
    </>
  );
}

/** The draft: projects and references in fixed slots, files added or removed, saved or submitted. */
function DraftForm({ res }: { res: ActionData | undefined }) {
  const { t } = useTranslation();
  const { projects, files, references, requirement, maxFiles } = useLoaderData<typeof loader>();
  const stored: Record<string, string> = {};
  projects.forEach((p, i) => {
    stored[slotField("project", i, "title")] = p.title;
    stored[slotField("project", i, "description")] = p.description;
  });
  references.forEach((r, i) => {
    for (const f of ["name", "email", "phone", "organisation", "relationship"] as const)
      stored[slotField("reference", i, f)] = String(r[f] ?? "");
  });
  const v = res?.values ?? stored;
  const f = res?.fields ?? {};
  const field = (group: "project" | "reference", i: number, name: string) => ({
    name: slotField(group, i, name),
    id: slotField(group, i, name).replace(/\./g, "-"),
    defaultValue: v[slotField(group, i, name)] ?? "",
    error: f[slotField(group, i, name)],
    errorValues: res?.errorValues,
  });
  return (
    <Form method="post" encType="multipart/form-data" reloadDocument className="stack" noValidate>
      <FormError message={res?.message} values={res?.errorValues} />
      <fieldset>
        <legend>{t("portfolio.projects")}</legend>
        {Array.from({ length: PROJECT_SLOTS }, (_, i) => (
          <fieldset key={i}>
            <legend>{t("portfolio.projectN", { n: i + 1 })}</legend>
            <Field label={t("portfolio.projectTitle")} maxLength={200} {...field("project", i, "title")} />
            <TextArea label={t("portfolio.projectDescription")} rows={6} {...field("project", i, "description")} />
          </fieldset>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t("portfolio.evidence")}</legend>
        {files.length ? (
          <ul>
            {files.map((file) => (
              <li key={file.id}>
                <a href={`/portfolio-files/${file.id}`}>{file.file_name}</a>{" "}
                <label>
                  <input type="checkbox" name="removeFile" value={file.id} />{" "}
                  {t("portfolio.removeFile", { name: file.file_name })}
                </label>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("portfolio.noFiles")}</p>
        )}
        <Field
          label={t("portfolio.evidenceAdd")}
          name="files"
          id="portfolio-files"
          type="file"
          multiple
          accept={EVIDENCE_ACCEPT}
          error={f.files}
          errorValues={res?.errorValues}
          hint={t("portfolio.evidenceHint", { max: maxFiles })}
        />
      </fieldset>
      <fieldset>
        <legend>{t("portfolio.references")}</legend>
        <p className="hint">{t("portfolio.referencesHint", { count: requirement.params.references })}</p>
        {Array.from({ length: REFERENCE_SLOTS }, (_, i) => (
          <fieldset key={i}>
            <legend>{t("portfolio.referenceN", { n: i + 1 })}</legend>
            <Field label={t("portfolio.referenceName")} autoComplete="off" {...field("reference", i, "name")} />
            <Field
              label={t("portfolio.referenceEmail")}
              type="email"
              autoComplete="off"
              {...field("reference", i, "email")}
            />
            <Field label={t("portfolio.referencePhone")} type="tel" {...field("reference", i, "phone")} />
            <Field label={t("portfolio.referenceOrganisation")} {...field("reference", i, "organisation")} />
            <Select label={t("portfolio.relationship")} {...field("reference", i, "relationship")}>
              <option value="">{t("portfolio.choose")}</option>
              {RELATIONSHIPS.map((r) => (
                <option key={r} value={r}>
                  {t(`portfolio.relationships.${r}`)}
                </option>
              ))}
            </Select>
          </fieldset>
        ))}
      </fieldset>
      <div className="button-row">
        <button type="submit" name="intent" value="draft">
          {t("portfolio.saveDraft")}
        </button>
        <button type="submit" name="intent" value="submit">
          {t("portfolio.submit")}
        </button>
      </div>
    </Form>
  );
}
