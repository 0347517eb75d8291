// Regular expressions on text a member can type answer in linear time: each input is 32,000 characters built for the
// regex that backtracked quadratically before (eslint-plugin-regexp's no-super-linear-* rules now keep new ones out).
import { describe, expect, test } from "vitest";
import { renderPlainExcerpt } from "~/markdown/excerpt.server";
import { safeRedirect } from "~/viewer.server";

const N = 32_000;

function timed<T>(run: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = run();
  return { value, ms: performance.now() - start };
}

describe("no quadratic backtracking on members' text", () => {
  test("safeRedirect: a run of spaces inside the address is not rescanned from each space", () => {
    // redirectTo is a form field (recruiter shortlist: no length limit) or a query parameter ("+" is a space).
    // Before: /[\u0000-\u0020]+$/ began at every space and scanned the run: 0.45 s here (1.1 s for the bare regex
    // in plain node); now 2-3 ms.
    const to = `x${" ".repeat(N - 2)}x`;
    const { value, ms } = timed(() => safeRedirect(to, "/fallback"));
    expect(value).toBe("/fallback");
    expect(ms).toBeLessThan(100);
  });

  test("renderPlainExcerpt: punctuation before the cut is trimmed in one pass", () => {
    // The trailing-punctuation trim /[\s,.;:!?([{-]+$/ began at every comma of a run the cut does not end with:
    // 0.7 s here before (0.8 s for the bare regex in plain node); now under 10 ms.
    const html = `<p>${",".repeat(31_000)}ab${"c".repeat(N - 31_009)}</p>`;
    expect(html.length).toBe(N);
    const { value, ms } = timed(() => renderPlainExcerpt(html, 31_500));
    expect(value.endsWith("c…")).toBe(true);
    expect(ms).toBeLessThan(100);
  });
});
