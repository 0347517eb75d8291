// /awards/nominate: a level-3 or level-4 member's self-nomination, one per category: statement,
// achievements, evidence links and files (PDF or image, checked by content). Drafts are saved;
// submitted nominations stay editable until the deadline, which the server enforces.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { pageTitle } from "~/web/page-title";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useMoment } from "~/components/event-when";
import { Field, FormError } from "~/components/field";
import { TextArea } from "~/components/form-extras";
import { keepValues, positiveId } from "~/web/http.server";
import { checkedIds, readUploadForm, uploadedFiles } from "~/web/upload-form.server";
import { EVIDENCE_MAX_BYTES } from "~/models/awards/award-file.server";
import { NOMINATION_LEVELS, NOMINATION_MAX_FILES, NominationSchema } from "~/models/awards/award.schema";
import { getOpenRound, listMyNominations, saveNomination } from "~/models/awards/nomination.server";
import { parseForm, type MessageAnswer } from "~/models/shared/forms.server";
import { canNominate, scopeOf } from "~/models/permissions.server";
import { useTranslation } from "~/use-translation";
import { requireViewer } from "~/viewer.server";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "awards.nominate.title") },
  { name: "robots", content: "noindex" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const scope = scopeOf(viewer);
  const round = await getOpenRound();
  const nominations =
    round && canNominate(scope) ? await listMyNominations({ userId: viewer.id, roundId: round.id }) : [];
  return {
    round,
    nominations,
    allowed: canNominate(scope),
    timeZone: viewer.timeZone,
    maxFiles: NOMINATION_MAX_FILES,
    maxMb: EVIDENCE_MAX_BYTES / 1024 / 1024,
  };
}

type ActionData = MessageAnswer;

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const scope = scopeOf(viewer);
  const read = await readUploadForm(request, NOMINATION_MAX_FILES);
  if (!read.ok) return data<ActionData>({ message: read.message, errorValues: read.errorValues }, read.status);
  const { form, fields } = read;
  const values = keepValues(fields);
  const round = await getOpenRound();
  const roundId = positiveId(fields.roundId) ?? 0;
  if (!round || round.id !== roundId) {
    // the round closed (or another one opened) while the member was writing: say so, keep the text
    return data<ActionData>({ message: "awards.errors.deadlinePassed", values }, 409);
  }
  const parsed = parseForm(NominationSchema, fields);
  if (!parsed.ok)
    return data<ActionData>(
      { message: parsed.formError, fields: parsed.fields, values, errorValues: parsed.errorValues },
      400,
    );
  const files = uploadedFiles(form);
  const removeFileIds = checkedIds(form, "removeFile");
  const r = await saveNomination({
    scope,
    roundId,
    input: parsed.data,
    submit: fields.intent === "submit",
    files,
    removeFileIds,
  });
  if (!r.ok) return data<ActionData>({ message: r.message, fields: r.fields, values, errorValues: r.values }, r.status);
  return redirect(`/awards/nominate?category=${parsed.data.categoryId}&saved=${r.submitted ? "submitted" : "draft"}`);
}

/** What the file picker offers; the server judges each file by its content anyway. */
const EVIDENCE_ACCEPT = "application/pdf,image/png,image/jpeg,image/webp,image/gif";

