// CI: fails on a known high or critical advisory in the production dependencies, unless README's
// "Dependency overrides and patches" accepts it (listed in ACCEPTED below, with its patch).
// Where no advisory source answers (this registry mirror answers npm audit with 405), it says so
// and skips without failing.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

/** Advisories fixed here by a patch (patches/) because the package's fixed versions cannot be used. */
export const ACCEPTED = [
  {
    advisory: "GHSA-rxv8-25v2-qmq8", // CVE-2026-34077
    package: "turbo-stream",
    reason:
      "fixed only in turbo-stream 3, a new wire format and API that @remix-run/react and server-runtime 2.17.5 " +
      "cannot use; " +
      "patches/turbo-stream+2.4.1.patch (and @remix-run/react's) build decoded errors from Error types only",
  },
  // deserializeErrors' constructor from a name: fixed upstream only in React Router 7.18; patched in
  // patches/react-router-dom+6.30.6.patch and @remix-run/react's
  ...["react-router", "react-router-dom"].map((name) => ({
    advisory: "GHSA-337j-9hxr-rhxg",
    package: name,
    reason: "fixed only in React Router 7; patched here to hydrate Error types only",
  })),
];

const SEVERE = new Set(["high", "critical"]);
const NETWORK_CODES = new Set([
  "ENOTFOUND",
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
]);

/**
 * What an `npm audit --json` answer means: "skip" (no advisory source answered), "fail" (with the
 * advisories to fix) or "pass".
 */
export function judge(report, accepted = ACCEPTED) {
  if (!report || typeof report !== "object") return { verdict: "fail", reason: "npm audit gave no JSON answer" };
  if (!report.vulnerabilities) {
    const status = Number(report.statusCode ?? report.error?.statusCode);
    const code = report.code ?? report.error?.code;
    if ((status >= 400 && status < 600) || NETWORK_CODES.has(code)) {
      return { verdict: "skip", reason: `no advisory source is reachable (${report.message ?? code ?? status})` };
    }
    return {
      verdict: "fail",
      reason: `npm audit failed: ${report.message ?? report.error?.summary ?? JSON.stringify(report).slice(0, 300)}`,
    };
  }
  const found = new Map();
  for (const vulnerability of Object.values(report.vulnerabilities)) {
    for (const via of vulnerability.via ?? []) {
      // a string names another vulnerable package: its own advisory is counted there
      if (typeof via !== "object" || !SEVERE.has(via.severity)) continue;
      const id = String(via.url ?? via.source)
        .split("/")
        .pop();
      found.set(id, { id, package: via.name, severity: via.severity, title: via.title, url: via.url });
    }
  }
  const open = [...found.values()].filter((a) => !accepted.some((x) => x.advisory === a.id && x.package === a.package));
  const acceptedSeen = [...found.values()].filter((a) => !open.includes(a));
  if (open.length) return { verdict: "fail", reason: `${open.length} high or critical advisories`, open, acceptedSeen };
  return { verdict: "pass", reason: "no open high or critical advisory", open, acceptedSeen };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const run = spawnSync("npm", ["audit", "--omit=dev", "--json"], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  let report;
  try {
    report = JSON.parse(run.stdout);
  } catch {
    report = undefined;
  }
  const result = judge(report);
  for (const a of result.acceptedSeen ?? [])
    console.log(`accepted (patched): ${a.package} ${a.severity} ${a.title} ${a.url}`);
  for (const a of result.open ?? []) console.log(`OPEN: ${a.package} ${a.severity} ${a.title} ${a.url}`);
  if (result.verdict === "skip") console.log(`Dependency audit skipped: ${result.reason}.`);
  else console.log(`Dependency audit ${result.verdict === "pass" ? "passed" : "failed"}: ${result.reason}.`);
  process.exit(result.verdict === "fail" ? 1 : 0);
}
