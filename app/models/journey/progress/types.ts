// What every requirement evaluator receives and returns (browser-safe types).
import type { RequirementKind } from "../requirement.schema";
import type { RouteProgress } from "./routes";

export type Status = "met" | "due" | "overdue" | "pending";

/** One thing behind a count: a post, an activity, a result... with a link when it has a page. */
export type Item = {
  label: string;
  /** the label in French, for programme items (modules, webinars, tests) */
  label_fr?: string | null;
  url?: string;
  date?: string; // YYYY-MM-DD in the member's time zone
  note?: string;
  state?: "counted" | "pending" | "rejected" | "missing" | "not_counted";
};

export type Progress = {
  done: number;
  required: number;
  status: Status;
  items: Item[];
  /** how many more items counted than are listed */
  more: number;
  /** last day (inclusive, member's time zone) of the period the duty must be met in */
  dueBy?: string;
  period?: "year" | "trimester" | "level";
  /** entries waiting for a staff decision */
  pending?: number;
  /** kind-specific figures shown in the sentence (best score, pass mark...) */
  detail?: Record<string, string | number | null>;
};

export type EvaluatedRequirement = {
  id: number;
  key: string;
  kind: RequirementKind;
  phase: "entry" | "duty" | "completion";
  label: string;
  label_fr: string | null;
  params: Record<string, unknown>;
  /** the assessment's or programme's title its label names */
  subject?: string | null;
  subject_fr?: string | null;
  /** the route (an "all of" group) the requirement belongs to; null: needed on every route */
  routeId?: number | null;
  progress: Progress;
};

export function statusOf({
  done,
  required,
  pending = 0,
  overdue = false,
}: {
  done: number;
  required: number;
  pending?: number;
  overdue?: boolean;
}): Status {
  if (done >= required) return "met";
  if (pending > 0 && done + pending >= required) return "pending";
  return overdue ? "overdue" : "due";
}

/** A designation (CCSM) and the member's standing on it: held, open, and how far along each route. */
export type DesignationStanding<R extends EvaluatedRequirement = EvaluatedRequirement> = {
  code: string;
  name: string;
  name_fr: string | null;
  description: string;
  description_fr: string | null;
  minLevel: number;
  /** the member's level reaches the designation's */
  eligible: boolean;
  held: { awardedOn: string } | null;
  pending: { id: number; routeId: number | null } | null;
  requirements: R[];
  routes: RouteProgress[];
  /** the closest route's requirements left when no route is ready (experience is declared on the application) */
  missing: EvaluatedRequirement[];
  canApply: boolean;
};
