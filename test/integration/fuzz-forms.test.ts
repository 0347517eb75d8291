// Form fuzzing: every route file with an `action` export (found at test time) gets random and
// hostile posts (12 KB strings, invalid UTF-8, NUL bytes, huge numbers, repeated keys where one
// value is expected, missing fields, wrong content types, malformed multipart) as a visitor, a
// member and an admin. Each answer must be below 500 and free of stack traces; a refusal must say
// something (a form error or an error page) and write nothing (row counts of every table compared).
// Then every route in the route table gets hostile requests that are not form fields: malformed
// cookies (another app on the host may set them), forged or malformed X-Forwarded-* and Host,
// huge and invalid Accept-Language, NUL and broken escapes in the address: never a 500.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { sql } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db.server";
import { startApp, type TestApp } from "../setup/app";
import { createFixtures, ROUTES, routeFiles, signIn, type Fixtures, type Person } from "../setup/route-table";

const routesDir = path.resolve(__dirname, "../../app/routes");
const source = (route: string) => {
  for (const ext of [".tsx", ".ts"]) {
    try {
      return readFileSync(path.join(routesDir, route + ext), "utf8");
    } catch {
      /* try the next */
    }
  }
  return "";
};
const hasAction = (src: string) =>
  /export\s+(async\s+function\s+action|const\s+action\b|function\s+action\b|\{[^}]*\baction\b[^}]*\}\s+from)/.test(src);

/** Field names a route reads or renders, and the intents its buttons send. */
function fieldsOf(src: string): { names: string[]; intents: string[] } {
  const names = new Set<string>();
  for (const m of src.matchAll(/\bname="([A-Za-z_][\w.[\]-]*)"/g)) names.add(m[1]);
  for (const m of src.matchAll(/\.(?:get|getAll|has)\("([A-Za-z_][\w.[\]-]*)"\)/g)) names.add(m[1]);
  for (const m of src.matchAll(/\bform\.([a-zA-Z_]\w*)\b/g))
    if (!["get", "getAll", "has", "entries", "keys", "values", "forEach"].includes(m[1])) names.add(m[1]);
  const intents = new Set<string>();
  for (const m of src.matchAll(/name="intent"\s+value="([^"]+)"/g)) intents.add(m[1]);
  for (const m of src.matchAll(/value="([^"]+)"\s+name="intent"/g)) intents.add(m[1]);
  for (const m of src.matchAll(/intent\s*===\s*"([^"]+)"/g)) intents.add(m[1]);
  for (const m of src.matchAll(/case\s+"([a-z][\w-]*)":/g)) intents.add(m[1]);
  names.delete("intent");
  return { names: [...names].slice(0, 15), intents: [...intents].slice(0, 4) };
}

// The random bytes are drawn once per string: one randomBytes call per 9 characters was 10 s of this file's
// 65 s (a system call each).
const long = (n: number) => {
  const alphabet = "aé漢字🙂 <>&\"'\\/%\t\n\r‮";
  const noise = randomBytes(Math.ceil(n * 0.75)).toString("base64");
  let s = "";
  for (let at = 0; s.length < n; at += 8)
    s +=
      alphabet[Math.floor(Math.random() * alphabet.length)] + noise.slice(at % noise.length, (at % noise.length) + 8);
  return s.slice(0, n);
};

type Payload = { label: string; body: BodyInit | null; type: string | null };
const urlencoded = (label: string, pairs: [string, string][]): Payload => ({
  label,
  body: new URLSearchParams(pairs).toString(),
  type: "application/x-www-form-urlencoded",
});

