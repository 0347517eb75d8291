// What the first load of a page costs, as Chromium counts it: every response's encoded bytes from the
// DevTools network log (Network.loadingFinished encodedDataLength: headers + compressed body), with
// the cache disabled, optionally under a throttled network; and the first contentful paint.
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import type { Page } from "playwright-core";

export type LoadedResponse = { url: string; type: string; bytes: number; headers: Record<string, string> };
export type FirstLoad = {
  total: number;
  byType: Record<string, number>;
  count: number;
  responses: LoadedResponse[];
  failed: string[];
  fcpMs: number | null;
};

/** Chromium DevTools' "slow 3G" family: 400 kbit/s each way, 400 ms round trip. */
export const SLOW_3G = { latency: 400, downloadThroughput: 400_000 / 8, uploadThroughput: 400_000 / 8 };

export const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

export async function measureFirstLoad(
  page: Page,
  url: string,
  opts: { throttle?: typeof SLOW_3G } = {},
): Promise<FirstLoad> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  if (opts.throttle) await cdp.send("Network.emulateNetworkConditions", { offline: false, ...opts.throttle });
  const seen = new Map<string, { url: string; type: string; headers: Record<string, string> }>();
  const sizes = new Map<string, number>();
  cdp.on("Network.responseReceived", (e) => {
    const headers = Object.fromEntries(
      Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), String(v)]),
    );
    seen.set(e.requestId, { url: new URL(e.response.url).pathname, type: e.type, headers });
  });
  cdp.on("Network.loadingFinished", (e) => sizes.set(e.requestId, e.encodedDataLength));
  // a request that failed would make the page look lighter than it is: reported, never counted silently
  const requested = new Map<string, string>();
  const failed: string[] = [];
  cdp.on("Network.requestWillBeSent", (e) => requested.set(e.requestId, e.request.url));
  cdp.on("Network.loadingFailed", (e) => failed.push(`${requested.get(e.requestId) ?? e.requestId}: ${e.errorText}`));
  await page.goto(url, { waitUntil: "networkidle", timeout: opts.throttle ? 120_000 : undefined });
  const fcpMs = await page.evaluate(() => performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null);
  await cdp.detach();
  const responses: LoadedResponse[] = [...sizes]
    .map(([id, bytes]) => ({ ...(seen.get(id) ?? { url: "", type: "Other", headers: {} }), bytes }))
    .sort((a, b) => b.bytes - a.bytes);
  const byType: Record<string, number> = {};
  for (const r of responses) byType[r.type] = (byType[r.type] ?? 0) + r.bytes;
  return {
    total: responses.reduce((n, r) => n + r.bytes, 0),
    byType,
    count: responses.length,
    responses,
    failed,
    fcpMs: fcpMs === null ? null : Math.round(fcpMs),
  };
}

// what the installable app adds to a first visit: the service worker, the manifest, and the shell the
// worker keeps at install that the page itself did not load (its stylesheet is already in the HTTP cache)
export const SW_BUDGET = 15 * 1024;
const SW_FIRST_VISIT = ["/sw.js", "/manifest.webmanifest", "/offline", "/icons/icon-192.png"];

/** Bytes on the wire for one GET, compressed as a browser asks (status line and headers included). */
function transferred(url: string): Promise<number> {
  const get = url.startsWith("https:") ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = get(url, { headers: { "Accept-Encoding": "gzip, deflate, br" } }, (res) => {
      let bytes = 20 + res.rawHeaders.reduce((n, h) => n + h.length + 2, 0);
      res.on("data", (c: Buffer) => (bytes += c.length));
      res.on("end", () => (res.statusCode === 200 ? resolve(bytes) : reject(new Error(`${url}: ${res.statusCode}`))));
    });
    req.on("error", reject);
    req.end();
  });
}

/** The installable app's share of a first visit, file by file (npm run size; test/e2e/installable-offline.test.ts). */
export async function installableAppAdds(origin: string) {
  const adds = await Promise.all(SW_FIRST_VISIT.map(async (p) => [p, await transferred(`${origin}${p}`)] as const));
  return { adds, added: adds.reduce((n, [, b]) => n + b, 0) };
}
