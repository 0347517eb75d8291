// One process at a time runs the embedded services of a data folder: a lock file naming its owner
// (pid, start time, what it is and where it answers). A second launcher reads it, says who holds
// the folder and stops, touching nothing; a maintenance command reuses the owner's services.
import fs from "node:fs";
import path from "node:path";

export type LockOwner = {
  pid: number;
  /** the owner's start time from /proc (Linux): a reused pid is not mistaken for a live owner */
  started?: string;
  /** e.g. "the launcher" or "npm run admin:create" */
  what: string;
  address?: string;
  postgresPort?: number;
  meiliUrl?: string;
};

export class DataFolderLocked extends Error {
  constructor(
    readonly dir: string,
    readonly owner: LockOwner,
  ) {
    const where = owner.address ? `, serving ${owner.address}` : "";
    super(
      `Touchpoints is already running on the data folder ${dir} (${owner.what}, pid ${owner.pid}${where}): stop ` +
        `it first, or set DATA_DIR to another folder.`,
    );
  }
}

const lockFile = (dir: string) => path.join(dir, "launcher.lock");

function startTime(pid: number): string | undefined {
  try {
    // field 22 of /proc/PID/stat, counted after the command name (which may hold spaces)
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
  } catch {
    return undefined;
  }
}

function isLive(owner: LockOwner): boolean {
  try {
    process.kill(owner.pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  return !owner.started || startTime(owner.pid) === undefined || startTime(owner.pid) === owner.started;
}

function readOwner(dir: string): LockOwner | undefined {
  try {
    return JSON.parse(fs.readFileSync(lockFile(dir), "utf8")) as LockOwner;
  } catch {
    return undefined;
  }
}

/** The live owner of the folder's lock, if any (ourselves included). */
export function lockOwner(dir: string): LockOwner | undefined {
  const owner = readOwner(dir);
  return owner && isLive(owner) ? owner : undefined;
}

export type DataLock = { update(fields: Partial<LockOwner>): void; release(): void };

let held: { dir: string; lock: DataLock } | undefined;

/**
 * Takes the folder for this process (or returns its lock if it holds it already), or throws DataFolderLocked
 * naming the live owner. A lock left by a process that is gone is taken over.
 */
export function lockDataFolder(dir: string, fields: Omit<LockOwner, "pid" | "started">): DataLock {
  dir = path.resolve(dir);
  if (held?.dir === dir) return held.lock;
  fs.mkdirSync(dir, { recursive: true });
  let owner: LockOwner = { ...fields, pid: process.pid, started: startTime(process.pid) };
  for (let attempt = 0; ; attempt++) {
    try {
      fs.writeFileSync(lockFile(dir), JSON.stringify(owner), { flag: "wx", mode: 0o644 });
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST" || attempt > 20) throw e;
    }
    const current = readOwner(dir);
    // an empty or half-written file: its writer is between create and write
    if (!current) {
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
      continue;
    }
    if (isLive(current)) throw new DataFolderLocked(dir, current);
    // gone: take over, unless another process did so since we read it
    if (JSON.stringify(readOwner(dir)) === JSON.stringify(current)) fs.rmSync(lockFile(dir), { force: true });
  }
  const lock: DataLock = {
    update(more) {
      owner = { ...owner, ...more };
      fs.writeFileSync(lockFile(dir), JSON.stringify(owner));
    },
    release() {
      if (readOwner(dir)?.pid === process.pid) fs.rmSync(lockFile(dir), { force: true });
      if (held?.lock === lock) held = undefined;
    },
  };
  held = { dir, lock };
  // the file goes with the process however it ends
  process.once("exit", () => lock.release());
  return lock;
}