function payloads(names: string[], intents: string[]): Payload[] {
  const each = (v: () => string, intent?: string): [string, string][] => [
    ...(intent ? ([["intent", intent]] as [string, string][]) : []),
    ...names.map((n) => [n, v()] as [string, string]),
  ];
  const out: Payload[] = [];
  const numbers = ["1e309", "99999999999999999999999999", "-1", "NaN", "2147483648", "0x7fffffff"];
  out.push(
    urlencoded(
      "12 KB strings",
      each(() => long(12_000)),
    ),
  );
  out.push(
    urlencoded(
      "NUL bytes",
      each(() => `a\u0000b\u0000${randomBytes(3).toString("hex")}`),
    ),
  );
  out.push(
    urlencoded(
      "huge numbers",
      each(() => numbers[Math.floor(Math.random() * numbers.length)]),
    ),
  );
  // one past PostgreSQL's integer range in every field, so an unbounded id is always found (not by chance)
  out.push(
    urlencoded(
      "integer overflow",
      each(() => "2147483648"),
    ),
  );
  out.push(
    urlencoded("arrays where strings are expected", [
      ...each(() => "first"),
      ...names.flatMap((n) => [[n, "second"] as [string, string], [`${n}[]`, "x"] as [string, string]]),
    ]),
  );
  // each intent once, with a mix of the hostile values above
  const mixed = [
    () => long(12_000),
    () => "a\u0000b",
    () => numbers[Math.floor(Math.random() * numbers.length)],
    () => "",
  ];
  for (const intent of intents)
    out.push(
      urlencoded(
        `intent ${intent} with hostile fields`,
        each(() => mixed[Math.floor(Math.random() * mixed.length)](), intent),
      ),
    );
  const intentPair = intents[0] ? `intent=${encodeURIComponent(intents[0])}&` : "";
  out.push({
    label: "invalid UTF-8",
    body: Buffer.concat([
      Buffer.from(intentPair),
      Buffer.from(names.map((n) => `${n}=`).join("%FF%FE%C0%AF&") + "%FF%80"),
      Buffer.from([0xff, 0xfe, 0xc0, 0xaf]),
    ]),
    type: "application/x-www-form-urlencoded",
  });
  out.push(urlencoded("missing fields", []));
  out.push({
    label: "JSON body",
    body: JSON.stringify(Object.fromEntries(names.map((n) => [n, ["x", { $gt: "" }]]))),
    type: "application/json",
  });
  out.push({ label: "text/plain body", body: names.map((n) => `${n}=x`).join("\n"), type: "text/plain" });
  out.push({ label: "no content type", body: "a=b", type: null });
  out.push({
    label: "malformed multipart",
    body: `--xyz\r\nContent-Disposition: form-data; name="${names[0] ?? "a"}"\r\n\r\nunterminated`,
    type: "multipart/form-data; boundary=xyz",
  });
  out.push({ label: "multipart without boundary", body: "garbage", type: "multipart/form-data" });
  const fd = new FormData();
  if (intents[0]) fd.append("intent", intents[0]);
  for (const n of names)
    fd.append(n, new Blob([randomBytes(2048)], { type: "application/x-msdownload" }), "../../etc/passwd\u0000.exe");
  out.push({ label: "files where text is expected", body: fd, type: null });
  return out;
}

/**
 * Tables whose rows change for reasons other than the posted form: sessions, throttling records, and
 * topic_reads (a refused reply re-renders the topic page, whose loader records the member's read).
 */
const IGNORED = new Set([
  "sessions",
  "login_failures",
  "rate_events",
  "topic_reads",
  "kysely_migration",
  "kysely_migration_lock",
]);
let tables: string[] = [];
// one connection with the count statement prepared once: planned at every call, the union of about 100 counts
// took 14 ms, half of this file's time (4,000 calls)
let counter: pg.Client;
async function counts(): Promise<Record<string, number>> {
  const text = tables.map((t) => `select '${t}' as t, count(*)::int as n from "${t}"`).join(" union all ");
  const { rows } = await counter.query<{ t: string; n: number }>({ name: "fuzz-counts", text });
  return Object.fromEntries(rows.map((r) => [r.t, r.n]));
}

/**
 * One request on a fresh connection. (Through fetch's shared keep-alive pool, the request after a large
 * body answered early by a redirect sometimes got no answer: the fuzzing judges each answer alone.)
 * The address and headers go out as given (fetch would normalise them).
 */
async function send(
  method: string,
  url: string,
  headers: Record<string, string>,
  body: BodyInit | null,
): Promise<{ status: number; type: string; text: string }> {
  let bytes = Buffer.alloc(0);
  if (body instanceof FormData) {
    const r = new Response(body);
    bytes = Buffer.from(await r.arrayBuffer());
    headers = { ...headers, "Content-Type": r.headers.get("content-type")! };
  } else if (body !== null) bytes = Buffer.from(body as string | Buffer);
  return new Promise((resolve, reject) => {
    const length: Record<string, string> = method === "GET" ? {} : { "Content-Length": String(bytes.byteLength) };
    const req = http.request(
      url,
      { method, agent: false, headers: { ...headers, ...length }, timeout: 15_000 },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            type: String(res.headers["content-type"] ?? ""),
            text: Buffer.concat(chunks).toString("utf8"),
          }),
        );
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error("no answer in 15 s")));
    req.on("error", reject);
    req.end(bytes);
  });
}

