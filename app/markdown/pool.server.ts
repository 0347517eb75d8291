// Members' markdown is rendered in worker threads, never on the request thread, with a deadline:
// a text marked takes too long over (its tokenizer has inputs costing seconds) is refused, and the
// worker stuck on it is terminated and replaced. Other requests keep being served meanwhile.
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { MarkdownAnalysis, MarkdownRefs } from "./index.server";
import type { RenderReply, RenderRequest } from "./render-worker";

/** Wall time one render may take once a worker has it. */
export const RENDER_DEADLINE_MS = 1000;
/** The deadline renders get unless their caller passes one (tests lower it to provoke refusals). */
export const renderBudget = { deadlineMs: RENDER_DEADLINE_MS };
/** Longest text the pool accepts (every markdown field is far shorter). */
export const RENDER_MAX_CHARS = 64_000;
// How long a render may wait for a free worker before the member is told to try again.
const QUEUE_WAIT_MS = 10_000;
// One core is left to the request thread (and PostgreSQL): on 2 cores, one worker. A worker costs
// 25-60 MB of the process's RSS (measured: idle, then after the pathological corpus).
const POOL_SIZE = Math.max(1, Math.min(4, os.availableParallelism() - 1));
// The worst 32 KB input peaks far below this; the cap stops a runaway render from swelling the
// process (the worker dies, the text is refused, a new worker starts).
const WORKER_LIMITS = { maxOldGenerationSizeMb: 48, maxYoungGenerationSizeMb: 4, stackSizeMb: 4 };

export type RenderFailure = "deadline" | "error" | "busy" | "tooLong";
export type Rendered =
  { ok: true; html: string; analysis: MarkdownAnalysis } | { ok: false; reason: RenderFailure; detail?: string };

type Task = {
  id: number;
  request: RenderRequest;
  deadlineMs: number;
  resolve: (r: Rendered) => void;
  timer?: NodeJS.Timeout;
};
type Slot = { worker: Worker; ready: boolean; task?: Task };

/**
 * The worker's entry: built next to the server bundle (build/markdown-worker.mjs), or the source
 * file when this module itself runs from source (tests, scripts under tsx).
 */
function workerEntry(): URL {
  const here = import.meta.url;
  if (/\.tsx?$/.test(here)) {
    const tsxDir = path.dirname(createRequire(here).resolve("tsx/package.json"));
    const tsxApi = pathToFileURL(path.join(tsxDir, "dist/esm/api/index.mjs")).href;
    const source = new URL("./render-worker.ts", here).href;
    const boot = `const { register } = await import(${JSON.stringify(
      tsxApi,
    )}); register(); await import(${JSON.stringify(source)});`;
    return new URL(`data:text/javascript,${encodeURIComponent(boot)}`);
  }
  const built = new URL("./markdown-worker.mjs", here);
  if (!fs.existsSync(fileURLToPath(built))) {
    throw new Error(`${fileURLToPath(built)} is missing: build the app with "remix build" (remix.config.js writes it)`);
  }
  return built;
}

class RenderPool {
  private slots: Slot[] = [];
  private queue: Task[] = [];
  private nextId = 1;
  private entry: URL | undefined;
  /** workers stopped at a deadline or lost, since the process started */
  replaced = 0;

  render(markdown: string, refs: MarkdownRefs, deadlineMs: number): Promise<Rendered> {
    if (markdown.length > RENDER_MAX_CHARS) return Promise.resolve({ ok: false, reason: "tooLong" });
    const request: RenderRequest = {
      id: this.nextId++,
      markdown,
      usernames: [...(refs.usernames ?? [])],
      categories: [...(refs.categories ?? [])],
      images: [...(refs.images ?? [])].map(([src, size]) => [src, size.width, size.height]),
    };
    return new Promise((resolve) => {
      const task: Task = { id: request.id, request, deadlineMs, resolve };
      task.timer = setTimeout(() => {
        this.queue = this.queue.filter((t) => t !== task);
        resolve({ ok: false, reason: "busy" });
      }, QUEUE_WAIT_MS);
      this.queue.push(task);
      this.dispatch();
    });
  }

