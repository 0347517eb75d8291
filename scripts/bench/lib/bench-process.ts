// The pieces the HTTP benchmarks share: starting a server process and waiting for it, stopping it,
// reading a process's CPU time, and a plain GET.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import { projectRoot } from "../../server/paths";

/** Starts `node <args>` and resolves once its output satisfies `ready` (90 s at most). */
export function spawnServer(
  args: string[],
  env: Record<string, string | undefined>,
  ready: (out: string) => boolean,
): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, args, {
    cwd: projectRoot,
    env: env as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.on("data", (c) => (out += c));
  child.stderr!.on("data", (c) => (out += c));
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + 90_000;
    const tick = setInterval(() => {
      if (ready(out)) {
        clearInterval(tick);
        resolve({ child, output: () => out });
      } else if (child.exitCode !== null || Date.now() > deadline) {
        clearInterval(tick);
        reject(new Error(`server did not start:\n${out}`));
      }
    }, 100);
  });
}

export async function stopChild(child: ChildProcess | undefined) {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  const t = setTimeout(() => child.kill("SIGKILL"), 4000);
  await exited;
  clearTimeout(t);
}

/** A process's parent and CPU ticks (user + system, its threads included) from /proc; throws once it is gone. */
function procStat(pid: number | string): { ppid: number; ticks: number } {
  const f = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return { ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) };
}

/** CPU seconds of one process (its threads included, not its children), or 0 once it is gone. */
export function ownCpuSeconds(pid: number): number {
  try {
    return procStat(pid).ticks / 100;
  } catch {
    return 0;
  }
}

/**
 * CPU seconds (user + system) a process and its live descendants (the launcher's web processes) have used so far,
 * from /proc; NaN once the process is gone.
 */
export function cpuSeconds(pid: number): number {
  const stats = new Map<number, { ppid: number; ticks: number }>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      stats.set(Number(entry), procStat(entry));
    } catch {
      /* gone meanwhile */
    }
  }
  if (!stats.has(pid)) return NaN;
  let ticks = 0;
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) {
    ticks += stats.get(tree[i])!.ticks;
    for (const [child, s] of stats) if (s.ppid === tree[i]) tree.push(child);
  }
  return ticks / 100;
}

export function get(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (c) => (body += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on("error", reject);
  });
}
