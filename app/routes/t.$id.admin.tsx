// Staff actions on a topic: close/reopen, pin in its category or everywhere, archive, unlist,
// change category, merge into another topic. Anyone who does not moderate it gets a 404.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/use-translation";
import { Field, FormError } from "~/components/field";
import { Select } from "~/components/form-extras";
import { notFound, positiveId, readForm } from "~/web/http.server";
import { listAllCategories } from "~/models/forum/category.server";
import { parseTopicRef, TOPIC_ACTIONS, type TopicAction } from "~/models/moderation/moderation.schema";
import { changeTopicCategory, updateTopicState } from "~/models/moderation/moderation.server";
import { mergeTopic } from "~/models/moderation/post-moves.server";
import { fail } from "~/models/shared/result";
import { getTopic, topicUrl } from "~/models/forum/topic.server";
import { isModerator, scopeOf, type Scope } from "~/models/permissions.server";
import { requireViewer } from "~/viewer.server";
import { pageTitle } from "~/web/page-title";
import { requestLocale } from "~/locale";
import { localized } from "~/models/shared/localized";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "moderation.topic.title") },
  { name: "robots", content: "noindex" },
];

async function moderated(scope: Scope, id: string | undefined) {
  const topicId = positiveId(id);
  const topic = topicId ? await getTopic({ scope, topicId }) : undefined;
  // a personal message is moderated post by post only (moderated.server.ts)
  if (!topic || !isModerator(scope, topic.category) || topic.archetype === "private_message") notFound();
  return topic;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const scope = scopeOf(viewer);
  const lang = requestLocale(request, viewer.locale);
  const topic = await moderated(scope, params.id);
  const categories = (await listAllCategories())
    .filter((c) => !c.archived_at && isModerator(scope, c))
    .map((c) => ({ slug: c.slug, name: localized(c, "name", lang) }));
  return {
    topic: {
      id: topic.id,
      title: topic.title,
      url: topicUrl(topic),
      category: topic.category.slug,
      closed: !!topic.closed_at,
      archived: !!topic.archived_at,
      unlisted: topic.unlisted,
      pinned: topic.pinned_at ? (topic.pinned_globally ? "globally" : "category") : null,
      deleted: !!topic.deleted_at,
    },
    categories,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const scope = scopeOf(await requireViewer(request));
  const topic = await moderated(scope, params.id);
  const form = await readForm(request);
  const values = { target: (form.target ?? "").slice(0, 500), category: (form.category ?? "").slice(0, 100) };
  const intent = form.intent ?? "";
  let result;
  if ((TOPIC_ACTIONS as readonly string[]).includes(intent))
    result = await updateTopicState({ scope, topicId: topic.id, action: intent as TopicAction });
  else if (intent === "category")
    result = await changeTopicCategory({ scope, topicId: topic.id, categorySlug: values.category });
  else if (intent === "merge") {
    const into = parseTopicRef(values.target);
    result = into
      ? await mergeTopic({ scope, topicId: topic.id, intoTopicId: into })
      : fail(422, "moderation.errors.target", { target: "moderation.errors.target" });
  } else result = fail(400, "moderation.errors.action");
  if (!result.ok)
    return data(
      { formError: result.message, errorValues: result.values, fields: result.fields ?? {}, values },
      { status: result.status },
    );
  return redirect(result.url);
}

function StateButton({ intent, label, secondary }: { intent: string; label: string; secondary?: boolean }) {
  return (
    <Form method="post">
      <button type="submit" name="intent" value={intent} className={secondary ? "secondary" : undefined}>
        {label}
      </button>
    </Form>
  );
}

export default function TopicAdmin() {
  const { t } = useTranslation();
  const d = useLoaderData<typeof loader>();
  const res = useActionData<typeof action>();
  const f = (res?.fields ?? {}) as Record<string, string | undefined>;
  const v = res?.values ?? { target: "", category: "" };
  const tp = d.topic;
  return (
    <div className="page">
      <h1>{t("moderation.topic.title")}</h1>
      <p>
        <Link to={tp.url}>{tp.title}</Link>
      </p>
      <ul className="topic-states">
        <li>{tp.closed ? t("forum.closed") : t("moderation.topic.open")}</li>
        {tp.pinned ? (
          <li>{t(tp.pinned === "globally" ? "moderation.topic.pinnedGlobally" : "moderation.topic.pinnedCategory")}</li>
        ) : null}
        {tp.archived ? <li>{t("forum.archived")}</li> : null}
        {tp.unlisted ? <li>{t("forum.unlisted")}</li> : null}
        {tp.deleted ? <li>{t("topic.deletedTopic")}</li> : null}
      </ul>
      <FormError message={res?.formError} values={res?.errorValues} />
      <section className="mod-section" aria-labelledby="mod-state">
        <h2 id="mod-state">{t("moderation.topic.state")}</h2>
        <div className="actions">
          {tp.closed ? (
            <StateButton intent="reopen" label={t("moderation.topic.reopen")} />
          ) : (
            <StateButton intent="close" label={t("moderation.topic.close")} />
          )}
          {tp.pinned ? (
            <StateButton intent="unpin" label={t("moderation.topic.unpin")} secondary />
          ) : (
            <>
              <StateButton intent="pin" label={t("moderation.topic.pin")} secondary />
              <StateButton intent="pinGlobally" label={t("moderation.topic.pinGlobally")} secondary />
            </>
          )}
          {tp.archived ? (
            <StateButton intent="unarchive" label={t("moderation.topic.unarchive")} secondary />
          ) : (
            <StateButton intent="archive" label={t("moderation.topic.archive")} secondary />
          )}
          {tp.unlisted ? (
            <StateButton intent="list" label={t("moderation.topic.list")} secondary />
          ) : (
            <StateButton intent="unlist" label={t("moderation.topic.unlist")} secondary />
          )}
        </div>
      </section>
      <section className="mod-section" aria-labelledby="mod-category">
        <h2 id="mod-category">{t("moderation.topic.changeCategory")}</h2>
        <Form method="post" className="stack">
          <Select
            id="topic-category"
            label={t("composer.category")}
            name="category"
            defaultValue={v.category || tp.category}
            error={f.category}
            options={d.categories.map((c) => ({ value: c.slug, label: c.name }))}
          />
          <div className="actions">
            <button type="submit" name="intent" value="category">
              {t("moderation.topic.saveCategory")}
            </button>
          </div>
        </Form>
      </section>
      <section className="mod-section" aria-labelledby="mod-merge">
        <h2 id="mod-merge">{t("moderation.topic.merge")}</h2>
        <Form method="post" className="stack">
          <Field
            label={t("moderation.post.target")}
            name="target"
            type="text"
            defaultValue={v.target}
            error={f.target}
            hint={t("moderation.topic.mergeHint")}
          />
          <div className="actions">
            <button type="submit" name="intent" value="merge">
              {t("moderation.topic.mergeSubmit")}
            </button>
          </div>
        </Form>
      </section>
    </div>
  );
}
