import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useMemo, type ReactNode } from "react";
import { I18nextProvider } from "react-i18next";
import { HydratedContext } from "./components/app-link";
import { useTranslation } from "./use-translation";
import { SanctionBanner } from "./components/sanction-banner";
import { SiteFooter } from "./components/site-footer";
import { ENHANCE_SCRIPT, ZOD_CONFIG_SCRIPT, type PageHandle } from "./enhance";
import { SiteHeader } from "./components/site-header";
import { defaultLocale, requestLocale, sharedI18n, type Locale } from "./i18n";
import { useNonce, useRequestId, useUnavailable } from "./request-context";
import stylesHref from "./styles.css";
import { countOpenFlags } from "./models/flag.server";
import { viewerSanction } from "./models/moderation.server";
import { countUnreadNotifications } from "./models/notification.server";
import { scopeOf } from "./permissions.server";
import { requireTwoFactorEnrolment, resolveViewer } from "./viewer.server";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesHref },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Touchpoints" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { viewer, setCookie } = await resolveViewer(request);
  requireTwoFactorEnrolment(request, viewer);
  const locale = requestLocale(request, viewer?.locale);
  return data(
    {
      locale,
      requestId: context.requestId,
      viewer: viewer && {
        username: viewer.username,
        displayName: viewer.displayName,
        roles: viewer.roles,
        timeZone: viewer.timeZone,
        unreadNotifications: await countUnreadNotifications(viewer.id),
        // staff and tutors see the review queue's size
        openFlags: viewer.roles.includes("admin") || viewer.roles.includes("tutor") ? await countOpenFlags({ scope: scopeOf(viewer) }) : null,
        sanction: viewerSanction(viewer),
      },
    },
    setCookie ? { headers: { "Set-Cookie": setCookie } } : undefined,
  );
}

export type RootData = Awaited<ReturnType<typeof loader>>["data"];

export function useRootData() {
  return useRouteLoaderData<typeof loader>("root");
}

export function Layout({ children }: { children: ReactNode }) {
  const root = useRootData();
  const requestId = useRequestId();
  const nonce = useNonce();
  const locale: Locale = root?.locale ?? defaultLocale;
  const i18n = useMemo(() => sharedI18n(locale), [locale]);
  // Reading pages skip the React bundle: plain HTML forms, plus a few lines of script inlined.
  const handles = useMatches().map((m) => (m.handle ?? {}) as PageHandle);
  const hydrate = handles.every((h) => h.hydrate !== false);
  // the script improves the composer, which only members see
  const enhance = !!root?.viewer && handles.some((h) => h.enhance);
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body data-request-id={root?.requestId ?? requestId}>
        <I18nextProvider i18n={i18n}>
          <HydratedContext.Provider value={hydrate}>
          <SiteHeader viewer={root?.viewer ?? null} />
          <SanctionBanner sanction={root?.viewer?.sanction ?? null} timeZone={root?.viewer?.timeZone} />
          <main id="main" tabIndex={-1}>
            {children}
          </main>
          <SiteFooter />
          </HydratedContext.Provider>
        </I18nextProvider>
        {hydrate ? (
          <>
            {/* constant inline scripts are allowed by hash (app/inline-scripts.server.ts) and carry no nonce */}
            <script dangerouslySetInnerHTML={{ __html: ZOD_CONFIG_SCRIPT }} />
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        ) : enhance ? (
          <script dangerouslySetInnerHTML={{ __html: ENHANCE_SCRIPT }} />
        ) : null}
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const requestId = useRequestId();
  const unavailable = useUnavailable();
  const status = isRouteErrorResponse(error) ? error.status : unavailable ? 503 : 500;
  const [title, text] =
    status === 404
      ? [t("errors.notFoundTitle"), t("errors.notFound")]
      : status === 403
        ? [t("errors.forbiddenTitle"), isRouteErrorResponse(error) && error.data === "origin" ? t("errors.origin") : t("errors.forbidden")]
        : status === 503
          ? [t("errors.unavailableTitle"), t("errors.unavailable")]
          : status === 429
            ? [t("errors.title"), t("errors.tooMany")]
            : status === 400
              ? [t("errors.badRequestTitle"), t("errors.badRequest")]
              : [t("errors.title"), t("errors.serverError")];
  return (
    <div className="page narrow">
      <h1>{title}</h1>
      <p>{text}</p>
      {requestId ? <p className="muted">{t("errors.requestId", { id: requestId })}</p> : null}
      <p>
        <a href="/">{t("errors.home")}</a>
      </p>
    </div>
  );
}
