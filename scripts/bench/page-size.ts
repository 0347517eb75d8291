// npm run size [-- --url http://localhost:3000]: each reading page's first-load transfer size and
// first contentful paint under a simulated slow 3G connection (Chromium's network throttling over the
// DevTools protocol: 400 kbit/s down and up, 400 ms latency), cache empty, as a visitor.
// Run it against a started app with some content (npm run dev, or npm start on real data).
import { chromium } from "playwright-core";
import { findChromium } from "../../test/setup/chromium";
import { installableAppAdds, kb, measureFirstLoad, SLOW_3G, SW_BUDGET } from "./lib/page-transfer";

const BUDGET = 100 * 1024;

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i === -1 ? undefined : process.argv[i + 1];
}

/** Home, latest, the first topic listed on /latest, and the directory. */
async function pagesOf(origin: string): Promise<[string, string][]> {
  const latest = await fetch(`${origin}/latest`).then((r) => r.text());
  const topic = /href="(\/t\/[^"/]+\/\d+)"/.exec(latest)?.[1];
  return [
    ["home", "/"],
    ["latest", "/latest"],
    ...(topic ? [["topic", topic] as [string, string]] : []),
    ["directory", "/directory"],
  ];
}

async function main() {
  const origin = (argValue("--url") ?? process.env.APP_URL ?? "http://localhost:3000").replace(/\/$/, "");
  const lang = argValue("--lang") ?? "en";
  const executablePath = findChromium();
  if (!executablePath) throw new Error("Chromium not found: set CHROMIUM_PATH.");
  const pages = await pagesOf(origin);
  const browser = await chromium.launch({
    executablePath,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run"],
  });
  const rows: string[][] = [];
  let over = 0;
  try {
    for (const [name, path] of pages) {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: lang });
      const page = await context.newPage();
      const started = Date.now();
      const t = await measureFirstLoad(page, `${origin}${path}`, { throttle: SLOW_3G });
      const loaded = Date.now() - started;
      await context.close();
      if (t.total > BUDGET) over++;
      for (const f of t.failed) console.error(`${name}: request failed, not counted: ${f}`);
      if (t.failed.length) over++;
      const types = Object.entries(t.byType)
        .map(([k, v]) => `${k} ${kb(v)}`)
        .join(", ");
      rows.push([
        name,
        path.length > 40 ? `${path.slice(0, 39)}…` : path,
        kb(t.total),
        String(t.count),
        t.fcpMs === null ? "n/a" : `${t.fcpMs} ms`,
        `${loaded} ms`,
        t.total <= BUDGET ? "yes" : "NO",
        types,
      ]);
    }
  } finally {
    await browser.close();
  }
  const head = ["page", "path", "transfer", "requests", "FCP (slow 3G)", "loaded", "<= 100 KB", "by type"];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(" | ")} |`;
  console.log(
    `First load, empty cache, as a visitor (${lang}), ${origin}, slow 3G: 400 kbit/s down/up, 400 ms latency`,
  );
  console.log(line(head));
  console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
  for (const r of rows) console.log(line(r));
  const { adds, added } = await installableAppAdds(origin);
  console.log(
    `\nService worker and manifest, added to a first visit: ${kb(added)} (budget ${kb(SW_BUDGET)}: ` +
      `${added <= SW_BUDGET ? "yes" : "NO"}): ${adds.map(([p, b]) => `${p} ${kb(b)}`).join(", ")}`,
  );
  if (added > SW_BUDGET) over++;
  if (over) {
    console.error(`${over} measure(s) over budget`);
    process.exitCode = 1;
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
