// What a member does next for each requirement (browser-safe, pure): a link to act, a plain
// sentence when there is nothing to act on yet, and who to ask when staff record it. One function
// per requirement kind, like the evaluators; the facts they need are loaded by next-step.server.ts.
import type { ParamsOf, RequirementKind } from "../requirement.schema";
import type { EvaluatedRequirement } from "./types";

/** The online engine's answer for an assessment (see assessment-availability.server.ts). */
export type TestState = "available" | "open" | "passed" | "cooldown" | "not_ready" | "other_level" | "offline";

/** Who to ask about something staff record: the member's tutor (in their group space) or programme staff. */
export type Contact = { kind: "tutor" | "staff"; name: string; url: string };

export type NextStepFacts = {
  /** the next published event of each webinar, by webinar slug */
  nextEvents: Record<string, { id: number; startsAt: string } | undefined>;
  /** the online state of each assessment, by slug (absent: not known, treated as not open) */
  tests: Record<string, TestState | undefined>;
  canApplyForNext: boolean;
  contact: Contact | null;
};

/** A link to act; `at` is an instant the sentence shows (a webinar's start). */
export type Act = { key: ActKey; url: string; at?: string };
export type ActKey =
  | "joinDiscussions"
  | "shareFieldExperience"
  | "logActivity"
  | "logBook"
  | "rsvp"
  | "takeTest"
  | "resumeTest"
  | "completeProfile"
  | "declareExperience"
  | "offerMentoring"
  | "nominate"
  | "preparePortfolio"
  | "viewPortfolio";
export type SayKey = "noDateYet" | "testNotOpen" | "declareLater" | "awaitingStaff" | "waitCooldown";

export type NextStep = {
  act?: Act;
  /** a plain sentence when there is no link to act on (yet) */
  say?: SayKey;
  /** recorded by staff: the sentence names who to ask */
  staff?: { ask: Contact | null };
};

type Req<K extends RequirementKind> = Omit<EvaluatedRequirement, "params" | "kind"> & { kind: K; params: ParamsOf<K> };
type NextStepOf<K extends RequirementKind> = (r: Req<K>, facts: NextStepFacts) => NextStep;

const staff = (facts: NextStepFacts, say?: SayKey): NextStep => ({
  ...(say ? { say } : {}),
  staff: { ask: facts.contact },
});
const act = (key: ActKey, url: string, at?: string): NextStep => ({ act: at ? { key, url, at } : { key, url } });

function webinarStep(r: Req<"webinar">, facts: NextStepFacts): NextStep {
  const event = facts.nextEvents[r.params.webinar];
  // no event to join: say so plainly; staff can still record attendance (a recording, another session)
  return event ? act("rsvp", `/events/${event.id}`, event.startsAt) : staff(facts, "noDateYet");
}

function assessmentStep(r: Req<"assessment">, facts: NextStepFacts): NextStep {
  const url = `/assessments/${encodeURIComponent(r.params.test)}`;
  switch (facts.tests[r.params.test]) {
    case "available":
    case "not_ready": // the test's page says the tutor's readiness mark is missing
      return act("takeTest", url);
    case "open":
      return act("resumeTest", url);
    case "cooldown":
      return { ...act("takeTest", url), say: "waitCooldown" };
    default:
      // not online (or passed online against another pass mark): results are recorded by staff
      return staff(facts, "testNotOpen");
  }
}

export const nextSteps: { [K in RequirementKind]: NextStepOf<K> } = {
  distinct_topics: () => act("joinDiscussions", "/latest"),
  field_experiences: () => act("shareFieldExperience", "/new-topic?category=field-experiences"),
  activities: () => act("logActivity", "/my/activities"),
  books: () => act("logBook", "/my/reading"),
  webinar: webinarStep,
  assessment: assessmentStep,
  profile: () => act("completeProfile", "/my/profile"),
  experience_years: (_r, facts) =>
    facts.canApplyForNext ? act("declareExperience", "/apply") : { say: "declareLater" },
  mentoring: () => act("offerMentoring", "/mentorship/mentor"),
  award_nomination: () => act("nominate", "/awards/nominate"),
  // no page for members to hand in module tasks: their tutor or staff evaluate and record them
  module_tasks: (_r, facts) => staff(facts),
  // the portfolio's page says where the panel is, the interview, the decision and its reasons
  portfolio: (r) => {
    const url = String(r.progress.detail?.url ?? "/progress");
    const state = r.progress.detail?.state;
    return act(state === "none" || state === "draft" ? "preparePortfolio" : "viewPortfolio", url);
  },
};

/** The next step of one requirement; none once it is met. Waiting for a staff decision says who decides. */
export function nextStepOf(r: EvaluatedRequirement, facts: NextStepFacts): NextStep | null {
  if (r.progress.status === "met") return null;
  if (r.progress.status === "pending" && r.kind !== "portfolio") return staff(facts, "awaitingStaff");
  return (nextSteps[r.kind] as NextStepOf<RequirementKind>)(r as Req<RequirementKind>, facts);
}
