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

const pad = (n: number) => String(n).padStart(2, "0");
/** A `datetime-local` value of the instant, read in UTC. */
export const localInputUtc = (d: Date) =>
  `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
  `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
