// A member deletes their account, after confirming with their password (or their username when
// the account has none). A wrong confirmation writes nothing and says so.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useId } from "react";
import { endSession } from "~/auth.server";
import { Field, FormError } from "~/components/field";
import type { PageHandle } from "~/web/enhance";
import { readForm } from "~/web/http.server";
import { sharedI18n } from "~/i18n";
import { deleteAccount, getDeletionForm } from "~/models/account/account-deletion.server";
import type { RootData } from "~/web/root-data";
import { useTranslation } from "~/use-translation";
import { requireViewer } from "~/viewer.server";

export const handle: PageHandle = { hydrate: false };

export const meta: MetaFunction = ({ matches }) => {
  const root = matches.find((m) => m.id === "root")?.data as RootData | undefined;
  return [
    { title: `${sharedI18n(root?.locale ?? "en").t("privacy.delete.title")} · Touchpoints` },
    { name: "robots", content: "noindex" },
  ];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  return { username: viewer.username, ...(await getDeletionForm({ userId: viewer.id })) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const form = await readForm(request);
  const result = await deleteAccount({ userId: viewer.id, form, ip: context.clientIp });
  // the password is never sent back; the choice about posts is
  if (!result.ok)
    return data(
      {
        formError: result.message,
        fields: result.fields,
        values: result.values,
        removePosts: form.removePosts === "on",
      },
      { status: result.status },
    );
  return redirect("/privacy?deleted=1", { headers: { "Set-Cookie": await endSession(request) } });
}

export default function DeleteAccount() {
  const { t } = useTranslation();
  const { username, hasPassword } = useLoaderData<typeof loader>();
  const res = useActionData<typeof action>();
  const removeId = useId();
  return (
    <div className="page narrow">
      <h1>{t("privacy.delete.title")}</h1>
      <FormError message={res?.formError} values={res?.values} />
      <p>{t("privacy.delete.intro")}</p>
      <p>
        <Link to="/privacy#after-deletion">{t("privacy.delete.keptLink")}</Link>
      </p>
      <p>
        {t("privacy.delete.exportFirst")} <Link to="/my/data">{t("privacy.page.exportLink")}</Link>
      </p>
      <Form method="post" className="stack" noValidate>
        {hasPassword ? (
          <Field
            label={t("privacy.delete.confirmPassword")}
            hint={t("privacy.delete.confirmPasswordHint")}
            name="confirm"
            type="password"
            autoComplete="current-password"
            required
            error={res?.fields?.confirm}
          />
        ) : (
          <Field
            label={t("privacy.delete.confirmUsername")}
            hint={t("privacy.delete.confirmUsernameHint", { username })}
            name="confirm"
            type="text"
            autoComplete="off"
            required
            error={res?.fields?.confirm}
          />
        )}
        <div className="field checkbox">
          <input
            type="checkbox"
            id={removeId}
            name="removePosts"
            defaultChecked={res?.removePosts}
            aria-describedby={`${removeId}-hint`}
          />
          <label htmlFor={removeId}>{t("privacy.delete.removePosts")}</label>
          <p className="hint" id={`${removeId}-hint`}>
            {t("privacy.delete.removePostsHint")}
          </p>
        </div>
        <div className="actions">
          <button type="submit">{t("privacy.delete.submit")}</button>{" "}
          <Link to="/my/data" className="button secondary">
            {t("privacy.delete.cancel")}
          </Link>
        </div>
      </Form>
    </div>
  );
}
