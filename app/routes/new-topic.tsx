import { randomUUID } from "node:crypto";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/use-translation";
import { Composer, ComposerActions } from "~/components/composer";
import { useMessage } from "~/components/use-message";
import { Field, FormError } from "~/components/field";
import { Select } from "~/components/form-extras";
import { db } from "~/db.server";
import { withoutNul } from "~/web/http.server";
import { draftKey, getDraft, saveDraft } from "~/models/forum/draft.server";
import { listPostableCategories } from "~/models/forum/category.server";
import { describeLimits } from "~/models/forum/limits.server";
import { createTopic } from "~/models/forum/post.server";
import { renderPostBody } from "~/models/forum/render.server";
import { composerUploadAnswer, isMultipart } from "~/web/composer-upload.server";
import { parseForm, NewTopicSchema, type FormAnswer } from "~/models/shared/forms.server";
import { DraftSchema } from "~/models/forum/topic.schema";
import { scopeOf } from "~/models/permissions.server";
import { requireViewer } from "~/viewer.server";
import { pageTitle } from "~/web/page-title";
import { requestLocale } from "~/locale";
import { localized } from "~/models/shared/localized";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "composer.newTopicTitle") }];

async function formOptions(scope: ReturnType<typeof scopeOf>, lang: string) {
  const [categories, tags] = await Promise.all([
    listPostableCategories(scope),
    db.selectFrom("competencies").select(["slug", "name", "name_fr"]).orderBy("position").execute(),
  ]);
  return {
    categories: categories.map((c) => ({ slug: c.slug, name: localized(c, "name", lang) })),
    tags: tags.map((c) => ({ slug: c.slug, name: localized(c, "name", lang) })),
  };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const scope = scopeOf(viewer);
  const [limits, draft] = await Promise.all([
    describeLimits(db, { createdAt: viewer.createdAt, isStaff: scope.isStaff }),
    getDraft({ userId: viewer.id, key: draftKey() }),
  ]);
  return {
    ...(await formOptions(scope, requestLocale(request, viewer.locale))),
    category: new URL(request.url).searchParams.get("category") ?? "",
    limits: limits ?? null,
    draftKey: draftKey(),
    draft: draft ? { body: draft.body, ...draft.fields } : null,
    // a repeated submit of this form (double tap, resubmitted page) finds the topic it made
    submissionKey: randomUUID(),
  };
}

type Answer = FormAnswer & { tags: string[]; preview?: string; notice?: string; uploaded?: boolean };

async function readTopicForm(request: Request) {
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return undefined;
  }
  const one = (k: string) => {
    const v = form.get(k);
    return typeof v === "string" ? withoutNul(v) : "";
  };
  return {
    title: one("title"),
    category: one("category"),
    body: one("body"),
    submissionKey: one("submissionKey"),
    intent: one("intent"),
    tags: form
      .getAll("tags")
      .filter((v): v is string => typeof v === "string")
      .slice(0, 50),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const scope = scopeOf(viewer);
  if (isMultipart(request)) {
    const upload = await composerUploadAnswer(request, { ...viewer, isStaff: scope.isStaff });
    return data<Answer>({ ...upload.answer, tags: upload.tags }, upload.status);
  }
  const form = await readTopicForm(request);
  if (!form)
    return data<Answer>(
      {
        formError: "form.fixErrors",
        errorValues: { count: 1 },
        values: {},
        tags: [],
        fields: { body: "composer.errors.bodyLong" },
      },
      400,
    );
  const { intent, ...input } = form;
  if (intent === "draft") {
    const draft = parseForm(DraftSchema, input);
    if (!draft.ok) return data<Answer>({ ...draft, tags: form.tags }, 400);
    await saveDraft({ userId: viewer.id, key: draftKey(), draft: draft.data });
    return data<Answer>({ values: draft.values, tags: form.tags, fields: {}, notice: "composer.draftSaved" });
  }
  const parsed = parseForm(NewTopicSchema, input);
  const { values } = parsed;
  if (!parsed.ok) return data<Answer>({ ...parsed, tags: form.tags }, 400);
  if (intent === "preview") {
    const rendered = await renderPostBody(db, parsed.data.body, scope);
    if (!rendered.ok) {
      const refusal = { formError: rendered.message, values, tags: form.tags, fields: rendered.fields ?? {} };
      return data<Answer>(refusal, rendered.status);
    }
    return data<Answer>({ preview: rendered.html, values, tags: form.tags, fields: {} });
  }
  const { category, title, body, tags, submissionKey } = parsed.data;
  const result = await createTopic(db, { scope, categorySlug: category, title, body, tags, submissionKey });
  if (!result.ok)
    return data<Answer>(
      { formError: result.message, errorValues: result.values, values, tags: form.tags, fields: result.fields ?? {} },
      result.status,
    );
  return redirect(result.url);
}

export default function NewTopic() {
  const { t } = useTranslation();
  const message = useMessage();
  const d = useLoaderData<typeof loader>();
  const res = useActionData<typeof action>();
  // what was sent, else the saved draft, else an empty form
  const v: Record<string, string | undefined> = res?.values ?? {
    title: d.draft?.title,
    body: d.draft?.body,
    category: d.draft?.category,
  };
  const f = res?.fields ?? {};
  const chosenTags = new Set(res?.tags ?? d.draft?.tags ?? []);
  const category = v.category || d.category;
  return (
    <div className="page">
      <h1>{t("composer.newTopicTitle")}</h1>
      {d.limits ? <p className="notice">{message("composer.newMemberLimits", d.limits)}</p> : null}
      <FormError message={res?.formError} values={res?.errorValues} />
      {!res && d.draft ? <p className="notice">{t("composer.draftRestored")}</p> : null}
      <Form method="post" className="stack" noValidate data-draft={d.draftKey}>
        <input type="hidden" name="submissionKey" value={d.submissionKey} />
        <Field
          label={t("composer.title")}
          name="title"
          type="text"
          defaultValue={v.title}
          error={f.title}
          errorValues={res?.errorValues}
          hint={t("composer.titleHint")}
          required
        />
        <Select
          id="category"
          label={t("composer.category")}
          name="category"
          defaultValue={category}
          error={f.category}
          errorValues={res?.errorValues}
        >
          <option value="">{t("composer.chooseCategory")}</option>
          {d.categories.map((c) => (
            <option key={c.slug} value={c.slug}>
              {c.name}
            </option>
          ))}
        </Select>
        <fieldset className="field tags-field" aria-describedby={f.tags ? "tags-error" : undefined}>
          <legend>{t("composer.tags")}</legend>
          <div className="tag-options">
            {d.tags.map((tag) => (
              <label key={tag.slug} className="tag-option">
                <input type="checkbox" name="tags" value={tag.slug} defaultChecked={chosenTags.has(tag.slug)} />{" "}
                {tag.name}
              </label>
            ))}
          </div>
          {f.tags ? (
            <p className="field-error" id="tags-error">
              {message(f.tags, res?.errorValues)}
            </p>
          ) : null}
        </fieldset>
        <Composer
          defaultValue={v.body ?? ""}
          error={f.body}
          errorValues={res?.errorValues}
          preview={res?.preview}
          uploaded={res?.uploaded}
        />
        <ComposerActions intent="create" label={t("composer.submitTopic")} notice={res?.notice} />
      </Form>
    </div>
  );
}
