// The visitors' page cache (scripts/lib/page-cache.ts) on a real node:http server behind the
// security headers: a kept page is replayed with a fresh policy and nonce, and a page whose body
// uses its response's nonce is never kept (replayed, it would give every visitor the same nonce).
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { chain, type Middleware } from "../../scripts/lib/http-kit";
import { pageCache } from "../../scripts/lib/page-cache";
import { securityHeaders } from "../../scripts/lib/security-headers";

let server: http.Server;
let base = "";
let rendered = 0;
const page: Middleware = (req, res) => {
  rendered++;
  res.setHeader("Content-Type", "text/html; charset=utf-8");
  // /top stands for a page that hydrates: Remix's scripts carry this response's nonce
  const script =
    req.path === "/top"
      ? `<script nonce="${String(res.locals.cspNonce)}">hydrate()</script>`
      : "<script>constant()</script>";
  res.end(`<!DOCTYPE html><html><body><h1>${req.path}</h1>${script}</body></html>`);
};

beforeAll(async () => {
  server = http.createServer(chain([securityHeaders(["constant()"]), pageCache(60), page], () => {}));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
});

const nonceOf = (res: Response) => /'nonce-([^']+)'/.exec(res.headers.get("content-security-policy") ?? "")![1];

describe("the page cache and the nonce", () => {
  test("a page with only hash-allowed scripts is kept, and each replay gets its own nonce", async () => {
    const before = rendered;
    const answers = [await fetch(`${base}/latest`), await fetch(`${base}/latest`), await fetch(`${base}/latest`)];
    expect(rendered - before).toBe(1);
    expect(answers.map((r) => r.headers.get("x-page-cache"))).toEqual([null, "hit", "hit"]);
    expect(new Set(answers.map(nonceOf)).size).toBe(3);
    for (const res of answers) expect(res.headers.get("content-security-policy")).toContain("'sha256-");
  });

  test("a page that uses its nonce is rendered afresh every time", async () => {
    const before = rendered;
    for (let i = 0; i < 3; i++) {
      const res = await fetch(`${base}/top`);
      expect(res.headers.get("x-page-cache")).toBeNull();
      expect(await res.text()).toContain(`nonce="${nonceOf(res)}"`);
    }
    expect(rendered - before).toBe(3);
  });
});