export default function Nominate() {
  const { t } = useTranslation();
  const moment = useMoment();
  const { round, nominations, allowed, timeZone, maxFiles, maxMb } = useLoaderData<typeof loader>();
  const res = useActionData<typeof action>();
  const [params] = useSearchParams();
  if (!allowed || !round) {
    // a refused post (the deadline passed while they wrote) still shows the member's own text
    const kept = res?.values;
    return (
      <div>
        <h1>{t("awards.nominate.title")}</h1>
        {res?.message ? (
          <FormError message={res.message} values={res.errorValues} />
        ) : (
          <p>{!allowed ? t("awards.errors.levelRequired") : t("awards.noOpenRound")}</p>
        )}
        {kept?.statement || kept?.achievements ? (
          <section aria-labelledby="kept-heading" className="card">
            <h2 id="kept-heading">{t("awards.nominate.keptText")}</h2>
            <h3>{t("awards.nominate.statement")}</h3>
            <p style={{ whiteSpace: "pre-wrap" }}>{kept.statement}</p>
            <h3>{t("awards.nominate.achievements")}</h3>
            <p style={{ whiteSpace: "pre-wrap" }}>{kept.achievements}</p>
          </section>
        ) : null}
        <p>
          <Link to="/awards">{t("awards.back")}</Link>
        </p>
      </div>
    );
  }
  const categoryId = Number(res?.values?.categoryId ?? params.get("category") ?? round.categories[0]?.id);
  const category = round.categories.find((c) => c.id === categoryId) ?? round.categories[0];
  const mine = nominations.find((n) => n.category_id === category.id);
  const v = res?.values ?? {
    statement: mine?.statement ?? "",
    achievements: mine?.achievements ?? "",
    evidenceLinks: (mine?.evidence_links ?? []).join("\n"),
  };
  const f = res?.fields ?? {};
  const saved = params.get("saved");
  return (
    <div>
      <p>
        <Link to="/awards">{t("awards.back")}</Link>
      </p>
      <h1>{t("awards.nominate.title")}</h1>
      <p>
        {round.title} · <strong>{t("awards.deadline", { time: moment(round.deadline_at, timeZone) })}</strong>
      </p>
      {saved ? (
        <p className="notice" role="status">
          {t(saved === "submitted" ? "awards.nominate.submitted" : "awards.nominate.draftSaved")}
        </p>
      ) : null}
      <nav aria-label={t("awards.categories")}>
        <ul>
          {round.categories.map((c) => {
            const n = nominations.find((x) => x.category_id === c.id);
            return (
              <li key={c.id}>
                <Link to={`/awards/nominate?category=${c.id}`} aria-current={c.id === category.id ? "page" : undefined}>
                  {c.name}
                </Link>{" "}
                <span className="muted">
                  {n
                    ? n.submitted_at
                      ? t("awards.nominate.stateSubmitted")
                      : t("awards.nominate.stateDraft")
                    : t("awards.nominate.stateNone")}
                </span>
              </li>
            );
          })}
        </ul>
      </nav>
      <section aria-labelledby="form-heading" className="card">
        <h2 id="form-heading">{t("awards.nominate.formTitle", { category: category.name })}</h2>
        {category.description ? <p>{category.description}</p> : null}
        {category.min_level > NOMINATION_LEVELS.min || category.max_level < NOMINATION_LEVELS.max ? (
          <p>
            {t(category.min_level === category.max_level ? "staffViews.awards.level" : "staffViews.awards.levels", {
              min: category.min_level,
              max: category.max_level,
            })}
          </p>
        ) : null}
        {mine?.submitted_at ? <p>{t("awards.nominate.editableUntil")}</p> : null}
        <FormError message={res?.message} values={res?.errorValues} />
        <Form method="post" encType="multipart/form-data" reloadDocument className="stack" noValidate>
          <input type="hidden" name="roundId" value={round.id} />
          <input type="hidden" name="categoryId" value={category.id} />
          <TextArea
            label={t("awards.nominate.statement")}
            name="statement"
            defaultValue={v.statement}
            error={f.statement}
            rows={8}
            hint={t("awards.nominate.statementHint")}
          />
          <TextArea
            label={t("awards.nominate.achievements")}
            name="achievements"
            defaultValue={v.achievements}
            error={f.achievements}
            rows={6}
            hint={t("awards.nominate.achievementsHint")}
          />
          <TextArea
            label={t("awards.nominate.links")}
            name="evidenceLinks"
            defaultValue={v.evidenceLinks}
            error={f.evidenceLinks}
            rows={3}
            hint={t("awards.nominate.linksHint")}
          />
          {mine?.files.length ? (
            <fieldset>
              <legend>{t("awards.nominate.filesKept")}</legend>
              <ul>
                {mine.files.map((file) => (
                  <li key={file.id}>
                    <a href={`/awards/files/${file.id}`}>{file.file_name}</a>{" "}
                    <label>
                      <input type="checkbox" name="removeFile" value={file.id} />{" "}
                      {t("awards.nominate.removeFile", { name: file.file_name })}
                    </label>
                  </li>
                ))}
              </ul>
            </fieldset>
          ) : null}
          <Field
            label={t("awards.nominate.files")}
            name="files"
            type="file"
            multiple
            accept={EVIDENCE_ACCEPT}
            error={f.files}
            errorValues={res?.errorValues}
            hint={t("awards.nominate.filesHint", { max: maxFiles, mb: maxMb })}
          />
          <div className="button-row">
            {mine?.submitted_at ? null : (
              <button type="submit" name="intent" value="draft">
                {t("awards.nominate.saveDraft")}
              </button>
            )}
            <button type="submit" name="intent" value="submit">
              {t(mine?.submitted_at ? "awards.nominate.saveSubmitted" : "awards.nominate.submit")}
            </button>
          </div>
        </Form>
      </section>
    </div>
  );
}
