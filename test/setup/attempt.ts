// CI runs a failed test once more (vitest `retry`). Rows a test made before it failed stay in its file's database, so
// a retry that made them again under the same fixed name would fail at once on a unique index. Factories pass fixed
// names through `fresh`: the first attempt keeps the name as written, each retry gets its own suffix. A test must
// read names back from what the factory returns. TEST_FRESH_NAMES=always suffixes every attempt, to find tests that
// still hard-code a name.
import { TestRunner } from "vitest";

const getCurrentTest = () => TestRunner.getCurrentTest();

/** Which attempt of the running test this is: 0 first, 1 CI's retry; 0 outside a test (beforeAll). */
export function attempt(): number {
  const n = getCurrentTest()?.result?.retryCount ?? 0;
  return process.env.TEST_FRESH_NAMES === "always" && getCurrentTest() ? n + 1 : n;
}

/** `name` on a test's first attempt; on a retry `name` + sep + "r1" (an email gets "_r1" before its "@"). */
export function fresh(name: string, sep = "_"): string {
  const n = attempt();
  if (!n) return name;
  const at = name.indexOf("@");
  return at < 0 ? `${name}${sep}r${n}` : `${name.slice(0, at)}_r${n}${name.slice(at)}`;
}
