// Meilisearch holds a rebuildable copy of what Postgres knows; if it is down, callers fall back.
// The client, its circuit breaker and task waiting live here once, for every index.
import http from "node:http";
import https from "node:https";
import { Meilisearch, MeilisearchTaskTimeOutError } from "meilisearch";
import { env } from "./env.server";

// Node 20's fetch stalled 3-50 ms per call on loopback (Nagle / delayed ACK); node:http with a
// keep-alive agent takes about 2 ms.
const httpAgent = new http.Agent({ keepAlive: true, maxSockets: 32 });
const httpsAgent = new https.Agent({ keepAlive: true, maxSockets: 32 });

export class SearchUnavailable extends Error {}

export class MeiliApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code?: string,
  ) {
    super(message);
  }
}

// The client passes the same Headers object to every call that adds none of its own: its plain copy
// is made once (the copy cost about as much as the rest of a search's request building).
const plainHeaders = new WeakMap<object, Record<string, string>>();
function headersOf(given: HeadersInit | undefined): Record<string, string> {
  const cached = given && typeof given === "object" ? plainHeaders.get(given) : undefined;
  if (cached) return { ...cached };
  const plain: Record<string, string> = {};
  new Headers(given).forEach((v, k) => (plain[k] = v));
  if (given instanceof Headers) plainHeaders.set(given, plain);
  return { ...plain };
}

function nodeHttpClient(timeoutMs: number) {
  return (input: Parameters<typeof fetch>[0], init?: RequestInit): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const url = input instanceof URL ? input : new URL(String(input instanceof Request ? input.url : input));
      const headers = headersOf(init?.headers);
      const body = typeof init?.body === "string" ? init.body : undefined;
      if (body !== undefined) headers["content-length"] = String(Buffer.byteLength(body));
      const lib = url.protocol === "https:" ? https : http;
      const req = lib.request(
        url,
        {
          method: init?.method ?? "GET",
          headers,
          agent: url.protocol === "https:" ? httpsAgent : httpAgent,
          timeout: timeoutMs,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => {
            const text = Buffer.concat(chunks).toString("utf8");
            let parsed: unknown = undefined;
            try {
              parsed = text ? JSON.parse(text) : undefined;
            } catch {
              parsed = text;
            }
            const status = res.statusCode ?? 0;
            if (status >= 200 && status < 300) return resolve(parsed);
            // an error answer is { message, code, type, link }; anything else still fails with the status
            const error = (typeof parsed === "object" && parsed ? parsed : {}) as { message?: string; code?: string };
            reject(new MeiliApiError(error.message ?? `Meilisearch answered ${status}`, status, error.code));
          });
          res.on("error", (e) => reject(new SearchUnavailable(e.message)));
        },
      );
      req.on("timeout", () => req.destroy(new Error("Meilisearch timed out")));
      req.on("error", (e) => reject(e instanceof MeiliApiError ? e : new SearchUnavailable(e.message)));
      if (body !== undefined) req.write(body);
      req.end();
    });
}

/**
 * Adds documents to an index in one upload, streamed as NDJSON chunk by chunk (each chunk whole
 * lines), so the documents are never all in memory and Meilisearch indexes them as one batch.
 * Returns the task's uid.
 */
export function uploadDocuments(uid: string, chunks: AsyncIterable<string>, primaryKey = "id"): Promise<number> {
  const { MEILI_URL } = env();
  if (!MEILI_URL) return Promise.reject(new SearchUnavailable("Meilisearch is not configured (MEILI_URL)"));
  const url = new URL(
    `indexes/${encodeURIComponent(uid)}/documents?primaryKey=${encodeURIComponent(primaryKey)}`,
    MEILI_URL.replace(/\/?$/, "/"),
  );
  const lib = url.protocol === "https:" ? https : http;
  return new Promise<number>((resolve, reject) => {
    const req = lib.request(url, {
      method: "POST",
      agent: url.protocol === "https:" ? httpsAgent : httpAgent,
      headers: { "Content-Type": "application/x-ndjson", Authorization: `Bearer ${apiKey()}` },
    });
    req.on("response", (res) => {
      const body: Buffer[] = [];
      res.on("data", (c: Buffer) => body.push(c));
      res.on("end", () => {
        let parsed: { taskUid?: number; message?: string; code?: string } = {};
        try {
          parsed = JSON.parse(Buffer.concat(body).toString("utf8"));
        } catch {
          /* not JSON: reported by status below */
        }
        const status = res.statusCode ?? 0;
        if (status >= 200 && status < 300 && typeof parsed.taskUid === "number") resolve(parsed.taskUid);
        else reject(new MeiliApiError(parsed.message ?? `Meilisearch answered ${status}`, status, parsed.code));
      });
    });
    req.on("error", (e) => reject(new SearchUnavailable(e.message)));
    (async () => {
      for await (const chunk of chunks) {
        if (!req.write(chunk)) await new Promise<void>((r) => req.once("drain", r));
      }
      req.end();
    })().catch((e) => {
      req.destroy();
      reject(e);
    });
  });
}

let client: Meilisearch | null | undefined;

// A scoped key when one is given (the launcher makes one for the embedded server); a master key
// would also let anyone who reads this process's memory or environment manage keys and take dumps.
const apiKey = () => env().MEILI_API_KEY ?? env().MEILI_MASTER_KEY;

/** The client, or null when no Meilisearch is configured. */
export function meili(): Meilisearch | null {
  if (client === undefined) {
    const { MEILI_URL } = env();
    client = MEILI_URL
      ? new Meilisearch({ host: MEILI_URL, apiKey: apiKey(), httpClient: nodeHttpClient(3000) as never })
      : null;
  }
  return client;
}

