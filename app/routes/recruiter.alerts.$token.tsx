// The unsubscribe link of a saved-search alert mail: no sign-in (the link is the key, and it can
// only turn that one alert off). GET asks, POST turns it off (mail clients' one-click POST too).
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/use-translation";
import { notFound } from "~/web/http.server";
import { getAlertByToken, unsubscribeAlert } from "~/models/directory/search-alert.server";
import { pageTitle } from "~/web/page-title";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "desk.alerts.unsubscribeTitle") },
  { name: "robots", content: "noindex" },
];

// the address is the key: no cache keeps it, no Referer carries it elsewhere
export const headers: HeadersFunction = () => ({
  "Cache-Control": "private, no-store",
  "Referrer-Policy": "no-referrer",
});

export async function loader({ params }: LoaderFunctionArgs) {
  const search = await getAlertByToken({ token: params.token ?? "" });
  if (!search) notFound();
  return { name: search.name, alerts: search.alerts };
}

export async function action({ params }: ActionFunctionArgs) {
  const result = await unsubscribeAlert({ token: params.token ?? "" });
  if (!result.ok) notFound();
  return { done: true };
}

export default function Unsubscribe() {
  const { t } = useTranslation();
  const { name, alerts } = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>();
  return (
    <div className="page">
      <h1>{t("desk.alerts.unsubscribeTitle")}</h1>
      {a?.done || !alerts ? (
        <p className="notice" role="status">
          {t("desk.alerts.unsubscribed", { name })}
        </p>
      ) : (
        <Form method="post">
          <p>{t("desk.alerts.unsubscribeAsk", { name })}</p>
          <button type="submit">{t("desk.alerts.unsubscribeButton")}</button>
        </Form>
      )}
    </div>
  );
}
