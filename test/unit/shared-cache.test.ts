// The shared cache (scripts/server/shared-cache.ts) obeys the answers' headers as nginx or a CDN would.
// The origin here is a plain function standing for Remix's handler; the clock is the test's, so
// freshness and stale-while-revalidate are exact.
import { describe, expect, test } from "vitest";
import { sharedCache, sharedLifetime } from "../../scripts/server/shared-cache";

const SHARED = "public, s-maxage=5, stale-while-revalidate=30";

function setup() {
  let clock = 1_000_000;
  const cache = sharedCache({ now: () => clock });
  const calls: string[] = [];
  let version = 1;
  let headers: Record<string, string> = { "Cache-Control": SHARED, Vary: "Accept-Language, Cookie" };
  const origin = async (request: Request) => {
    calls.push(request.url);
    const body = `<p>${new URL(request.url).pathname} v${version} ${request.headers.get("accept-language") ?? ""}</p>`;
    return new Response(body, { headers: { "Content-Type": "text/html", ...headers } });
  };
  const get = async (path: string, init: Record<string, string> = {}) => {
    const res = await cache.fetch(new Request(`http://site.test${path}`, { headers: init }), origin);
    return { res, text: await res.text() };
  };
  return {
    cache,
    calls,
    get,
    tick: (ms: number) => (clock += ms),
    publish: () => version++,
    answerWith: (h: Record<string, string>) => (headers = h),
  };
}

describe("the shared cache", () => {
  test("keeps a public answer: the second request is served from the cache with its Age", async () => {
    const s = setup();
    const first = await s.get("/latest");
    expect(first.res.headers.get("x-cache")).toBe("MISS");
    expect(first.res.headers.get("cache-control")).toBe(SHARED);
    s.tick(3_200);
    const second = await s.get("/latest");
    expect(second.res.headers.get("x-cache")).toBe("HIT");
    expect(second.res.headers.get("age")).toBe("3");
    expect(second.text).toBe(first.text);
    expect(s.calls).toHaveLength(1);
  });

  test("stale-while-revalidate: after s-maxage the kept answer is served at once, then the new one", async () => {
    const s = setup();
    await s.get("/t/a/1");
    s.publish();
    s.tick(6_000);
    const stale = await s.get("/t/a/1");
    expect(stale.res.headers.get("x-cache")).toBe("STALE");
    expect(stale.res.headers.get("age")).toBe("6");
    expect(stale.text).toContain("v1");
    await new Promise((r) => setTimeout(r, 10)); // the background refresh
    expect(s.calls).toHaveLength(2);
    const fresh = await s.get("/t/a/1");
    expect(fresh.res.headers.get("x-cache")).toBe("HIT");
    expect(fresh.text).toContain("v2");
    // beyond s-maxage + stale-while-revalidate nothing kept is served
    s.publish();
    s.tick(36_000);
    const expired = await s.get("/t/a/1");
    expect(expired.res.headers.get("x-cache")).toBe("MISS");
    expect(expired.text).toContain("v3");
  });

  test("one background refresh at a time for one page", async () => {
    const s = setup();
    await s.get("/latest");
    s.tick(6_000);
    await Promise.all([s.get("/latest"), s.get("/latest"), s.get("/latest")]);
    await new Promise((r) => setTimeout(r, 10));
    expect(s.calls).toHaveLength(2);
  });

  test("requests with a session or Authorization, and other methods, are never served from it nor kept", async () => {
    const s = setup();
    await s.get("/latest");
    const personal: Record<string, string>[] = [
      { Cookie: "tp_lang=fr; tp_session=abc" },
      { Authorization: "Bearer x" },
    ];
    for (const init of personal) {
      const { res } = await s.get("/latest", init);
      expect(res.headers.get("x-cache")).toBeNull();
      expect(res.headers.get("age")).toBeNull();
    }
    const head = await s.cache.fetch(
      new Request("http://site.test/latest", { method: "HEAD" }),
      async () => new Response(null, { headers: { "Cache-Control": SHARED } }),
    );
    expect(head.headers.get("x-cache")).toBeNull();
    expect(s.calls).toHaveLength(3);
    expect(s.cache.size).toBe(1);
  });

  test("private, no-store, no-cache, Set-Cookie, Vary: * and answers without a lifetime are never kept", async () => {
    const refused: Record<string, string>[] = [
      { "Cache-Control": "private, no-store" },
      { "Cache-Control": "public, no-store, s-maxage=5" },
      { "Cache-Control": "no-cache, s-maxage=5" },
      { "Cache-Control": SHARED, "Set-Cookie": "tp_lang=fr; Path=/" },
      { "Cache-Control": SHARED, Vary: "*" },
      { "Cache-Control": "public" },
      {},
    ];
    for (const headers of refused) {
      const s = setup();
      s.answerWith(headers);
      await s.get("/latest");
      const again = await s.get("/latest");
      expect(again.res.headers.get("x-cache"), JSON.stringify(headers)).not.toBe("HIT");
      expect(s.calls, JSON.stringify(headers)).toHaveLength(2);
      expect(s.cache.size).toBe(0);
    }
  });

  test("s-maxage wins over max-age; max-age alone also counts", () => {
    const life = (cc: string, status = 200) =>
      sharedLifetime(new Response("x", { status, headers: { "Cache-Control": cc } }));
    expect(life("public, max-age=60, s-maxage=5, stale-while-revalidate=30")).toEqual({ fresh: 5, stale: 30 });
    expect(life("public, max-age=60")).toEqual({ fresh: 60, stale: 0 });
    expect(life("public, max-age=60", 500)).toBeNull();
  });

  test("Vary: each language and cookie gets its own kept copy", async () => {
    const s = setup();
    const en = await s.get("/latest", { "Accept-Language": "en" });
    const fr = await s.get("/latest", { "Accept-Language": "fr" });
    expect(fr.res.headers.get("x-cache")).toBe("MISS");
    expect(fr.text).not.toBe(en.text);
    expect((await s.get("/latest", { "Accept-Language": "en" })).text).toBe(en.text);
    const withCookie = await s.get("/latest", { "Accept-Language": "fr", Cookie: "tp_lang=en" });
    expect(withCookie.res.headers.get("x-cache")).toBe("MISS");
    const again = await s.get("/latest", { "Accept-Language": "fr" });
    expect([again.res.headers.get("x-cache"), again.text]).toEqual(["HIT", fr.text]);
    expect(s.calls).toHaveLength(3);
  });
});
