import { redirect, type ActionFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form } from "@remix-run/react";
import { useTranslation } from "~/use-translation";
import { endSession } from "~/auth.server";
import { pageTitle } from "~/web/page-title";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "logout.title") }];

export async function action({ request }: ActionFunctionArgs) {
  return redirect("/", { headers: { "Set-Cookie": await endSession(request) } });
}

// GET shows a confirmation: signing out only happens by POST.
export default function Logout() {
  const { t } = useTranslation();
  return (
    <div className="page narrow">
      <h1>{t("logout.title")}</h1>
      <p>{t("logout.confirm")}</p>
      <Form method="post">
        <button type="submit">{t("nav.signOut")}</button>
      </Form>
    </div>
  );
}