  stats() {
    return {
      workers: this.slots.length,
      busy: this.slots.filter((s) => s.task).length,
      queued: this.queue.length,
      replaced: this.replaced,
    };
  }

  async close() {
    const slots = this.slots;
    this.slots = [];
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  private dispatch() {
    while (this.queue.length) {
      const slot = this.slots.find((s) => s.ready && !s.task);
      if (!slot) {
        if (this.slots.length < POOL_SIZE && !this.slots.some((s) => !s.ready)) this.spawn();
        return;
      }
      const task = this.queue.shift()!;
      clearTimeout(task.timer);
      slot.task = task;
      // The deadline runs from here: time spent waiting for a worker is not the text's fault.
      task.timer = setTimeout(() => this.expire(slot, task), task.deadlineMs);
      slot.worker.postMessage(task.request);
    }
  }

  private spawn() {
    let worker: Worker;
    try {
      this.entry ??= workerEntry();
      // execArgv: none of the parent's (`--import tsx` would slow every start; the heap is capped above)
      worker = new Worker(this.entry, { execArgv: [], resourceLimits: WORKER_LIMITS });
    } catch (error) {
      this.failQueue(String(error));
      return;
    }
    worker.unref(); // an idle pool never keeps a script alive; pending renders hold their own timer
    const slot: Slot = { worker, ready: false };
    this.slots.push(slot);
    worker.on("message", (reply: RenderReply) => {
      if ("ready" in reply) {
        slot.ready = true;
      } else if (slot.task && slot.task.id === reply.id) {
        const task = slot.task;
        slot.task = undefined;
        clearTimeout(task.timer);
        task.resolve(
          "error" in reply
            ? { ok: false, reason: "error", detail: reply.error }
            : { ok: true, html: reply.html, analysis: reply.analysis },
        );
      }
      this.dispatch();
    });
    worker.on("error", (error) => this.lose(slot, `${error.name}: ${error.message}`));
    worker.on("exit", (code) => this.lose(slot, `render worker exited (${code})`));
  }

  /** The render took too long: its worker is stopped (it cannot be interrupted) and replaced. */
  private expire(slot: Slot, task: Task) {
    if (slot.task !== task) return;
    slot.task = undefined;
    task.resolve({ ok: false, reason: "deadline" });
    this.replaced++;
    this.remove(slot);
    void slot.worker.terminate();
    this.spawnIfIdle();
  }

  private lose(slot: Slot, detail: string) {
    if (!this.slots.includes(slot)) return;
    this.replaced++;
    this.remove(slot);
    const task = slot.task;
    slot.task = undefined;
    if (task) {
      clearTimeout(task.timer);
      task.resolve({ ok: false, reason: "error", detail });
    }
    // A worker that never started (a missing build, a broken install) would fail again at once.
    if (!slot.ready) this.failQueue(detail);
    else this.spawnIfIdle();
  }

  private remove(slot: Slot) {
    this.slots = this.slots.filter((s) => s !== slot);
  }

  // Keep one worker warm after a replacement, so the next text does not wait for a start.
  private spawnIfIdle() {
    if (!this.slots.length || this.queue.length) this.spawn();
    this.dispatch();
  }

  private failQueue(detail: string) {
    for (const task of this.queue.splice(0)) {
      clearTimeout(task.timer);
      task.resolve({ ok: false, reason: "error", detail });
    }
  }
}

const pool = new RenderPool();

/**
 * Renders in a worker within `deadlineMs` (renderBudget's 1 s unless the caller says otherwise). Never
 * throws: a failure comes back as a reason, for a sentence to the member.
 */
export function renderInPool(
  markdown: string,
  refs: MarkdownRefs = {},
  { deadlineMs = renderBudget.deadlineMs } = {},
): Promise<Rendered> {
  return pool.render(markdown, refs, deadlineMs);
}

export function renderPoolStats() {
  return pool.stats();
}

/** Stops the workers (scripts and tests at exit; a later render starts them again). */
export function closeRenderPool(): Promise<void> {
  return pool.close();
}