const STACK = new RegExp(
  /\bat [\w$.<>]+ \(?[^()\s]*:\d+:\d+\)?|node_modules\/|\/work\/|/.source +
    /TypeError:|ReferenceError:|SyntaxError:|invalid byte sequence|violates .* constraint/.source,
);

let app: TestApp;
let fixtures: Fixtures;
let people: Record<string, Person>;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  const made = await createFixtures();
  fixtures = made.fixtures;
  people = made.people;
  tables = (
    await sql<{ t: string }>`select table_name as t from information_schema.tables where table_schema = 'public'
        and table_type = 'BASE TABLE' order by 1`.execute(db)
  ).rows
    .map((r) => r.t)
    .filter((t) => !IGNORED.has(t));
  counter = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await counter.connect();
  app = await startApp({ JOBS: "off" });
  cookies.visitor = "";
  cookies.member = await signIn(app, people.level2);
  cookies.admin = await signIn(app, people.admin);
}, 120_000);
afterAll(async () => {
  await counter?.end();
  await app?.stop();
});

// signing out or in changes who is asking: those go last
const LAST = ["login", "logout"];
const TARGETS = routeFiles()
  .filter((r) => hasAction(source(r)))
  .sort((a, b) => Number(LAST.includes(a)) - Number(LAST.includes(b)));
let sent = 0;
let accepted = 0;

describe("form fuzzing", () => {
  test("the route files with a form action are found", () => {
    expect(TARGETS.length).toBeGreaterThan(20);
    expect(TARGETS).toContain("signup");
  });

  test.each(TARGETS)(
    "%s refuses hostile input cleanly and writes nothing",
    async (route) => {
      const row = ROUTES[route];
      expect(row, `${route}: no row in test/setup/route-table.ts, so no address to post to`).toBeDefined();
      const url = row.path(fixtures);
      const { names, intents } = fieldsOf(source(route));
      const problems: string[] = [];
      let before = await counts();
      for (const who of ["visitor", "member", "admin"]) {
        for (const p of payloads(names, intents)) {
          const headers: Record<string, string> = { Origin: app.origin };
          if (p.type) headers["Content-Type"] = p.type;
          if (cookies[who]) headers.Cookie = cookies[who];
          const where = `POST ${url} as ${who} with ${p.label}`;
          let res: { status: number; type: string; text: string };
          try {
            res = await send("POST", `${app.url}${url}`, headers, p.body);
          } catch (e) {
            problems.push(`${where}: no answer (${(e as Error).message})`);
            const alive = await fetch(`${app.url}/healthz`).then(
              (r) => r.ok,
              () => false,
            );
            if (!alive)
              throw new Error(`the app died after ${where}:\n${app.output().slice(-3000)}\n${problems.join("\n")}`);
            before = await counts();
            continue;
          }
          sent++;
          const body = res.text;
          if (res.status >= 500) problems.push(`${where}: ${res.status} ${body.slice(0, 200)}`);
          if (STACK.test(body)) problems.push(`${where}: the answer shows internals: ${STACK.exec(body)![0]}`);
          const after = await counts();
          if (res.status >= 400) {
            const changed = tables.filter((t) => before[t] !== after[t]).map((t) => `${t} ${before[t]} -> ${after[t]}`);
            if (changed.length) problems.push(`${where}: refused with ${res.status} but wrote ${changed.join(", ")}`);
            const html = res.type.includes("text/html");
            if (html && !/role="alert"|class="field-error"|<h1[^>]*>[^<]+<\/h1>/.test(body))
              problems.push(`${where}: ${res.status} without a sentence saying what is wrong`);
            if (!html && body.trim() === "") problems.push(`${where}: ${res.status} with an empty body`);
          } else accepted++;
          before = after;
        }
      }
      expect(problems, problems.join(" | ")).toEqual([]);
    },
    180_000,
  );

  afterAll(() =>
    console.log(`fuzzing: ${TARGETS.length} form actions, ${sent} posts, ${accepted} accepted as valid input`),
  );
});

