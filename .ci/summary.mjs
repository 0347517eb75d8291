// Reads vitest's JSON reports (test-results/vitest.json and one per other Node version named on the command line)
// and prints, last, the one line CI reads: "N passed, N failed". Before it, each failed test and each test that
// passed only on its retry, with the first line of its error, so the end of the log says what broke.
import { readFileSync } from "node:fs";

const files = ["test-results/vitest.json", ...process.argv.slice(2).map((v) => `test-results/node-${v}.json`)];
let passed = 0;
let failed = 0;
const failures = [];
const flaky = [];

const firstLine = (message = "") =>
  (message.split("\n").find((line) => line.trim()) ?? "")
    .trim()
    .replace(/\x1b\[[0-9;]*m/g, "")
    .slice(0, 300);

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
    const where = `${file}: ${result.name.replace(/^.*?\/test\//, "test/")}`;
    const tests = result.assertionResults;
    // a file that failed to load (or whose hooks failed) has no failed assertion but must count as a failure
    if (result.status === "failed" && !tests.some((t) => t.status === "failed")) {
      fileFailed += 1;
      failures.push(`${where} (the file): ${firstLine(result.message)}`);
    }
    for (const t of tests) {
      if (t.status === "failed") failures.push(`${where} > ${t.fullName}: ${firstLine(t.failureMessages[0])}`);
      else if (t.status === "passed" && t.failureMessages.length > 0)
        flaky.push(`${where} > ${t.fullName}: ${firstLine(t.failureMessages[0])}`);
    }
  }
  console.log(`${file}: ${report.numPassedTests} passed, ${report.numFailedTests + fileFailed} failed`);
  passed += report.numPassedTests;
  failed += report.numFailedTests + fileFailed;
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
