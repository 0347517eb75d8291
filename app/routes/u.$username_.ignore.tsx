// Ignore a member, or stop: their posts fold away and they cannot start a conversation with you.
// The profile's button posts here; a refusal (yourself, staff) is shown on this page with a way back.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useParams } from "@remix-run/react";
import { useTranslation } from "~/use-translation";
import { FormError } from "~/components/field";
import { notFound, readForm } from "~/web/http.server";
import { setIgnored } from "~/models/forum/messages.server";
import { IgnoreSchema } from "~/models/shared/forms.server";
import { scopeOf } from "~/models/permissions.server";
import { requireViewer } from "~/viewer.server";
import { pageTitle } from "~/web/page-title";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "messages.ignoreTitle") },
  { name: "robots", content: "noindex" },
];

// a page of its own (not a redirect): a refused post renders it again with the reason
export async function loader({ request }: LoaderFunctionArgs) {
  await requireViewer(request);
  return null;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const scope = scopeOf(await requireViewer(request));
  const parsed = IgnoreSchema.safeParse(await readForm(request));
  if (!parsed.success) return data({ formError: "errors.forbidden" }, 400);
  const result = await setIgnored({
    scope,
    username: params.username ?? "",
    ignore: parsed.data.intent === "ignore",
  });
  if (!result.ok && result.status === 404) notFound();
  if (!result.ok) return data({ formError: result.message }, result.status);
  return redirect(`/u/${encodeURIComponent(result.username)}`);
}

export default function IgnoreMember() {
  const { t } = useTranslation();
  const res = useActionData<typeof action>();
  const { username = "" } = useParams();
  return (
    <div className="page narrow">
      <h1>{t("messages.ignoreTitle")}</h1>
      <FormError message={res?.formError} />
      <p className="muted">{t("messages.ignoredHelp")}</p>
      <Form method="post" className="actions">
        <button type="submit" name="intent" value="ignore">
          {t("messages.ignore")}
        </button>
        <button type="submit" name="intent" value="unignore" className="secondary">
          {t("messages.unignore")}
        </button>
      </Form>
      <p>
        <Link to={`/u/${encodeURIComponent(username)}`}>{t("messages.backToProfile")}</Link>
      </p>
    </div>
  );
}
