// The accessibility check every browser test relies on (test/setup/browser.ts) must itself find violations:
// a page with an image without text, a field without a label and unreadable grey text fails it, with
// JavaScript on and off, and the same page made right passes.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { expectAccessible, hasChromium, launchBrowser, newPage } from "../setup/browser";

const page = (body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Check</title></head>` +
  `<body style="display:flex;background:#fff"><main>${body}</main></body></html>`;
const BAD = page(`<h1>Check</h1><img src="/x.png"><input type="text"><p style="color:#ddd">grey on white</p>`);
const GOOD = page(
  `<h1>Check</h1><img src="/x.png" alt="A chart"><label>Name <input type="text"></label><p>black on white</p>`,
);

describe.skipIf(!hasChromium)("the accessibility check", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const javaScriptEnabled of [true, false]) {
    test(`finds what is wrong, and passes what is right (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async () => {
      const p = await newPage(browser, { javaScriptEnabled });
      await p.context().route("http://axe.test/**", (route) => {
        const url = route.request().url();
        if (url.endsWith(".png")) return route.fulfill({ status: 404, body: "" });
        return route.fulfill({ contentType: "text/html", body: url.endsWith("/good") ? GOOD : BAD });
      });
      await p.goto("http://axe.test/bad");
      const failure = await expectAccessible(p).then(
        () => "",
        // the assertion's message abbreviates the list: the violations are its actual value
        (e: Error & { actual?: unknown }) => JSON.stringify(e.actual ?? e.message),
      );
      expect(failure).toContain("image-alt");
      expect(failure).toContain("label");
      expect(failure).toContain("color-contrast");
      await p.goto("http://axe.test/good");
      await expectAccessible(p);
      await p.context().close();
    });
  }
});
