// What /progress tells a member to do next, per requirement kind: a link to act, or a plain
// sentence and who to ask when staff record it. Pure rules, no database.
import { describe, expect, test } from "vitest";
import { nextStepOf, type NextStepFacts } from "~/models/journey/progress/next-step";
import type { EvaluatedRequirement, Status } from "~/models/journey/progress/types";
import type { RequirementKind } from "~/models/journey/requirement.schema";

const staffContact = { kind: "staff" as const, name: "Amara Okonkwo", url: "/u/amara_admin" };
const facts = (over: Partial<NextStepFacts> = {}): NextStepFacts => ({
  nextEvents: {},
  tests: {},
  canApplyForNext: false,
  contact: staffContact,
  ...over,
});

function req(kind: RequirementKind, params: Record<string, unknown>, status: Status = "due"): EvaluatedRequirement {
  return {
    id: 1,
    key: `k-${kind}`,
    kind,
    phase: "duty",
    label: kind,
    label_fr: null,
    params,
    progress: { done: 0, required: 1, status, items: [], more: 0 },
  };
}

describe("next step per requirement kind", () => {
  test("member-logged duties link to the page where the member logs them", () => {
    expect(nextStepOf(req("books", { minPerTrimester: 1, recommendedOnly: false }), facts())).toEqual({
      act: { key: "logBook", url: "/my/reading" },
    });
    expect(nextStepOf(req("activities", { minPerYear: 3, requireApproval: true }), facts())).toEqual({
      act: { key: "logActivity", url: "/my/activities" },
    });
    expect(nextStepOf(req("distinct_topics", { min: 5 }), facts())).toEqual({
      act: { key: "joinDiscussions", url: "/latest" },
    });
    expect(nextStepOf(req("field_experiences", { min: 2, period: "year" }), facts())).toEqual({
      act: { key: "shareFieldExperience", url: "/new-topic?category=field-experiences" },
    });
    expect(nextStepOf(req("profile", { fields: ["photo"] }), facts())).toEqual({
      act: { key: "completeProfile", url: "/my/profile" },
    });
    expect(nextStepOf(req("mentoring", { minActiveMentees: 1 }), facts())).toEqual({
      act: { key: "offerMentoring", url: "/mentorship/mentor" },
    });
    expect(nextStepOf(req("award_nomination", { perYear: 1 }), facts())).toEqual({
      act: { key: "nominate", url: "/awards/nominate" },
    });
  });

  test("a webinar links to its next event to RSVP, or says plainly no date is announced, and who records it", () => {
    const webinar = req("webinar", { webinar: "webinar-1.0" });
    const startsAt = "2026-12-17T14:00:00.000Z";
    expect(nextStepOf(webinar, facts({ nextEvents: { "webinar-1.0": { id: 42, startsAt } } }))).toEqual({
      act: { key: "rsvp", url: "/events/42", at: startsAt },
    });
    // an event of another webinar is not this one's
    expect(nextStepOf(webinar, facts({ nextEvents: { "webinar-2.0": { id: 43, startsAt } } }))).toEqual({
      say: "noDateYet",
      staff: { ask: staffContact },
    });
  });

  test("an assessment links to the test when it is online, else says it is not open and who records results", () => {
    const test1 = req("assessment", { test: "aptitude-test-1.0", passMark: null });
    const url = "/assessments/aptitude-test-1.0";
    expect(nextStepOf(test1, facts({ tests: { "aptitude-test-1.0": "available" } }))).toEqual({
      act: { key: "takeTest", url },
    });
    expect(nextStepOf(test1, facts({ tests: { "aptitude-test-1.0": "not_ready" } }))).toEqual({
      act: { key: "takeTest", url },
    });
    expect(nextStepOf(test1, facts({ tests: { "aptitude-test-1.0": "open" } }))).toEqual({
      act: { key: "resumeTest", url },
    });
    expect(nextStepOf(test1, facts({ tests: { "aptitude-test-1.0": "cooldown" } }))).toEqual({
      act: { key: "takeTest", url },
      say: "waitCooldown",
    });
    for (const state of ["offline", "other_level", "passed", undefined] as const) {
      expect(nextStepOf(test1, facts({ tests: { "aptitude-test-1.0": state } })), String(state)).toEqual({
        say: "testNotOpen",
        staff: { ask: staffContact },
      });
    }
  });

  test("module tasks are recorded by staff: the member's tutor is named when they have one", () => {
    const tutor = { kind: "tutor" as const, name: "Kwame Mensah", url: "/new-topic?category=group-1" };
    const tasks = req("module_tasks", { programme: "employee-cs-training", modules: [1, 2, 3] });
    expect(nextStepOf(tasks, facts({ contact: tutor }))).toEqual({ staff: { ask: tutor } });
    expect(nextStepOf(tasks, facts({ contact: null }))).toEqual({ staff: { ask: null } });
  });

  test("experience is declared on the application once the member may apply", () => {
    const years = req("experience_years", { experience: "managing_team", minYears: 2 });
    expect(nextStepOf(years, facts({ canApplyForNext: true }))).toEqual({
      act: { key: "declareExperience", url: "/apply" },
    });
    expect(nextStepOf(years, facts({ canApplyForNext: false }))).toEqual({ say: "declareLater" });
  });

  test("nothing to do once met; waiting for a staff decision says who decides", () => {
    expect(nextStepOf(req("books", { minPerTrimester: 1, recommendedOnly: false }, "met"), facts())).toBeNull();
    expect(nextStepOf(req("activities", { minPerYear: 3, requireApproval: true }, "pending"), facts())).toEqual({
      say: "awaitingStaff",
      staff: { ask: staffContact },
    });
    // overdue duties still get their link
    expect(nextStepOf(req("books", { minPerTrimester: 1, recommendedOnly: false }, "overdue"), facts())).toEqual({
      act: { key: "logBook", url: "/my/reading" },
    });
  });
});
