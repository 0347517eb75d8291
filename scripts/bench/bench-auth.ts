// npm run bench:auth: how long the sign-in handler takes, and how much of it is argon2.
// Runs against the embedded PostgreSQL (or DATABASE_URL) in a scratch database.
import { performance } from "node:perf_hooks";
import pg from "pg";
import { migrateToLatest } from "../../db/migrate";
import { ensureServices, stopAll } from "../server/ensure-services";

const N = Number(process.env.BENCH_N ?? 60);
const services = await ensureServices(() => {});
const base = process.env.DATABASE_URL!;
const scratch = base.replace(/\/[^/]+$/, "/tp_bench_auth");
const admin = new pg.Client({ connectionString: base });
await admin.connect();
await admin.query("drop database if exists tp_bench_auth with (force)");
await admin.query("create database tp_bench_auth");
await admin.end();
process.env.DATABASE_URL = scratch;
process.env.LOG_LEVEL = "silent";
await migrateToLatest(scratch);

const { createUser, authenticate } = await import("../../app/models/account/user.server");
const auth = await import("../../app/auth.server");
const { db } = await import("../../app/db.server");
const created = await createUser({
  email: "bench@example.com",
  username: "bench_user",
  displayName: "Bench",
  password: "service recovery at dawn",
});
if (!created.ok) throw new Error("could not create the bench user");

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const total: number[] = [];
const argon: number[] = [];
const hashRow = await db
  .selectFrom("users")
  .select("password_hash")
  .where("id", "=", created.userId)
  .executeTakeFirstOrThrow();
for (let i = 0; i < N; i++) {
  const a0 = performance.now();
  await auth.verifyPassword(hashRow.password_hash!, "service recovery at dawn");
  argon.push(performance.now() - a0);
  const t0 = performance.now();
  const r = await authenticate({
    identifier: "bench@example.com",
    password: "service recovery at dawn",
    ip: `10.1.${i}.1`,
  });
  await auth.startSession(db, created.userId, new Request("http://localhost/"));
  total.push(performance.now() - t0);
  if (!r.ok) throw new Error("sign-in failed in the benchmark");
}
const rest = total.map((t, i) => t - argon[i]);
console.log(`sign-in handler (throttle check + lookup + argon2id verify + session), ${N} runs:`);
console.log(`  total      p50 ${pct(total, 50).toFixed(1)} ms  p95 ${pct(total, 95).toFixed(1)} ms`);
console.log(`  argon2id   p50 ${pct(argon, 50).toFixed(1)} ms  p95 ${pct(argon, 95).toFixed(1)} ms`);
console.log(`  the rest   p50 ${pct(rest, 50).toFixed(1)} ms  (budget: under 5 ms median)`);
await db.destroy();
await stopAll(services);
