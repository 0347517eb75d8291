// Browser pages already signed in (the sign-in form posted with fetch, its cookie set on the
// context), for browser tests whose subject is not the sign-in UI; and datetime-local values.
import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import type { TestApp } from "./app";
import { newPage } from "./browser";
import { signInCookie } from "./two-factor";

export async function signedInPage(
  browser: Browser,
  app: TestApp,
  user: { username: string; password: string },
  options: BrowserContextOptions = {},
): Promise<Page> {
  const [name, value] = (await signInCookie(app, user)).split("=");
  const page = await newPage(browser, options);
  await page.context().addCookies([{ name, value, url: app.url }]);
  return page;
}

/** datetime-local values: kept here too for the browser tests that already import them from here. */
export { localInputUtc } from "../factories/events";
