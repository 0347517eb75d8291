// Visitors' directory pages without React or Remix's document machinery.
//
// A visitor (no session cookie) asking for /directory or a level view gets the page the Remix route
// would render: the same content string (components/directory-page.ts) inside the same document.
// The document's frame (head, site header, footer) is the root layout's, rendered by React once per
// language and address and kept with two slots (the address's query, for the language switch's
// return address, and the request id). On a 2-core machine Remix's document path cost about 1.1 ms
// of CPU per page, as much again as the page's own work; see scripts/bench-directory.ts.
//
// Anything else (members, unknown views, other methods) is left to Remix, as is any failure here.
// test/integration/visitor-pages.test.ts compares the two answers byte for byte.
import { renderToString } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { StaticRouter } from "react-router-dom/server";
import { HydratedContext } from "./components/app-link";
import { directoryPageHtml, directoryTitleTag } from "./components/directory-page";
import { SiteFooter } from "./components/site-footer";
import { SiteHeader } from "./components/site-header";
import { FORMS_SCRIPT } from "./enhance";
import { escapeHtml } from "./html";
import { sharedI18n } from "./i18n";
import { localeFor, type Locale } from "./locale";
import { LEVEL_VIEWS } from "./models/directory.schema";
import { loadDirectoryPage } from "./models/directory-page.server";
import stylesHref from "./styles.css";

export type VisitorRequest = {
  method: string;
  url: string;
  cookie?: string;
  acceptLanguage?: string;
  requestId: string;
};
export type VisitorPage = { status: number; headers: Record<string, string>; body: Buffer };

const SESSION = /(?:^|;\s*)tp_session=/;
const DIRECTORY = /^\/directory(?:\/([a-z]+))?$/;
// the slots: characters React writes as they are and no address or id contains
const SEARCH_SLOT = "?\u0001search\u0002";
const ID_SLOT = "\u0001id\u0002";

// a frame is kept per language and address, and the address decides the title (the level view)
type Frame = { head: string; body: string; tail: string };
const frames = new Map<string, Frame>();

/** The root layout around a page that loads no React bundle, for a visitor: the head with the title, then the rest around <main>. */
function frameFor(locale: Locale, pathname: string, title: () => string): Frame {
  const key = `${locale}|${pathname}`;
  let frame = frames.get(key);
  if (frame) return frame;
  const i18n = sharedI18n(locale);
  const around = renderToString(
    <StaticRouter location={{ pathname, search: SEARCH_SLOT }}>
      <I18nextProvider i18n={i18n}>
        <HydratedContext.Provider value={false}>
          <SiteHeader viewer={null} />
          <main id="main" tabIndex={-1}>
            {ID_SLOT}
          </main>
          <SiteFooter />
        </HydratedContext.Provider>
      </I18nextProvider>
    </StaticRouter>,
  );
  const [before, after] = around.split(`<main id="main" tabindex="-1">${ID_SLOT}</main>`);
  frame = {
    head: `<!DOCTYPE html><html lang="${locale}"><head><meta charSet="utf-8"/><meta name="viewport" content="width=device-width, initial-scale=1"/><title>${escapeHtml(title())}`,
    body: `</title><link rel="stylesheet" href="${escapeHtml(stylesHref)}"/><link rel="icon" href="/favicon.svg" type="image/svg+xml"/></head><body data-request-id="${ID_SLOT}" data-sending="${escapeHtml(i18n.t("form.sending"))}" data-draft-saved="${escapeHtml(i18n.t("composer.draftSaved"))}">${before}<main id="main" tabindex="-1">`,
    // the root layout's forms script (every page has it), allowed by its hash
    tail: `</main>${after}<script>${FORMS_SCRIPT}</script></body></html>`,
  };
  if (frames.size > 100) frames.clear();
  frames.set(key, frame);
  return frame;
}

/** The page for a visitor, or null when Remix should answer. */
export async function visitorPage(req: VisitorRequest): Promise<VisitorPage | null> {
  if (req.method !== "GET" || SESSION.test(req.cookie ?? "")) return null;
  const url = new URL(req.url, "http://localhost");
  const m = DIRECTORY.exec(url.pathname);
  if (!m || (m[1] && !LEVEL_VIEWS[m[1]])) return null;
  const locale = localeFor({ cookie: req.cookie, acceptLanguage: req.acceptLanguage });
  const { t } = sharedI18n(locale);
  const data = await loadDirectoryPage(null, url.searchParams, m[1]);
  const main = directoryPageHtml(data, { t, lang: locale, pathname: url.pathname });
  const frame = frameFor(locale, url.pathname, () => directoryTitleTag(t, data.fixedLevel));
  const id = escapeHtml(req.requestId);
  const search = escapeHtml(url.search);
  const html =
    frame.head +
    frame.body.replace(ID_SLOT, () => id) +
    `<div class="page directory-page">${main}</div>` +
    frame.tail.replace(SEARCH_SLOT, () => search);
  const body = Buffer.from(html);
  return {
    status: 200,
    headers: { "Content-Type": "text/html; charset=utf-8", "Content-Language": locale, Vary: "Accept-Language, Cookie", "Content-Length": String(body.byteLength), "X-Visitor-Page": "direct" },
    body,
  };
}
