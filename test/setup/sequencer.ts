import { BaseSequencer, type TestSpecification } from "vitest/node";

// Files that spend most of their time waiting (a 60 s database outage, long browser flows) start first, so
// their waits overlap the rest of the suite instead of running alone at its end (on a clean clone vitest has
// no timing cache and keeps the glob order, which put the 67 s outage test last).
const LONG_FIRST = [
  "test/integration/worker-outage.test.ts",
  "test/e2e/forum-flow.test.ts",
  "test/integration/fuzz-forms.test.ts",
  "test/e2e/hydration.test.ts",
  "test/e2e/accessibility.test.ts",
  "test/e2e/recruiter-flow.test.ts",
];

function rank(spec: TestSpecification): number {
  const index = LONG_FIRST.findIndex((file) => spec.moduleId.endsWith(file));
  return index === -1 ? LONG_FIRST.length : index;
}

export default class LongFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    return sorted
      .map((spec, order) => ({ spec, order }))
      .sort((a, b) => rank(a.spec) - rank(b.spec) || a.order - b.order)
      .map(({ spec }) => spec);
  }
}
