import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  type ShouldRevalidateFunction,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useFetchers,
  useMatches,
  useNavigation,
  useRouteError,
} from "@remix-run/react";
import { useEffect, useMemo, type ReactNode } from "react";
import { I18nextProvider } from "react-i18next";
import { HydratedContext } from "./components/app-link";
import { useTranslation } from "./use-translation";
import { SanctionBanner } from "./components/sanction-banner";
import { SiteFooter } from "./components/site-footer";
import { ENHANCE_SCRIPT, FORMS_SCRIPT, ZOD_CONFIG_SCRIPT, type PageHandle } from "./web/enhance";
import { MEMBER_SCRIPT_SRC } from "./web/member-script";
import { SiteHeader } from "./components/site-header";
import { KeyboardShortcuts } from "./components/keyboard-shortcuts";
import { defaultLocale, requestLocale, sharedI18n, type Locale } from "./i18n";
import { rootCaching, rootHeaders } from "./web/page-caching";
import { SW_REGISTER_SCRIPT, THEME_COLOR } from "./web/service-worker";
import { useRootData } from "./web/root-data";
import { useNonce, useRequestId, useUnavailable } from "./web/request-context";
import stylesHref from "./styles.css";
import { countOpenFlags } from "./models/moderation/flag.server";
import { viewerSanction } from "./models/moderation/sanctions.server";
import { countUnreadNotifications, unreadNotificationsAfterVisit } from "./models/account/notification.server";
import { scopeOf } from "./models/permissions.server";
import { requireTwoFactorEnrolment, resolveViewer } from "./viewer.server";
import { claimHeldForm, clearHeldCookie, heldTokenOf } from "./models/account/held-form.server";
import { restoreTyped } from "./web/keep-typed";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesHref },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
  { rel: "manifest", href: "/manifest.webmanifest" },
];

export const meta: MetaFunction = () => [{ title: "Touchpoints" }];

// personal for anyone with a session; pages every visitor sees alike say so themselves (app/web/page-caching.ts)
export const headers = rootHeaders;

// In the browser: the unread notifications the header shows, as last loaded.
let unreadShown = 0;

// The root's data (who is signed in, their header) changes after a form is sent, or when a page
// that a notification points to is opened (the loader below reads it): only then is it asked again,
// and on a page change only while the header shows unread notifications.
export const shouldRevalidate: ShouldRevalidateFunction = ({
  defaultShouldRevalidate,
  formMethod,
  currentUrl,
  nextUrl,
}) => {
  if ((formMethod && formMethod.toUpperCase() !== "GET") || currentUrl.href === nextUrl.href)
    return defaultShouldRevalidate;
  return unreadShown > 0 && currentUrl.pathname !== nextUrl.pathname;
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { viewer, setCookie } = await resolveViewer(request);
  requireTwoFactorEnrolment(request, viewer);
  const locale = requestLocale(request, viewer?.locale);
  // opening what a notification points to reads it (before the header counts them)
  // (the count came with the session: a GET asks again only when there is something the page could act on;
  // after an action, which may have read some, it is counted afresh)
  const unreadNotifications = !viewer
    ? 0
    : request.method !== "GET"
      ? await countUnreadNotifications(viewer.id)
      : viewer.unreadNotifications
        ? await unreadNotificationsAfterVisit({ userId: viewer.id, pathname: new URL(request.url).pathname })
        : 0;
  // a form held when the session ended (whichever way the member signed in again): say so, on every page but its own
  const held = viewer && heldTokenOf(request) ? await claimHeldForm({ request, userId: viewer.id }) : null;
  const headers = new Headers(rootCaching(request, setCookie));
  if (held === "none") headers.append("Set-Cookie", clearHeldCookie());
  return data(
    {
      locale,
      requestId: context.requestId,
      heldForm: typeof held === "object" && held !== null && new URL(request.url).pathname !== "/held",
      viewer: viewer && {
        username: viewer.username,
        displayName: viewer.displayName,
        // a member's first visit starts at sign-up (lastVisitAt = createdAt): "Welcome", not "Welcome back"
        returning: !!viewer.lastVisitAt && viewer.lastVisitAt.getTime() > viewer.createdAt.getTime(),
        roles: viewer.roles,
        timeZone: viewer.timeZone,
        unreadNotifications,
        // staff and tutors see the review queue's size
        openFlags:
          viewer.roles.includes("admin") || viewer.roles.includes("tutor")
            ? await countOpenFlags({ scope: scopeOf(viewer) })
            : null,
        sanction: viewerSanction(viewer),
        keyboardShortcuts: viewer.keyboardShortcuts !== false,
      },
    },
    { headers },
  );
}

/** Hands a sending form its button back once Remix has its answer (FORMS_SCRIPT marks it busy). */
function useFormsIdle() {
  const navigation = useNavigation();
  const fetchers = useFetchers();
  const idle = navigation.state === "idle" && fetchers.every((f) => f.state === "idle");
  useEffect(() => {
    if (idle) (window as { tpFormsIdle?: () => void }).tpFormsIdle?.();
  }, [idle]);
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
  useFormsIdle();
  useEffect(() => restoreTyped(), []); // the root's effect runs after every route's: the page is React's now
  const unread = root?.viewer?.unreadNotifications ?? 0;
  useEffect(() => {
    unreadShown = unread;
  }, [unread]);
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content={THEME_COLOR} />
        {/* worded here, in the page's language, for the service worker's offline copies (public/sw.js) */}
        <meta name="tp-offline-note" content={i18n.t("offline.copyFrom", { time: "{time}" })} />
        <Meta />
        <Links />
      </head>
      <body
        data-request-id={root?.requestId ?? requestId}
        data-sending={i18n.t("form.sending")}
        data-draft-saved={i18n.t("composer.draftSaved")}
      >
        <I18nextProvider i18n={i18n}>
          <HydratedContext.Provider value={hydrate}>
            <SiteHeader viewer={root?.viewer ?? null} />
            <SanctionBanner sanction={root?.viewer?.sanction ?? null} timeZone={root?.viewer?.timeZone} />
            <main id="main" tabIndex={-1}>
              {root?.heldForm ? (
                <p className="notice held-notice" role="status">
                  {i18n.t("held.notice")} <a href="/held">{i18n.t("held.review")}</a>
                </p>
              ) : null}
              {children}
            </main>
            <SiteFooter />
            {root?.viewer?.keyboardShortcuts ? <KeyboardShortcuts /> : null}
          </HydratedContext.Provider>
        </I18nextProvider>
        <script dangerouslySetInnerHTML={{ __html: FORMS_SCRIPT }} />
        <script dangerouslySetInnerHTML={{ __html: SW_REGISTER_SCRIPT }} />
        {/* members only (only members write): the composer's suggestions and images (paste, drop, pick), and the
            shortcuts (inert while the member has them off), in one file the browser keeps */}
        {root?.viewer ? <script src={MEMBER_SCRIPT_SRC} defer /> : null}
        {hydrate ? (
          <>
            {/* constant inline scripts are allowed by hash (app/web/inline-scripts.server.ts) and carry no nonce */}
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
        ? [
            t("errors.forbiddenTitle"),
            isRouteErrorResponse(error) && error.data === "origin" ? t("errors.origin") : t("errors.forbidden"),
          ]
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
