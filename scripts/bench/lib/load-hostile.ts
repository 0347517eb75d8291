// npm run load -- --hostile (issue 25): members reading topic pages, first alone, then while one
// pathological post a second (the issue's inputs at 32 KB, in turn) is submitted. Rendering runs in
// the render pool with a 1 s deadline, so the readers' p95 must stay under twice their own baseline,
// every hostile post must be saved (302) or refused with a sentence (422), and nothing may fail.
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { PATHOLOGICAL_INPUTS } from "../../../test/fixtures/pathological-markdown";
import {
  ensureBuild,
  gist,
  isError,
  pct,
  request,
  routeTable,
  rssSampler,
  runLoad,
  seedForum,
  signIn,
  sleep,
  startApp,
  startStack,
  stopApp,
  waitForOutbox,
  type App,
  type LoadResult,
  type Member,
  type Sample,
  type SeedTopic,
  type Stack,
} from "./load-harness";
import { projectRoot } from "../../server/paths";

const RSS_LIMIT_MB = 300;
// Three posters in turn: each posts every 3 s, past the seeded 2 s between posts, so every post is
// rendered and none is refused for its pace.
const POSTERS = 3;
// 422: refused with a sentence (over the render budget); 429: a poster's previous post landed late on a busy
// machine and this one came inside the posting interval, also refused with a sentence saying when to retry
const HOSTILE_ANSWERS = [302, 303, 422, 429];

type Attack = { samples: Sample[]; saved: number; refused: number };

/** One pathological reply a second into `topic` (readers never open it: its page size is not the point). */
async function postHostile({
  url,
  posters,
  topic,
  seconds,
}: {
  url: string;
  posters: Member[];
  topic: SeedTopic;
  seconds: number;
}): Promise<Attack> {
  const inputs = PATHOLOGICAL_INPUTS.filter((i) => i.name !== "normal prose");
  const attack: Attack = { samples: [], saved: 0, refused: 0 };
  const t0 = Date.now();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < seconds; i++) {
    await sleep(Math.max(0, t0 + i * 1000 - Date.now()));
    const input = inputs[i % inputs.length];
    const body = `${input.build(31_900)}\n\nhostile ${randomBytes(8).toString("hex")}`;
    const at = Date.now();
    pending.push(
      request(url, "POST", topic.path, {
        cookie: posters[i % posters.length].cookie,
        form: { intent: "reply", body },
        timeoutMs: 30_000,
      }).then(
        (r) => {
          const ok = HOSTILE_ANSWERS.includes(r.status);
          attack.samples.push({
            route: `POST ${input.name}`,
            status: ok ? 200 : r.status,
            ms: r.ms,
            at,
            body: ok ? undefined : r.body.slice(0, 2000),
          });
          if (r.status === 302 || r.status === 303) attack.saved++;
          if (r.status === 422 || r.status === 429) attack.refused++;
        },
        (e: Error) =>
          void attack.samples.push({
            route: `POST ${input.name}`,
            status: 0,
            ms: Date.now() - at,
            at,
            error: e.message,
          }),
      ),
    );
  }
  await Promise.all(pending);
  return attack;
}

const readP95 = (r: LoadResult) =>
  pct(
    r.samples.filter((s) => s.status !== 0).map((s) => s.ms),
    95,
  );