/** Cookies another app on the same host or a parent domain may set, and broken copies of ours. */
const HOSTILE_COOKIES = [
  "tp_session=%E9",
  "prefs=100%",
  "tp_session=%E9; prefs=100%; tp_lang=%ZZ",
  "tp_session=\u00e9\u00ff",
  `tp_session=${"a".repeat(4000)}`,
  "tp_session=; tp_session=x",
  "=; ;;; tp_lang=fr\u00e9",
];
/** Headers a client or a forged proxy may send. */
const HOSTILE_HEADERS: Record<string, string>[] = [
  {
    "X-Forwarded-Host": "evil.example",
    "X-Forwarded-Proto": "javascript",
    "X-Forwarded-For": "not an address, ::::, 999.1.1.1",
  },
  { "X-Forwarded-Host": "evil.example:99999/x?y" },
  { "Accept-Language": Array.from({ length: 700 }, (_, i) => `x${i}-Y;q=0.${i % 10}`).join(",") },
  { "Accept-Language": "*;q=abc, ;;;, fr-\u00ff;q=2, en;q=-1, \u00e9" },
  { Host: "evil.example" },
];
/** The address with NUL in each of its segments in turn, at its end, in its query, and with broken escapes. */
function hostileAddresses(url: string): string[] {
  const [pathname, search] = url.split("?");
  const segments = pathname.split("/");
  const out = segments.flatMap((seg, i) =>
    i === 0
      ? []
      : [
          segments.map((s, j) => (j === i ? `${s}%00` : s)).join("/"),
          segments.map((s, j) => (j === i ? "%00" : s)).join("/"),
        ],
  );
  out.push(
    `${pathname}?${search ? `${search}&` : ""}q=%00&page=%00`,
    `${pathname === "/" ? "/_root" : pathname.replace(/\/$/, "")}%00.data`,
    `${pathname}/%E9%ZZ`,
    `${pathname.replace(/\/$/, "")}/%C0%AF%ED%A0%80`,
  );
  return out;
}
const NUL_ANSWERS = [400, 404];

describe("hostile cookies, headers and addresses on every route", () => {
  // signing out ends the member's session: last, as above
  const routes = Object.keys(ROUTES).sort((a, b) => Number(LAST.includes(a)) - Number(LAST.includes(b)));
  test.each(routes)(
    "%s answers below 500, without internals",
    async (route) => {
      const row = ROUTES[route];
      const url = row.path(fixtures);
      const problems: string[] = [];
      const check = async (
        method: string,
        target: string,
        headers: Record<string, string>,
        what: string,
        allowed?: number[],
      ) => {
        let res: { status: number; type: string; text: string };
        try {
          res = await send(
            method,
            `${app.url}${target}`,
            method === "POST" ? { "Content-Type": "application/x-www-form-urlencoded", ...headers } : headers,
            method === "POST" ? "a=1" : null,
          );
        } catch (e) {
          return void problems.push(`${method} ${target} with ${what}: no answer (${(e as Error).message})`);
        }
        if (res.status >= 500)
          problems.push(`${method} ${target} with ${what}: ${res.status} ${res.text.slice(0, 160)}`);
        else if (allowed && !allowed.includes(res.status))
          problems.push(`${method} ${target} with ${what}: ${res.status}, expected one of ${allowed.join(", ")}`);
        if (STACK.test(res.text))
          problems.push(`${method} ${target} with ${what}: the answer shows internals: ${STACK.exec(res.text)![0]}`);
      };
      for (const who of ["visitor", "member"]) {
        const own = cookies[who] ? [cookies[who]] : [];
        for (const c of HOSTILE_COOKIES) {
          const cookie = [...own, c].join("; ");
          await check("GET", url, { Cookie: cookie }, `Cookie ${JSON.stringify(c.slice(0, 40))} as ${who}`);
          if (TARGETS.includes(route))
            await check(
              "POST",
              url,
              { Origin: app.origin, Cookie: cookie },
              `Cookie ${JSON.stringify(c.slice(0, 40))} as ${who}`,
            );
        }
        for (const h of HOSTILE_HEADERS) {
          const headers = { ...h, ...(own.length ? { Cookie: own[0] } : {}) };
          await check("GET", url, headers, `${Object.keys(h).join(", ")} as ${who}`);
          // a proxy's host that differs from Origin: refused as from another site (403), never Remix's 500
          if (TARGETS.includes(route))
            await check("POST", url, { Origin: app.origin, ...headers }, `${Object.keys(h).join(", ")} as ${who}`);
        }
        for (const target of hostileAddresses(url)) {
          const allowed = target.includes("%00") ? NUL_ANSWERS : undefined;
          await check("GET", target, own.length ? { Cookie: own[0] } : {}, `a hostile address as ${who}`, allowed);
        }
      }
      const alive = await fetch(`${app.url}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
      if (!alive) throw new Error(`the app died:\n${app.output().slice(-3000)}\n${problems.join("\n")}`);
      expect(problems, problems.join(" | ")).toEqual([]);
    },
    120_000,
  );
});
