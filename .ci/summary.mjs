// Reads vitest's JSON reports (test-results/vitest.json and one per other Node version named on the command line)
// and prints, last, the one line CI reads: "N passed, N failed". Before it, each failed test and each test that
// passed only on its retry, with the first line of each attempt's error and the test line it stopped at, so the
// end of the log says what broke.
import { readFileSync } from "node:fs";

const files = ["test-results/vitest.json", ...process.argv.slice(2).map((v) => `test-results/node-${v}.json`)];
let passed = 0;
let failed = 0;
const failures = [];
const flaky = [];
// the whole suite's files by time (the first report: the machine's Node), to show where CI's minutes go
const durations = [];

const firstLine = (message = "") =>
  (message.split("\n").find((line) => line.trim()) ?? "")
    .trim()
    .replace(/\x1b\[[0-9;]*m/g, "")
    .slice(0, 300);

// where in the test file it stopped: the first stack frame in a *.test.ts (a timeout's message alone names no step)
const where = (message = "") => {
  const m = message.match(/(test\/[\w./-]+\.test\.tsx?:\d+)/);
  return m ? ` (at ${m[1]})` : "";
};
// a browser test's error ends with what its open pages showed (test/setup/browser.ts)
const pages = (message = "") => {
  const m = message.match(/\[open pages at the failure\] (.*)/);
  return m ? `; pages: ${m[1].slice(0, 400)}` : "";
};
const describe = (messages) => messages.map((m) => `${firstLine(m)}${where(m)}${pages(m)}`).join(" | then: ");

for (const file of files) {
  let report;
  try {
    report = JSON.parse(readFileSync(file, "utf8"));
  } catch {
    console.log(`${file}: missing or unreadable`);
    failed += 1;
    continue;
  }
  let fileFailed = 0;
  for (const result of report.testResults) {
    const name = result.name.replace(/^.*?\/test\//, "test/");
    const place = `${file}: ${name}`;
    if (file === files[0]) durations.push({ name, seconds: (result.endTime - result.startTime) / 1000 });
    const tests = result.assertionResults;
    // a file that failed to load (or whose hooks failed) has no failed assertion but must count as a failure
    if (result.status === "failed" && !tests.some((t) => t.status === "failed")) {
      fileFailed += 1;
      failures.push(`${place} (the file): ${firstLine(result.message)}`);
    }
    for (const t of tests) {
      if (t.status === "failed") failures.push(`${place} > ${t.fullName}: ${describe(t.failureMessages)}`);
      else if (t.status === "passed" && t.failureMessages.length > 0)
        flaky.push(`${place} > ${t.fullName}: ${describe(t.failureMessages)}`);
    }
  }
  console.log(`${file}: ${report.numPassedTests} passed, ${report.numFailedTests + fileFailed} failed`);
  passed += report.numPassedTests;
  failed += report.numFailedTests + fileFailed;
}

if (durations.length > 0) {
  const byFolder = new Map();
  for (const { name, seconds } of durations) {
    const folder = name.split("/").slice(0, 2).join("/");
    byFolder.set(folder, (byFolder.get(folder) ?? 0) + seconds);
  }
  const folders = [...byFolder].map(([folder, seconds]) => `${folder} ${Math.round(seconds)} s`).join(", ");
  console.log(`\nTest files' own time in ${files[0]} (two run at once): ${folders}. The slowest:`);
  durations.sort((a, b) => b.seconds - a.seconds);
  for (const { name, seconds } of durations.slice(0, 12)) console.log(`  ${seconds.toFixed(0).padStart(5)} s  ${name}`);
}

if (flaky.length > 0) {
  console.log(`\nPassed only on the retry (${flaky.length}; the first attempt's error):`);
  for (const line of flaky) console.log(`  ${line}`);
}
if (failures.length > 0) {
  console.log(`\nFailed (${failures.length}):`);
  for (const line of failures) console.log(`  ${line}`);
}
console.log(`\n${passed} passed, ${failed} failed`);
