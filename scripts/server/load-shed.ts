// Load shedding: at most `concurrency` requests inside the app at once; the next ones wait in
// arrival order, and one that would wait longer than `maxWaitMs` (or finds `maxQueue` ahead of it)
// is answered 503 with Retry-After at once, having run nothing. Past its capacity the app then
// answers everyone quickly, some with "come back in a moment", instead of everyone slowly: what it
// serves stays within the queue limit plus its own time (p99 under 2 s), and a refused write was
// never started (the client sees the 503; nothing half-saved). Static files and /healthz sit in
// front of this in the chain, or are let through: they are cheap and a balancer needs the health.
import { localeFor } from "../../app/locale";
import enStartup from "../../app/locales/en-startup";
import frStartup from "../../app/locales/fr-startup";
import type { Middleware, Req, Res } from "./http-kit";

export type ShedOptions = {
  concurrency: number;
  maxWaitMs: number;
  maxQueue?: number;
  retryAfterSeconds?: number;
  /** requests answered without the app's work (kept pages): never queued nor shed */
  exempt?: (req: Req, res: Res) => boolean;
};
export type LoadShedder = Middleware & { stats(): { active: number; queued: number; shed: number } };

const EXEMPT = /^\/healthz(?:\/|$)/;
const strings = { en: enStartup.busy, fr: frStartup.busy };
const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

export function loadShedder({
  concurrency,
  maxWaitMs,
  maxQueue = concurrency * 16,
  retryAfterSeconds = 2,
  exempt,
}: ShedOptions): LoadShedder {
  let active = 0;
  let shed = 0;
  const queue: { run: () => void; timer: NodeJS.Timeout }[] = [];

  const release = () => {
    active--;
    const next = queue.shift();
    if (next) {
      clearTimeout(next.timer);
      next.run();
    }
  };

  // the slot is held until the answer is out or the client has gone, whichever comes first
  const enter = (res: Res, next: () => void) => {
    active++;
    let held = true;
    const done = () => {
      if (!held) return;
      held = false;
      release();
    };
    res.once("finish", done);
    res.once("close", done);
    next();
  };

  const refuse = (req: Req, res: Res) => {
    shed++;
    if (res.headersSent || res.destroyed) return;
    const locale = localeFor({ cookie: req.headers.cookie, acceptLanguage: req.headers["accept-language"] });
    const t = strings[locale];
    res.writeHead(503, {
      "Retry-After": String(retryAfterSeconds),
      "Cache-Control": "no-store",
      "Content-Type": "text/html; charset=utf-8",
      "Content-Language": locale,
      // tells a shed answer from the app's own 503 (database down) in load reports
      "X-Load-Shed": "1",
    });
    const page =
      `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" ` +
      `content="width=device-width"><title>${escapeHtml(t.title)}</title></head><body><h1>${escapeHtml(t.title)}` +
      `</h1><p>${escapeHtml(t.body)}</p></body></html>`;
    res.end(req.method === "HEAD" ? undefined : page);
  };

  const shedder: Middleware = (req, res, next) => {
    if (concurrency <= 0 || EXEMPT.test(req.path)) return next();
    if (active < concurrency) return enter(res, () => next());
    // asked only when full: the question costs a request object, the common case never pays it
    if (exempt?.(req, res)) return next();
    if (queue.length >= maxQueue) return refuse(req, res);
    const entry = {
      run: () => {
        res.off("close", gone);
        enter(res, () => next());
      },
      timer: setTimeout(() => {
        res.off("close", gone);
        drop();
        refuse(req, res);
      }, maxWaitMs),
    };
    const drop = () => {
      const i = queue.indexOf(entry);
      if (i !== -1) queue.splice(i, 1);
      clearTimeout(entry.timer);
    };
    // a client that gives up while waiting leaves the queue
    const gone = () => drop();
    res.once("close", gone);
    queue.push(entry);
  };

  return Object.assign(shedder, { stats: () => ({ active, queued: queue.length, shed }) });
}
