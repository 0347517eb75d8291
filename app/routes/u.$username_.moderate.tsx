// Staff only: silence (read but not post) or suspend a member for some days, with a reason the
// member is shown; or lift it. Everyone else gets a 404.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useId } from "react";
import { useTranslation } from "~/use-translation";
import { Field, FormError } from "~/components/field";
import { notFound, readForm } from "~/web/http.server";
import { SANCTION_KINDS, type SanctionKind } from "~/models/moderation/moderation.schema";
import {
  getMemberForModeration,
  liftSanction,
  sanctionMember,
  viewerSanction,
} from "~/models/moderation/sanctions.server";
import { scopeOf } from "~/models/permissions.server";
import { useRootData } from "~/web/root-data";
import { requireViewer } from "~/viewer.server";
import { pageTitle } from "~/web/page-title";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "member.moderate") },
  { name: "robots", content: "noindex" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = scopeOf(await requireViewer(request));
  const member = await getMemberForModeration({ scope, username: params.username ?? "" });
  if (!member) notFound();
  return {
    member: {
      username: member.username,
      name: member.display_name,
      staff: member.is_staff,
      self: member.id === scope.userId,
    },
    sanction: viewerSanction({
      silencedUntil: member.silenced_until,
      suspendedUntil: member.suspended_until,
      sanctionReason: member.sanction_reason,
    }),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const scope = scopeOf(await requireViewer(request));
  const member = await getMemberForModeration({ scope, username: params.username ?? "" });
  if (!member) notFound();
  const form = await readForm(request);
  const values = {
    kind: form.kind ?? "",
    days: (form.days ?? "").slice(0, 10),
    reason: (form.reason ?? "").slice(0, 2000),
  };
  const result =
    form.intent === "lift"
      ? await liftSanction({ scope, userId: member.id })
      : await sanctionMember({
          scope,
          userId: member.id,
          kind: values.kind as SanctionKind,
          days: Number(values.days || NaN),
          reason: values.reason,
        });
  if (!result.ok)
    return data(
      { formError: result.message, errorValues: result.values, fields: result.fields ?? {}, values },
      { status: result.status },
    );
  return redirect(`/u/${member.username}/moderate?saved=1`);
}

export default function ModerateMember() {
  const { t } = useTranslation();
  const d = useLoaderData<typeof loader>();
  const res = useActionData<typeof action>();
  const [params] = useSearchParams();
  const timeZone = useRootData()?.viewer?.timeZone ?? "UTC";
  const reasonId = useId();
  const f = (res?.fields ?? {}) as Record<string, string | undefined>;
  const v = res?.values ?? { kind: "silence", days: "7", reason: "" };
  const until = (iso: string) => new Date(iso);
  return (
    <div className="page narrow">
      <h1>{t("moderation.sanction.title", { name: d.member.name })}</h1>
      <p>
        <Link to={`/u/${d.member.username}`}>@{d.member.username}</Link>
      </p>
      {params.has("saved") && !res ? (
        <p className="notice" role="status">
          {t("moderation.sanction.saved")}
        </p>
      ) : null}
      {d.sanction ? (
        <div className="notice">
          <p>
            {t(
              d.sanction.kind === "suspended"
                ? "moderation.sanction.currentSuspended"
                : "moderation.sanction.currentSilenced",
              {
                until: until(d.sanction.until),
                reason: d.sanction.reason,
                formatParams: { until: { dateStyle: "medium", timeStyle: "short", timeZone } },
              },
            )}
          </p>
          <Form method="post">
            <button type="submit" name="intent" value="lift" className="secondary">
              {t("moderation.sanction.lift")}
            </button>
          </Form>
        </div>
      ) : (
        <p>{t("moderation.sanction.none")}</p>
      )}
      <FormError message={res?.formError} values={res?.errorValues} />
      {d.member.staff || d.member.self ? (
        <p className="muted">
          {t(d.member.self ? "moderation.sanction.errors.self" : "moderation.sanction.errors.staff")}
        </p>
      ) : (
        <Form method="post" className="stack" noValidate>
          <fieldset className="field choice-list" aria-describedby={f.kind ? "kind-error" : undefined}>
            <legend>{t("moderation.sanction.kind")}</legend>
            {SANCTION_KINDS.map((k) => (
              <label key={k} className="choice">
                <input type="radio" name="kind" value={k} defaultChecked={v.kind === k} />
                <span>
                  <strong>{t(`moderation.sanction.kinds.${k}`)}</strong>
                  <span className="hint">{t(`moderation.sanction.kindHints.${k}`)}</span>
                </span>
              </label>
            ))}
            {f.kind ? (
              <p className="field-error" id="kind-error">
                {t(f.kind)}
              </p>
            ) : null}
          </fieldset>
          <Field
            label={t("moderation.sanction.days")}
            name="days"
            type="number"
            min={1}
            max={3650}
            inputMode="numeric"
            defaultValue={v.days}
            error={f.days}
          />
          <div className="field">
            <label htmlFor={reasonId}>{t("moderation.sanction.reason")}</label>
            <p className="hint" id={`${reasonId}-hint`}>
              {t("moderation.sanction.reasonHint")}
            </p>
            <textarea
              id={reasonId}
              name="reason"
              rows={3}
              maxLength={500}
              defaultValue={v.reason}
              aria-invalid={f.reason ? true : undefined}
              aria-describedby={[f.reason ? `${reasonId}-error` : null, `${reasonId}-hint`].filter(Boolean).join(" ")}
            />
            {f.reason ? (
              <p className="field-error" id={`${reasonId}-error`}>
                {t(f.reason)}
              </p>
            ) : null}
          </div>
          <div className="actions">
            <button type="submit" name="intent" value="sanction">
              {t("moderation.sanction.submit")}
            </button>
          </div>
        </Form>
      )}
    </div>
  );
}
