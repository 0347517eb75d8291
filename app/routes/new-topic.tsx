import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/use-translation";
import { Composer } from "~/components/composer";
import { Field, FormError } from "~/components/field";
import { db } from "~/db.server";
import { keepValues } from "~/http.server";
import { listPostableCategories } from "~/models/category.server";
import { describeLimits } from "~/models/limits.server";
import { createTopic } from "~/models/post.server";
import { renderPostBody } from "~/models/render.server";
import { NewTopicSchema } from "~/models/forms.server";
import { scopeOf } from "~/permissions.server";
import { requireViewer } from "~/viewer.server";
import { pageTitle } from "~/page-title";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "composer.newTopicTitle") }];

async function formOptions(scope: ReturnType<typeof scopeOf>) {
  const [categories, tags] = await Promise.all([
    listPostableCategories(scope),
    db.selectFrom("competencies").select(["slug", "name"]).orderBy("position").execute(),
  ]);
  return { categories: categories.map((c) => ({ slug: c.slug, name: c.name })), tags };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const scope = scopeOf(viewer);
  const limits = await describeLimits(db, { createdAt: viewer.createdAt, isStaff: scope.isStaff });
  return { ...(await formOptions(scope)), category: new URL(request.url).searchParams.get("category") ?? "", limits: limits ?? null };
}

type Answer = { formError?: string; errorValues?: Record<string, string | number>; values: Record<string, string>; tags: string[]; fields: Record<string, string | undefined>; preview?: string };

async function readTopicForm(request: Request) {
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return undefined;
  }
  const one = (k: string) => {
    const v = form.get(k);
    return typeof v === "string" ? v : "";
  };
  return {
    title: one("title"),
    category: one("category"),
    body: one("body"),
    intent: one("intent"),
    tags: form.getAll("tags").filter((v): v is string => typeof v === "string").slice(0, 50),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const scope = scopeOf(viewer);
  const form = await readTopicForm(request);
  if (!form) return data<Answer>({ formError: "form.fixErrors", errorValues: { count: 1 }, values: {}, tags: [], fields: { body: "composer.errors.bodyLong" } }, 400);
  const values = keepValues({ title: form.title, category: form.category, body: form.body });
  const parsed = NewTopicSchema.safeParse(form);
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const i of parsed.error.issues) fields[String(i.path[0])] ??= i.message;
    return data<Answer>({ formError: "form.fixErrors", errorValues: { count: Object.keys(fields).length }, values, tags: form.tags, fields }, 400);
  }
  if (form.intent === "preview") {
    const rendered = await renderPostBody(db, parsed.data.body, scope);
    if (!rendered.ok) {
      const refusal = { formError: rendered.message, values, tags: form.tags, fields: rendered.fields ?? {} };
      return data<Answer>(refusal, rendered.status);
    }
    return data<Answer>({ preview: rendered.html, values, tags: form.tags, fields: {} });
  }
  const result = await createTopic({ scope, categorySlug: parsed.data.category, title: parsed.data.title, body: parsed.data.body, tags: parsed.data.tags });
  if (!result.ok) return data<Answer>({ formError: result.message, errorValues: result.values, values, tags: form.tags, fields: result.fields ?? {} }, result.status);
  return redirect(result.url);
}

export default function NewTopic() {
  const { t } = useTranslation();
  const d = useLoaderData<typeof loader>();
  const res = useActionData<typeof action>();
  const v = res?.values ?? {};
  const f = res?.fields ?? {};
  const chosenTags = new Set(res?.tags ?? []);
  const category = v.category ?? d.category;
  return (
    <div className="page">
      <h1>{t("composer.newTopicTitle")}</h1>
      {d.limits ? <p className="notice">{t("composer.newMemberLimits", { ...d.limits, until: new Date(d.limits.until), formatParams: { until: { dateStyle: "medium", timeStyle: "short" } } })}</p> : null}
      <FormError message={res?.formError} values={res?.errorValues} />
      <Form method="post" className="stack" noValidate>
        <Field label={t("composer.title")} name="title" type="text" defaultValue={v.title} error={f.title} hint={t("composer.titleHint")} maxLength={300} required />
        <div className="field">
          <label htmlFor="category">{t("composer.category")}</label>
          <select id="category" name="category" defaultValue={category} aria-invalid={f.category ? true : undefined} aria-describedby={f.category ? "category-error" : undefined}>
            <option value="">{t("composer.chooseCategory")}</option>
            {d.categories.map((c) => (
              <option key={c.slug} value={c.slug}>
                {c.name}
              </option>
            ))}
          </select>
          {f.category ? (
            <p className="field-error" id="category-error">
              {t(f.category)}
            </p>
          ) : null}
        </div>
        <fieldset className="field tags-field" aria-describedby={f.tags ? "tags-error" : undefined}>
          <legend>{t("composer.tags")}</legend>
          <div className="tag-options">
            {d.tags.map((tag) => (
              <label key={tag.slug} className="tag-option">
                <input type="checkbox" name="tags" value={tag.slug} defaultChecked={chosenTags.has(tag.slug)} /> {tag.name}
              </label>
            ))}
          </div>
          {f.tags ? (
            <p className="field-error" id="tags-error">
              {t(f.tags)}
            </p>
          ) : null}
        </fieldset>
        <Composer defaultValue={v.body ?? ""} error={f.body} preview={res?.preview} />
        <div className="actions">
          <button type="submit" name="intent" value="create">
            {t("composer.submitTopic")}
          </button>
          <button type="submit" name="intent" value="preview" className="secondary">
            {t("composer.preview")}
          </button>
        </div>
      </Form>
    </div>
  );
}