export async function runHostileLoad({
  seconds,
  readers,
  log,
}: {
  seconds: number;
  readers: number;
  log: (m: string) => void;
}): Promise<boolean> {
  await ensureBuild(log);
  const stack: Stack = await startStack(path.join(projectRoot, ".data", "load"), log);
  let app: App | undefined;
  let failed = false;
  const check = (ok: boolean, line: string) => {
    console.log(`${ok ? "PASS" : "FAIL"}  ${line}`);
    failed ||= !ok;
  };
  try {
    const seeded = await seedForum(stack.pool, { members: readers + POSTERS, topics: 40, postsPerTopic: 12 });
    app = await startApp(stack);
    await waitForOutbox(stack.pool, 180_000);
    const members = await signIn(app.url, seeded.users);
    const [target, ...readTopics] = seeded.topics;
    const forum = { members: members.slice(0, readers), topics: readTopics, categoryPath: seeded.categoryPath };
    const posters = members.slice(readers);
    log(`app on ${app.url}; ${readers} readers, ${POSTERS} hostile posters taking turns`);
    // warm-up (JIT, pools, the render worker), not measured
    await runLoad({ url: app.url, forum, vus: 10, writers: 0, seconds: 3, maxRequests: 2000 });
    await request(app.url, "POST", target.path, {
      cookie: posters[0].cookie,
      form: { intent: "reply", body: "Warming the render worker up." },
    });
    await sleep(2500);

    const rss = rssSampler(app.child.pid!);
    log(`baseline: ${readers} members reading for ${seconds} s`);
    const baseline = await runLoad({ url: app.url, forum, vus: readers, writers: 0, seconds, maxRequests: 10_000_000 });
    log(`hostile: the same readers for ${seconds} s, with one pathological post a second`);
    const [hostile, attack] = await Promise.all([
      runLoad({ url: app.url, forum, vus: readers, writers: 0, seconds, maxRequests: 10_000_000 }),
      postHostile({ url: app.url, posters, topic: target, seconds }),
    ]);
    rss.stop();

    const base95 = readP95(baseline);
    const hostile95 = readP95(hostile);
    console.log("");
    console.log(
      `Hostile markdown load, ${new Date().toISOString()}, ${os.cpus().length} cores, load average ${os
        .loadavg()[0]
        .toFixed(1)} (machine shared: figures are as measured)`,
    );
    console.log(`\nbaseline, ${readers} readers:\n${routeTable(baseline)}`);
    console.log(`\nwith one pathological post a second:\n${routeTable(hostile)}`);
    console.log(
      `\npathological posts (status 200 = saved or refused with a sentence):\n${routeTable({
        ...hostile,
        samples: attack.samples,
      })}`,
    );
    const errors = [...baseline.samples, ...hostile.samples, ...attack.samples].filter(isError);
    // each distinct failure once, with how often it happened (a page of one repeated line says little)
    const kinds = new Map<string, number>();
    for (const e of errors) {
      const k = `${e.route} ${e.status || e.error}${e.body ? ` "${gist(e.body)}"` : ""}`;
      kinds.set(k, (kinds.get(k) ?? 0) + 1);
    }
    if (errors.length) console.log(`errors: ${[...kinds].map(([k, n]) => `${n} x ${k}`).join("; ")}`);
    console.log("");
    check(errors.length === 0, `errors: ${errors.length}`);
    check(
      attack.samples.length === seconds,
      `pathological posts sent: ${attack.samples.length} in ${seconds} s ` +
        `(${attack.saved} saved, ${attack.refused} refused with a sentence)`,
    );
    check(
      hostile95 < 2 * base95,
      `readers' p95 ${hostile95.toFixed(1)} ms with the attack, ${base95.toFixed(1)} ms without (< 2x: ${(
        hostile95 / base95
      ).toFixed(2)}x)`,
    );
    check(
      rss.peakMb() < RSS_LIMIT_MB,
      `web process peak RSS ${rss.peakMb().toFixed(0)} MB (< ${RSS_LIMIT_MB} MB, render worker included)`,
    );
  } catch (e) {
    // with the app's last lines, which explain most failures
    console.error(e instanceof Error ? e.stack : e, app ? `\n${app.output().slice(-3000)}` : "");
    failed = true;
  } finally {
    // a failed check says why from the app's own error lines
    const errors =
      failed && app
        ? app
            .output()
            .split("\n")
            .filter((l) => /"level":(50|60)/.test(l))
        : [];
    if (errors.length) console.log(`\nthe app's last error lines:\n${errors.slice(-5).join("\n").slice(0, 4000)}`);
    await stopApp(app).finally(() => stack.stop());
  }
  console.log(failed ? "\nHostile load test: FAIL" : "\nHostile load test: PASS");
  return !failed;
}