/**
 * Points the client at another server (tests: a closed port proves the Postgres fallback); no argument goes back to
 * MEILI_URL.
 */
export function resetMeili(host?: string) {
  client = host ? new Meilisearch({ host, apiKey: apiKey(), httpClient: nodeHttpClient(3000) as never }) : undefined;
}

export function indexName(base: string): string {
  return `${env().MEILI_INDEX_PREFIX}${base}`;
}

export async function searchHealth(): Promise<"up" | "down" | "not configured"> {
  const c = meili();
  if (!c) return "not configured";
  try {
    const h = await c.health();
    return h.status === "available" ? "up" : "down";
  } catch {
    return "down";
  }
}

function unreachable(e: unknown): boolean {
  for (let x: unknown = e, depth = 0; x && depth < 5; x = (x as { cause?: unknown }).cause, depth++) {
    if (x instanceof SearchUnavailable) return true;
    if (x instanceof MeiliApiError) return x.status >= 500;
  }
  return false;
}

/** Can Meilisearch not answer (down, broken, swamped, or no index yet), so that Postgres must? */
export function isUnavailable(e: unknown): boolean {
  if (unreachable(e) || e instanceof MeilisearchTaskTimeOutError) return true;
  for (let x: unknown = e, depth = 0; x && depth < 5; x = (x as { cause?: unknown }).cause, depth++) {
    if (x instanceof MeiliApiError) return x.code === "index_not_found";
  }
  return false;
}

// After Meilisearch failed to answer, callers skip it for a few seconds rather than each waiting
// for a connection timeout (search pages fall back at once; jobs reschedule at once).
const BREAKER_MS = 5_000;
const downUntil = new WeakMap<Meilisearch, number>();

export async function guarded<T>(client: Meilisearch, call: () => Promise<T>): Promise<T> {
  if ((downUntil.get(client) ?? 0) > Date.now()) throw new SearchUnavailable("Meilisearch was unreachable moments ago");
  try {
    return await call();
  } catch (e) {
    if (unreachable(e)) downUntil.set(client, Date.now() + BREAKER_MS);
    throw e;
  }
}

export function requireClient(): Meilisearch {
  const c = meili();
  if (!c) throw new SearchUnavailable("Meilisearch is not configured (MEILI_URL)");
  return c;
}

export async function waitFor(client: Meilisearch, taskUid: number, timeout = 30_000) {
  const task = await client.tasks.waitForTask(taskUid, { timeout, interval: 20 });
  if (task.status !== "succeeded")
    throw new Error(`Meilisearch task ${taskUid} ${task.status}: ${task.error?.message ?? ""}`);
  return task;
}

const prepared = new Map<string, Promise<void>>();

type IndexSettings = Parameters<ReturnType<Meilisearch["index"]>["updateSettings"]>[0];

/**
 * Creates an index with its settings, once per process and index; safe to call on every write.
 * `settings` may be read when needed (settings kept in PostgreSQL, such as synonyms).
 */
export function ensureIndex(
  client: Meilisearch,
  uid: string,
  settings: IndexSettings | (() => Promise<IndexSettings>),
): Promise<void> {
  let p = prepared.get(uid);
  if (!p) {
    p = guarded(client, async () => {
      const created = await client.createIndex(uid, { primaryKey: "id" });
      const t = await client.tasks.waitForTask(created.taskUid, { timeout: 30_000, interval: 20 });
      if (t.status !== "succeeded" && t.error?.code !== "index_already_exists")
        throw new Error(`could not create index ${uid}: ${t.error?.message}`);
      const resolved = typeof settings === "function" ? await settings() : settings;
      await waitFor(client, (await client.index(uid).updateSettings(resolved)).taskUid, 120_000);
    });
    prepared.set(uid, p);
    p.catch(() => prepared.delete(uid));
  }
  return p;
}

/** Forgets that one index was prepared (deleted, or re-created without its settings). */
export function forgetIndex(uid: string) {
  prepared.delete(uid);
}

/** Waits for an index's tasks; if one fails, forgets the index so the retry applies its settings again. */
export async function waitForIndexTasks(client: Meilisearch, uid: string, tasks: number[]) {
  try {
    for (const t of tasks) await waitFor(client, t);
  } catch (e) {
    // e.g. the index was deleted and re-created without its settings
    forgetIndex(uid);
    throw e;
  }
}

/** The start of a rebuild: the live index and a fresh one beside it (named after `started`), both with settings. */
export async function prepareRebuild(
  client: Meilisearch,
  live: string,
  ensure: (client: Meilisearch, uid: string) => Promise<unknown>,
  started: Date,
) {
  const temp = `${live}_rebuild_${started.getTime()}`;
  await ensure(client, live);
  forgetIndex(temp);
  await ensure(client, temp);
  return temp;
}

/** The end of a rebuild: waits for the queued batches, swaps the fresh index in atomically and drops the old copy. */
export async function swapInRebuilt(client: Meilisearch, live: string, temp: string, pending: number[]) {
  for (const t of pending) await waitFor(client, t, 600_000);
  await waitFor(client, (await client.swapIndexes([{ indexes: [live, temp], rename: false }])).taskUid);
  await waitFor(client, (await client.deleteIndex(temp)).taskUid);
  prepared.delete(temp);
}

/** Forgets which indexes were prepared (tests that replace the client or delete indexes). */
export function forgetPreparedIndexes() {
  prepared.clear();
}
