// Flag a post for the moderators: a reason (a note when it is "something else").
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/use-translation";
import { FormError } from "~/components/field";
import { TextArea } from "~/components/form-extras";
import { db } from "~/db.server";
import { keepValues, notFound, positiveId, readForm } from "~/web/http.server";
import { renderPlainExcerpt } from "~/markdown/excerpt.server";
import { flagPost, getReadablePost } from "~/models/moderation/flag.server";
import { FLAG_NOTE_MAX, FLAG_REASONS, type FlagReason } from "~/models/moderation/moderation.schema";
import { rateLimit, userKey } from "~/models/account/rate-limit.server";
import { scopeOf, type Scope } from "~/models/permissions.server";
import { requireViewer } from "~/viewer.server";
import { pageTitle } from "~/web/page-title";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "topic.flag") },
  { name: "robots", content: "noindex" },
];

// Any state: right after the flag that hides it, the page still answers (with the thanks).
async function flaggable(scope: Scope, id: string | undefined) {
  const postId = positiveId(id);
  const found = postId ? await getReadablePost(db, scope, postId, { anyState: true }) : undefined;
  if (!found) notFound();
  return found;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const { post, topic, url, own, readable } = await flaggable(scopeOf(viewer), params.id);
  const open = await db
    .selectFrom("flags")
    .select("id")
    .where("post_id", "=", post.id)
    .where("user_id", "=", viewer.id)
    .where("resolved_at", "is", null)
    .executeTakeFirst();
  return {
    number: post.post_number,
    title: topic.title,
    url,
    own,
    already: !!open,
    hidden: !!post.hidden_at || !readable,
    excerpt: readable ? renderPlainExcerpt(post.body_html, 240) : "",
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const scope = scopeOf(await requireViewer(request));
  const { post } = await flaggable(scope, params.id);
  const form = await readForm(request);
  const values = keepValues({ reason: form.reason ?? "", note: form.note ?? "" });
  const result =
    (await rateLimit("flag", userKey(scope.userId!))) ??
    (await flagPost({ scope, postId: post.id, reason: form.reason as FlagReason, note: form.note }));
  if (!result.ok)
    return data(
      {
        done: false as const,
        formError: result.message,
        errorValues: result.values,
        fields: result.fields ?? {},
        values,
      },
      { status: result.status },
    );
  return {
    done: true as const,
    hidden: result.hidden,
    formError: undefined,
    errorValues: undefined,
    fields: {} as Record<string, string | undefined>,
    values: {} as Record<string, string>,
  };
}

export default function FlagPost() {
  const { t } = useTranslation();
  const d = useLoaderData<typeof loader>();
  const res = useActionData<typeof action>();
  const v = res?.values ?? {};
  const f = res?.fields ?? {};
  return (
    <div className="page narrow">
      <h1>{t("moderation.flag.title", { number: d.number })}</h1>
      <p>
        <Link to={d.url}>{t("moderation.post.heading", { number: d.number, title: d.title })}</Link>
      </p>
      {d.excerpt ? <blockquote className="excerpt">{d.excerpt}</blockquote> : null}
      {res?.done ? (
        <div className="notice" role="status">
          <p>{t(res.hidden ? "moderation.flag.doneHidden" : "moderation.flag.done")}</p>
          <p>
            <Link to={d.url}>{t("moderation.backToPost")}</Link>
          </p>
        </div>
      ) : d.own ? (
        <p className="notice">{t("moderation.flag.errors.own")}</p>
      ) : d.already ? (
        <p className="notice">{t("moderation.flag.errors.twice")}</p>
      ) : d.hidden ? (
        <p className="notice">{t("moderation.flag.errors.hidden")}</p>
      ) : (
        <>
          <FormError message={res?.formError} values={res?.errorValues} />
          <Form method="post" className="stack" noValidate>
            <fieldset className="field choice-list" aria-describedby={f.reason ? "reason-error" : undefined}>
              <legend>{t("moderation.flag.why")}</legend>
              {FLAG_REASONS.map((r) => (
                <label key={r} className="choice">
                  <input type="radio" name="reason" value={r} defaultChecked={v.reason === r} required />
                  <span>
                    <strong>{t(`moderation.flag.reasons.${r}`)}</strong>
                    <span className="hint">{t(`moderation.flag.reasonHints.${r}`)}</span>
                  </span>
                </label>
              ))}
              {f.reason ? (
                <p className="field-error" id="reason-error">
                  {t(f.reason)}
                </p>
              ) : null}
            </fieldset>
            <TextArea
              label={t("moderation.flag.note")}
              hint={t("moderation.flag.noteHint")}
              name="note"
              rows={4}
              maxLength={FLAG_NOTE_MAX}
              defaultValue={v.note}
              error={f.note}
            />
            <div className="actions">
              <button type="submit">{t("moderation.flag.submit")}</button>
              <Link to={d.url} className="button secondary">
                {t("composer.cancel")}
              </Link>
            </div>
          </Form>
        </>
      )}
    </div>
  );
}
