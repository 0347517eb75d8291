// Every hostile input, rendered, must be inert: checked on the HTML string, then for real in one
// Chromium page where every element is hovered, focused and clicked.
import { chromium, type Browser } from "playwright-core";
import { afterAll, describe, expect, test } from "vitest";
import { renderMarkdown } from "../../app/markdown/index.server";
import { CHROMIUM_ARGS, findChromium } from "../setup/chromium";
import { HOSTILE_INPUTS } from "./hostile-inputs";

const refs = {
  usernames: new Set(["bob", "alice"]),
  categories: new Set(["general"]),
};
const rendered = HOSTILE_INPUTS.map((input) => ({ ...input, html: renderMarkdown(input.markdown, refs) }));

// What the pipeline may emit, and nothing more.
const ALLOWED_ATTRIBUTES: Record<string, readonly string[]> = {
  p: [],
  br: [],
  hr: [],
  h2: [],
  h3: [],
  h4: [],
  h5: [],
  h6: [],
  strong: [],
  em: [],
  del: [],
  s: [],
  code: ["class"],
  pre: [],
  blockquote: [],
  ul: [],
  ol: ["start"],
  li: [],
  a: ["href", "title", "rel", "class"],
  img: ["src", "alt", "title", "loading", "decoding"],
  table: [],
  thead: [],
  tbody: [],
  tr: [],
  th: ["align"],
  td: ["align"],
  sup: [],
  sub: [],
  aside: ["class"],
  span: [],
  div: ["class"],
};
const SAFE_HREF = /^(?:https?:\/\/|mailto:|\/(?![/\\]))/i;
const SAFE_SRC = /^(?:https?:\/\/|\/uploads\/)/i;
const DANGEROUS_SCHEME = /^(?:javascript|vbscript|data):/i;
const FORBIDDEN_ELEMENTS = [
  "script",
  "iframe",
  "style",
  "form",
  "meta",
  "base",
  "svg",
  "math",
  "object",
  "embed",
  "link",
  "template",
  "noscript",
  "input",
  "button",
  "textarea",
  "select",
];

