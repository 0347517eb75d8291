// The unsubscribe link of every mail but account mail: no sign-in (the signed token is the key, and it
// can only turn one kind of mail off for one member). GET asks; POST turns it off, the form's and mail
// providers' one-click POST alike (RFC 8058; the Origin check lets this address through). Idempotent.
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/use-translation";
import { notFound } from "~/web/http.server";
import { getUnsubscribe, unsubscribe } from "~/models/account/unsubscribe.server";
import { pageTitle } from "~/web/page-title";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "emailReach.unsubscribe.title") },
  { name: "robots", content: "noindex" },
];

// the address is the key: no cache keeps it, no Referer carries it elsewhere
export const headers: HeadersFunction = () => ({
  "Cache-Control": "private, no-store",
  "Referrer-Policy": "no-referrer",
});

export async function loader({ params }: LoaderFunctionArgs) {
  const found = await getUnsubscribe({ token: params.token ?? "" });
  if (!found) notFound();
  return found;
}

export async function action({ params }: ActionFunctionArgs) {
  const done = await unsubscribe({ token: params.token ?? "" });
  if (!done) notFound();
  return done;
}

export default function Unsubscribe() {
  const { t } = useTranslation();
  const found = useLoaderData<typeof loader>();
  const acted = useActionData<typeof action>();
  const what = t(`emailReach.unsubscribe.kinds.${found.kind}`);
  return (
    <div className="page narrow">
      <h1>{t("emailReach.unsubscribe.title")}</h1>
      {acted?.done || found.done ? (
        <p className="notice" role="status">
          {t("emailReach.unsubscribe.done", { what })}
        </p>
      ) : (
        <Form method="post">
          <p>{t("emailReach.unsubscribe.ask", { what })}</p>
          <button type="submit">{t("emailReach.unsubscribe.button")}</button>
        </Form>
      )}
      <p>{t("emailReach.unsubscribe.settings")}</p>
    </div>
  );
}
