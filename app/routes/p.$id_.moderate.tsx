// Staff menu for one post and its topic: hide/unhide, delete/restore, move replies to another
// topic, split replies into a new topic. Anyone who does not moderate the topic gets a 404.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import type { ReactNode } from "react";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/use-translation";
import { Field, FormError } from "~/components/field";
import { Select } from "~/components/form-extras";
import { notFound, positiveId, withoutNul } from "~/web/http.server";
import { listAllCategories } from "~/models/forum/category.server";
import { parseTopicRef } from "~/models/moderation/moderation.schema";
import { getPostForModeration, hidePost, unhidePost } from "~/models/moderation/moderation.server";
import { movePosts, splitTopic } from "~/models/moderation/post-moves.server";
import { deletePost, restorePost } from "~/models/forum/post.server";
import { fail } from "~/models/shared/result";
import { isModerator, scopeOf } from "~/models/permissions.server";
import { requireViewer } from "~/viewer.server";
import { pageTitle } from "~/web/page-title";
import { requestLocale } from "~/locale";
import { localized } from "~/models/shared/localized";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "topic.moderate") },
  { name: "robots", content: "noindex" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const scope = scopeOf(viewer);
  const lang = requestLocale(request, viewer.locale);
  const postId = positiveId(params.id);
  const found = postId ? await getPostForModeration({ scope, postId }) : undefined;
  if (!found) notFound();
  const { post, topic, others, url } = found;
  const categories = (await listAllCategories())
    .filter((c) => !c.archived_at && isModerator(scope, c))
    .map((c) => ({ slug: c.slug, name: localized(c, "name", lang) }));
  return {
    post: {
      id: post.id,
      number: post.post_number,
      author: post.display_name,
      hidden: !!post.hidden_at,
      hiddenReason: post.hidden_reason,
      deleted: !!post.deleted_at,
    },
    topic: { id: topic.id, title: topic.title, category: topic.category.slug },
    others: others.map((o) => ({
      id: o.id,
      number: o.post_number,
      author: o.display_name ?? "—",
      deleted: !!o.deleted_at,
    })),
    categories,
    url,
  };
}

type Answer = {
  formError?: string;
  errorValues?: Record<string, string | number>;
  fields: Record<string, string | undefined>;
  values: Record<string, string>;
  selected: number[];
};

export async function action({ request, params }: ActionFunctionArgs) {
  const scope = scopeOf(await requireViewer(request));
  const postId = positiveId(params.id);
  if (!postId) notFound();
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw data("Bad form", { status: 400 });
  }
  const one = (k: string) => {
    const v = form.get(k);
    return typeof v === "string" ? withoutNul(v.slice(0, 2000)) : "";
  };
  const intent = one("intent");
  const selected = form
    .getAll("posts")
    .map((v) => (typeof v === "string" ? positiveId(v) : undefined))
    .filter((n): n is number => n !== undefined)
    .slice(0, 1000);
  const values = { target: one("target"), title: one("title"), category: one("category"), reason: one("reason") };
  let result;
  switch (intent) {
    case "hide":
      result = await hidePost({ scope, postId, reason: values.reason || undefined });
      break;
    case "unhide":
      result = await unhidePost({ scope, postId });
      break;
    case "delete":
      result = await deletePost({ scope, postId });
      break;
    case "restore":
      result = await restorePost({ scope, postId });
      break;
    case "move": {
      const toTopicId = parseTopicRef(values.target);
      result = toTopicId
        ? await movePosts({ scope, postIds: selected, toTopicId })
        : fail(422, "moderation.errors.target", { target: "moderation.errors.target" });
      break;
    }
    case "split":
      result = await splitTopic({
        scope,
        postIds: selected,
        title: values.title,
        categorySlug: values.category || undefined,
      });
      break;
    default:
      result = fail(400, "moderation.errors.action");
  }
  if (!result.ok)
    return data<Answer>(
      { formError: result.message, errorValues: result.values, fields: result.fields ?? {}, values, selected },
      result.status,
    );
  return redirect(result.url);
}