const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>/=]+(?:="[^"]*")?)*)\s*(\/?)>/g;
const ATTRIBUTE = /\s+([^\s"'>/=]+)(?:="([^"]*)")?/g;

function decodeAttribute(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/** Problems found in rendered HTML, as sentences; empty when the HTML is inert. */
function problemsIn(html: string): string[] {
  const problems: string[] = [];
  if (/<script/i.test(html)) problems.push("contains <script");
  for (const name of FORBIDDEN_ELEMENTS) {
    if (new RegExp(`<${name}[\\s/>]`, "i").test(html)) problems.push(`contains a <${name}> element`);
  }
  // Every "<" must open or close a well-formed tag: text is escaped.
  const leftover = html.replace(TAG, "");
  if (/[<>]/.test(leftover)) problems.push(`has a stray < or > outside a tag: ${leftover}`);
  for (const [, closing, rawName, attributes] of html.matchAll(TAG)) {
    const name = rawName.toLowerCase();
    const allowed = ALLOWED_ATTRIBUTES[name];
    if (!allowed) {
      problems.push(`has a <${name}> element`);
      continue;
    }
    if (closing) continue;
    for (const [, rawAttr, rawValue = ""] of attributes.matchAll(ATTRIBUTE)) {
      const attr = rawAttr.toLowerCase();
      const value = decodeAttribute(rawValue);
      const squashed = value.replace(/[\u0000-\u0020\u007f]/g, "");
      if (/^on/.test(attr)) problems.push(`has an event handler ${attr} on <${name}>`);
      else if (!allowed.includes(attr)) problems.push(`has attribute ${attr} on <${name}>`);
      if (DANGEROUS_SCHEME.test(squashed)) problems.push(`has ${attr}="${value}" on <${name}>`);
      if (attr === "href" && !SAFE_HREF.test(value)) problems.push(`has an unexpected href "${value}"`);
      if (attr === "src" && !SAFE_SRC.test(value)) problems.push(`has an unexpected src "${value}"`);
    }
  }
  return problems;
}

describe("hostile markdown renders inert HTML", () => {
  test("the list holds at least 110 distinct inputs, each trying to run __xss or navigate", () => {
    expect(HOSTILE_INPUTS.length).toBeGreaterThanOrEqual(110);
    expect(new Set(HOSTILE_INPUTS.map((i) => i.markdown)).size).toBe(HOSTILE_INPUTS.length);
    expect(new Set(HOSTILE_INPUTS.map((i) => i.name)).size).toBe(HOSTILE_INPUTS.length);
    for (const input of HOSTILE_INPUTS) {
      expect(input.markdown, input.name).toMatch(/xss|evil\.example|example\.com|base64/i);
    }
  });

  test("the string checks catch what they are meant to catch", () => {
    expect(problemsIn('<img src="x" onerror="__xss(1)" />')).not.toEqual([]);
    expect(problemsIn('<a href="java&#x09;script:__xss(1)">x</a>')).not.toEqual([]);
    expect(problemsIn("<svg></svg>")).not.toEqual([]);
    expect(problemsIn("<p>a < b</p>")).not.toEqual([]);
    expect(problemsIn('<p><a href="/t/-/1/2" rel="nofollow ugc noopener">ok</a></p>')).toEqual([]);
  });

  test.each(rendered)("$name", ({ html }) => {
    expect(problemsIn(html), html).toEqual([]);
  });
});

const chromiumPath = findChromium();
if (!chromiumPath) console.log("Chromium not found: browser checks of markdown skipped");

describe("hostile markdown in Chromium", () => {
  let browser: Browser | undefined;
  afterAll(async () => {
    await browser?.close();
  });

  test.skipIf(!chromiumPath)(
    "hovering, focusing and clicking every rendered element runs no script, opens no dialog and navigates nowhere",
    async () => {
      browser = await chromium.launch({
        executablePath: chromiumPath!,
        args: CHROMIUM_ARGS,
      });
      const context = await browser.newContext({ javaScriptEnabled: true });
      const page = await context.newPage();
      await page.route("**/*", (route) => route.abort()); // nothing leaves the machine

      const dialogs: string[] = [];
      const navigations: string[] = [];
      const popups: string[] = [];
      page.on("dialog", (dialog) => {
        dialogs.push(`${dialog.type()}: ${dialog.message()}`);
        void dialog.dismiss().catch(() => {});
      });
      context.on("page", (p) => popups.push(p.url()));

      const cases = rendered.map((r, i) => `<div data-case="${i}">${r.html}</div>`).join("\n");
      // Two controls outside #cases prove the harness would notice a handler or a javascript: link.
      await page.setContent(
        `<!doctype html><html><head><meta charset="utf-8"><title>hostile markdown</title><script>
          window.__hits = [];
          window.__xss = function (v) { window.__hits.push({ value: String(v), case: window.__current ?? null }); };
          // Safe destinations would leave this page; cancel them, and let anything else run.
          window.addEventListener("click", function (e) {
            var a = e.target && e.target.closest ? e.target.closest("a[href]") : null;
            if (!a) return;
            var url; try { url = new URL(a.getAttribute("href"), "https://touchpoints.test/"); } catch (err) { return; }
            if (url.protocol === "http:" || url.protocol === "https:" || url.protocol === "mailto:") e.preventDefault();
          }, true);
        </script></head><body>
        <div id="controls"><img src="x" onerror="__xss('control-onerror')"><a
          href="javascript:__xss('control-link')">control</a></div>
        <div id="cases">${cases}</div></body></html>`,
        { waitUntil: "load" },
      );
      page.on("framenavigated", (frame) => navigations.push(frame.url()));

      const domProblems = await page.evaluate(() => {
        const problems: string[] = [];
        const root = document.getElementById("cases")!;
        const forbidden = root.querySelectorAll(
          "script,iframe,style,form,meta,base,svg,math,object,embed,link,template," +
            "noscript,input,button,textarea,select,frame,frameset",
        );
        for (const el of forbidden)
          problems.push(`<${el.localName}> in case ${el.closest("[data-case]")?.getAttribute("data-case")}`);
        for (const el of root.querySelectorAll("*")) {
          for (const attr of el.attributes) {
            const where = `case ${el.closest("[data-case]")?.getAttribute("data-case")}`;
            if (/^on/i.test(attr.name)) problems.push(`${attr.name} on <${el.localName}> in ${where}`);
            if (
              ["href", "src", "action", "formaction", "xlink:href", "srcset", "poster", "background"].includes(
                attr.name,
              )
            ) {
              let protocol = "invalid:";
              try {
                protocol = new URL(attr.value, "https://touchpoints.test/").protocol;
              } catch {
                // not a URL at all: stays "invalid:"
              }
              if (!["http:", "https:", "mailto:"].includes(protocol))
                problems.push(`${attr.name}="${attr.value}" in ${where}`);
            }
          }
        }
        return problems;
      });
      expect(domProblems).toEqual([]);

      await page.evaluate(
        (eventNames) => {
          const w = window as unknown as { __current: string | null; __hits: unknown[] };
          const mouse = [
            "mouseover",
            "mouseenter",
            "mousemove",
            "mousedown",
            "mouseup",
            "click",
            "dblclick",
            "contextmenu",
            "auxclick",
            "pointerover",
            "pointerdown",
            "pointerup",
            "mouseout",
            "mouseleave",
          ];
          const targets = [
            ...document.querySelectorAll("#controls *"),
            ...document.querySelectorAll("#cases [data-case], #cases [data-case] *"),
          ];
          for (const el of targets) {
            w.__current = el.closest("[data-case]")?.getAttribute("data-case") ?? "control";
            for (const type of mouse)
              el.dispatchEvent(new MouseEvent(type, { bubbles: true, cancelable: true, view: window }));
            if (el instanceof HTMLElement) {
              el.focus();
              el.click();
              el.blur();
            }
            for (const type of eventNames) el.dispatchEvent(new Event(type, { bubbles: false, cancelable: true }));
            el.dispatchEvent(new KeyboardEvent("keydown", { bubbles: true, key: "Enter" }));
          }
          w.__current = null;
        },
        [
          "focus",
          "focusin",
          "blur",
          "input",
          "change",
          "toggle",
          "load",
          "error",
          "animationstart",
          "transitionend",
          "begin",
          "scroll",
          "wheel",
          "copy",
          "paste",
        ],
      );
      await page.waitForTimeout(300);

      const hits = await page.evaluate(
        () => (window as unknown as { __hits: { value: string; case: string | null }[] }).__hits,
      );
      const controls = hits.filter((h) => h.value.startsWith("control-")).map((h) => h.value);
      const caseHits = hits
        .filter((h) => !h.value.startsWith("control-"))
        .map((h) => `${h.value} from ${h.case === null ? "an unknown case" : HOSTILE_INPUTS[Number(h.case)]?.name}`);
      const outcome = {
        controls: [...new Set(controls)].sort(),
        caseHits,
        dialogs,
        popups,
        navigations,
        url: page.url(),
        casesLeft: await page.locator("#cases > [data-case]").count(),
      };
      // The controls prove the harness would notice a surviving handler and a javascript: link.
      expect(outcome).toEqual({
        controls: ["control-link", "control-onerror"],
        caseHits: [],
        dialogs: [],
        popups: [],
        navigations: [],
        url: "about:blank",
        casesLeft: rendered.length,
      });
    },
    120_000,
  );
});
