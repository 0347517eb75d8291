// Editing a post (the author, or a moderator): every save keeps a revision. Preview works as a
// plain submit without JavaScript, like the new-topic page.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/use-translation";
import { Composer } from "~/components/composer";
import { Field, FormError } from "~/components/field";
import { db } from "~/db.server";
import { forbidden, notFound, positiveId, readForm } from "~/web/http.server";
import { getReadablePost } from "~/models/moderation/flag.server";
import { editPost } from "~/models/forum/post.server";
import { renderPostBody } from "~/models/forum/render.server";
import { composerUploadAnswer, isMultipart } from "~/web/composer-upload.server";
import { EditPostSchema, parseForm, type FormAnswer } from "~/models/shared/forms.server";
import { canEditPost, scopeOf, type Scope } from "~/models/permissions.server";
import { requireViewer } from "~/viewer.server";
import { pageTitle } from "~/web/page-title";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "post.editTitle") },
  { name: "robots", content: "noindex" },
];

async function editable(scope: Scope, id: string | undefined) {
  const postId = positiveId(id);
  const found = postId ? await getReadablePost(db, scope, postId) : undefined;
  if (!found || found.post.deleted_at) notFound();
  if (!canEditPost(scope, found.post, found.topic.category)) forbidden();
  return found;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = scopeOf(await requireViewer(request));
  const { post, topic, url } = await editable(scope, params.id);
  return {
    number: post.post_number,
    body: post.body_markdown,
    title: post.post_number === 1 ? topic.title : null,
    url,
    topicTitle: topic.title,
  };
}

type Answer = FormAnswer & { preview?: string; unchanged?: boolean; uploaded?: boolean };

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const scope = scopeOf(viewer);
  const { post } = await editable(scope, params.id);
  if (isMultipart(request)) {
    const upload = await composerUploadAnswer(request, { ...viewer, isStaff: scope.isStaff });
    return data<Answer>(upload.answer, upload.status);
  }
  const form = await readForm(request);
  const parsed = parseForm(EditPostSchema, {
    body: form.body ?? "",
    ...(post.post_number === 1 ? { title: form.title ?? "" } : {}),
  });
  const { values } = parsed;
  if (!parsed.ok) return data<Answer>(parsed, 400);
  if (form.intent === "preview") {
    const rendered = await renderPostBody(db, parsed.data.body, scope);
    if (!rendered.ok) {
      return data<Answer>({ formError: rendered.message, values, fields: rendered.fields ?? {} }, rendered.status);
    }
    return data<Answer>({ preview: rendered.html, values, fields: {} });
  }
  const result = await editPost({ scope, postId: post.id, body: parsed.data.body, title: parsed.data.title });
  if (!result.ok)
    return data<Answer>(
      { formError: result.message, errorValues: result.values, values, fields: result.fields ?? {} },
      result.status,
    );
  return redirect(result.url);
}

export default function EditPost() {
  const { t } = useTranslation();
  const d = useLoaderData<typeof loader>();
  const res = useActionData<typeof action>();
  const v = res?.values ?? {};
  const f = res?.fields ?? {};
  return (
    <div className="page">
      <h1>{t("post.editTitle")}</h1>
      <p className="muted">{t("moderation.post.heading", { number: d.number, title: d.topicTitle })}</p>
      <FormError message={res?.formError} values={res?.errorValues} />
      <Form method="post" className="stack" noValidate>
        {d.title !== null ? (
          <Field
            label={t("composer.title")}
            name="title"
            type="text"
            defaultValue={v.title ?? d.title}
            error={f.title}
            errorValues={res?.errorValues}
            hint={t("composer.titleHint")}
            required
          />
        ) : null}
        <Composer
          defaultValue={v.body ?? d.body}
          error={f.body}
          errorValues={res?.errorValues}
          preview={res?.preview}
          uploaded={res?.uploaded}
        />
        <div className="actions">
          <button type="submit" name="intent" value="save">
            {t("post.save")}
          </button>
          <button type="submit" name="intent" value="preview" className="secondary">
            {t("composer.preview")}
          </button>
          <Link to={d.url} className="button secondary">
            {t("composer.cancel")}
          </Link>
        </div>
      </Form>
    </div>
  );
}
