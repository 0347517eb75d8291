// Language of the interface (and of a member's emails): the page behind the footer's switch.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { FormError } from "~/components/field";
import { readForm } from "~/web/http.server";
import { sharedI18n } from "~/i18n";
import { cookieLocale, localeNames, pickLocale, supportedLocales } from "~/locale";
import { chooseLanguage, LanguageSchema } from "~/models/account/language.server";
import { useRootData } from "~/web/root-data";
import { useTranslation } from "~/use-translation";
import { getViewer, safeRedirect } from "~/viewer.server";

export const handle = { hydrate: false };

export const meta: MetaFunction = ({ matches }) => {
  const root = matches.find((m) => m.id === "root")?.data as { locale?: "en" | "fr" } | undefined;
  return [
    { title: `${sharedI18n(root?.locale ?? "en").t("language.title")} · Touchpoints` },
    { name: "robots", content: "noindex" },
  ];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  const chosen = viewer ? viewer.locale : cookieLocale(request.headers.get("Cookie"));
  const saved = new URL(request.url).searchParams.has("saved");
  return { chosen: chosen ?? "auto", browser: pickLocale(null, request.headers.get("Accept-Language")), saved };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await getViewer(request);
  const parsed = LanguageSchema.safeParse(await readForm(request));
  if (!parsed.success) return data({ formError: "language.invalid" }, { status: 422 });
  const setCookie = await chooseLanguage(viewer?.id ?? null, parsed.data.locale);
  const to = safeRedirect(parsed.data.returnTo, "/language");
  return redirect(to.startsWith("/language") ? "/language?saved=1" : to, { headers: { "Set-Cookie": setCookie } });
}

export default function Language() {
  const { t } = useTranslation();
  const d = useLoaderData<typeof loader>();
  const res = useActionData<typeof action>();
  const signedIn = !!useRootData()?.viewer;
  return (
    <div className="page narrow">
      <h1>{t("language.title")}</h1>
      <p>{signedIn ? t("language.introMember") : t("language.introVisitor")}</p>
      {d.saved && !res ? (
        <p className="notice" role="status">
          {t("language.saved")}
        </p>
      ) : null}
      <FormError message={res?.formError} />
      <form method="post" className="stack">
        <fieldset className="field">
          <legend>{t("language.choose")}</legend>
          {supportedLocales.map((l) => (
            <div key={l}>
              <input type="radio" id={`locale-${l}`} name="locale" value={l} defaultChecked={d.chosen === l} />
              <label htmlFor={`locale-${l}`} lang={l}>
                {localeNames[l]}
              </label>
            </div>
          ))}
          <div>
            <input type="radio" id="locale-auto" name="locale" value="auto" defaultChecked={d.chosen === "auto"} />
            <label htmlFor="locale-auto">{t("language.auto", { name: localeNames[d.browser] })}</label>
          </div>
        </fieldset>
        <div className="actions">
          <button type="submit">{t("language.save")}</button>
        </div>
      </form>
    </div>
  );
}
