// Inputs rendered without a `type` (the Field component's default) look and size like every other
// input (44 px tap targets on phones), and the notification bell is a drawing, not an emoji that
// shows as a box where no emoji font is installed; its accessible name stays.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createUser } from "../factories/users";
import { startApp, type TestApp } from "../setup/app";
import { expectAccessible, hasChromium, launchBrowser } from "../setup/browser";
import { signedInPage } from "../setup/session";

describe.skipIf(!hasChromium)("form controls and the bell", () => {
  let app: TestApp;
  let browser: Browser;
  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp({ JOBS: "off" }), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  test("an input without a type is styled like a text input; the bell is an SVG with its name", async () => {
    const user = await createUser({ username: "fc_member" });
    const page = await signedInPage(browser, app, user);
    await page.goto(`${app.url}/recruiter/apply`);
    const untyped = page.getByLabel("Organisation name");
    expect(await untyped.getAttribute("type")).toBeNull();
    const box = await untyped.boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(44);
    const style = await untyped.evaluate((el) => {
      const s = getComputedStyle(el);
      return { padding: s.paddingLeft, width: el.getBoundingClientRect().width, parent: el.parentElement!.getBoundingClientRect().width };
    });
    expect(parseFloat(style.padding)).toBeGreaterThanOrEqual(8);
    expect(style.width).toBeCloseTo(style.parent, 0);

    const bell = page.getByRole("link", { name: /notification/i });
    expect(await bell.locator("svg").count()).toBe(1);
    expect(await bell.textContent()).not.toContain("🔔");
    await expectAccessible(page);
  }, 60_000);
});