export default function ModeratePost() {
  const { t } = useTranslation();
  const d = useLoaderData<typeof loader>();
  const res = useActionData<typeof action>();
  const f = res?.fields ?? {};
  const v = res?.values ?? ({} as Record<string, string>);
  const selected = new Set(res?.selected ?? [d.post.id]);
  return (
    <div className="page">
      <h1>{t("moderation.post.title", { number: d.post.number })}</h1>
      <p>
        <Link to={d.url}>{t("moderation.post.heading", { number: d.post.number, title: d.topic.title })}</Link>
        {" · "}
        <Link to={`/t/${d.topic.id}/admin`}>{t("moderation.topic.link")}</Link>
      </p>
      <p className="muted">
        {d.post.deleted
          ? t("moderation.post.stateDeleted")
          : d.post.hidden
            ? t("moderation.post.stateHidden", { reason: d.post.hiddenReason ?? "" })
            : t("moderation.post.stateVisible")}
      </p>
      <FormError message={res?.formError} values={res?.errorValues} />

      <section className="mod-section" aria-labelledby="mod-visibility">
        <h2 id="mod-visibility">{t("moderation.post.visibility")}</h2>
        <div className="actions">
          {d.post.hidden ? (
            <Form method="post">
              <button type="submit" name="intent" value="unhide">
                {t("moderation.post.unhide")}
              </button>
            </Form>
          ) : (
            <Form method="post" className="inline-form">
              <Field
                label={t("moderation.post.hideReason")}
                name="reason"
                type="text"
                maxLength={500}
                defaultValue={v.reason}
              />
              <button type="submit" name="intent" value="hide">
                {t("moderation.post.hide")}
              </button>
            </Form>
          )}
          <Form method="post">
            <button type="submit" name="intent" value={d.post.deleted ? "restore" : "delete"} className="secondary">
              {d.post.deleted ? t("moderation.post.restore") : t("moderation.post.delete")}
            </button>
          </Form>
        </div>
      </section>

      {d.others.length ? (
        <section className="mod-section" aria-labelledby="mod-move">
          <h2 id="mod-move">{t("moderation.post.moveTitle")}</h2>
          <Form method="post" className="stack">
            <fieldset className="field choice-list" aria-describedby={f.posts ? "posts-error" : undefined}>
              <legend>{t("moderation.post.choosePosts")}</legend>
              {d.others.map((o) => (
                <label key={o.id} className="choice">
                  <input type="checkbox" name="posts" value={o.id} defaultChecked={selected.has(o.id)} />
                  <span>{t("moderation.post.postBy", { number: o.number, name: o.author })}</span>
                </label>
              ))}
              {f.posts ? (
                <p className="field-error" id="posts-error">
                  {t(f.posts)}
                </p>
              ) : null}
            </fieldset>
            <ActionFieldset legend={t("moderation.post.moveLegend")} intent="move" submit={t("moderation.post.move")}>
              <Field
                label={t("moderation.post.target")}
                name="target"
                type="text"
                inputMode="text"
                defaultValue={v.target}
                error={f.target}
                hint={t("moderation.post.targetHint")}
              />
            </ActionFieldset>
            <ActionFieldset
              legend={t("moderation.post.splitLegend")}
              intent="split"
              submit={t("moderation.post.split")}
            >
              <Field
                label={t("moderation.post.newTitle")}
                name="title"
                type="text"
                maxLength={300}
                defaultValue={v.title}
                error={f.title}
                hint={t("composer.titleHint")}
              />
              <Select
                id="split-category"
                label={t("composer.category")}
                name="category"
                defaultValue={v.category || d.topic.category}
                error={f.category}
                options={d.categories.map((c) => ({ value: c.slug, label: c.name }))}
              />
            </ActionFieldset>
          </Form>
        </section>
      ) : null}
    </div>
  );
}

/** One action of the move form: its fields under a legend, and the button that sends them with its intent. */
function ActionFieldset({
  legend,
  intent,
  submit,
  children,
}: {
  legend: string;
  intent: string;
  submit: string;
  children: ReactNode;
}) {
  return (
    <fieldset className="field">
      <legend>{legend}</legend>
      {children}
      <div className="actions">
        <button type="submit" name="intent" value={intent}>
          {submit}
        </button>
      </div>
    </fieldset>
  );
}
