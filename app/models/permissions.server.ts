// The one place that answers "may this viewer see / do this". Lists, topic pages, search,
// feeds, notifications and emails all ask here.
import type { Role } from "../../db/schema";
import { NOMINATION_LEVELS } from "./awards/award.schema";

export type AccessRule = string; // everyone | members | level:N | group:N | staff | participants

export type Scope = {
  userId: number | null;
  isStaff: boolean;
  isMember: boolean;
  level: number; // 0 when not enrolled
  groupIds: number[];
  tutorGroupIds: number[];
  /** a verified recruiter (the role is granted when an admin verifies the organisation) */
  isRecruiter?: boolean;
  /** holds the judge role (which nominations they score comes from their category assignments) */
  isJudge?: boolean;
};

export const VISITOR: Scope = {
  userId: null,
  isStaff: false,
  isMember: false,
  level: 0,
  groupIds: [],
  tutorGroupIds: [],
};

/** What a scope is made of: a signed-in Viewer (viewer.server.ts) has these and more. */
export type ScopeSource = {
  id: number;
  roles: readonly Role[];
  level: number | null;
  groupIds?: number[];
  tutorGroupIds?: number[];
};

export function scopeOf(viewer: ScopeSource | null | undefined): Scope {
  if (!viewer) return VISITOR;
  return {
    userId: viewer.id,
    isStaff: viewer.roles.includes("admin"),
    isMember: viewer.roles.includes("member"),
    level: viewer.level ?? 0,
    groupIds: viewer.groupIds ?? [],
    tutorGroupIds: viewer.tutorGroupIds ?? [],
    isRecruiter: viewer.roles.includes("recruiter"),
    isJudge: viewer.roles.includes("judge"),
  };
}

/** Does the rule admit the viewer? `participant` says whether the viewer is on a private topic's list. */
export function admits(scope: Scope, rule: AccessRule, participant = false): boolean {
  if (scope.isStaff) return true;
  if (rule === "everyone") return true;
  if (!scope.userId) return false;
  if (rule === "members") return scope.isMember;
  if (rule === "participants") return participant;
  if (rule === "staff") return false;
  const [kind, n] = rule.split(":");
  if (kind === "level") return scope.isMember && scope.level >= Number(n);
  if (kind === "group") return scope.groupIds.includes(Number(n)) || scope.tutorGroupIds.includes(Number(n));
  return false;
}

type CategoryRules = { see_rule: string; post_rule: string; reply_rule: string; archived_at?: Date | null };

export const canSeeCategory = (scope: Scope, c: CategoryRules) => admits(scope, c.see_rule);

export function canStartTopic(scope: Scope, c: CategoryRules): boolean {
  // recruiters (and any account without the member role) never post, whatever the category's rule
  if (!scope.userId || c.archived_at || !(scope.isMember || scope.isStaff)) return false;
  return admits(scope, c.see_rule, true) && admits(scope, c.post_rule, true);
}

type TopicState = {
  category: CategoryRules;
  participant: boolean;
  deleted_at: Date | null;
  closed_at: Date | null;
  archived_at: Date | null;
  /** "private_message": a personal message, whatever its category's rules say */
  archetype?: string;
  /** a post in it has an open flag (lets staff read a personal message, through the review queue) */
  flagged?: boolean;
};

/** Private ("participants") categories are seen topic by topic: only the people on the topic's list. */
export function canSeeTopic(scope: Scope, t: Omit<TopicState, "closed_at" | "archived_at">): boolean {
  if (t.archetype === "private_message") return canSeeMessage(scope, t);
  if (t.deleted_at && !scope.isStaff) return false;
  return admits(scope, t.category.see_rule, t.participant);
}

/**
 * A personal message: its participants; staff only while a post in it is flagged (they review it);
 * never anyone else, whatever role.
 */
function canSeeMessage(scope: Scope, t: { participant: boolean; flagged?: boolean; deleted_at: Date | null }) {
  if (!scope.userId) return false;
  if (scope.isStaff && t.flagged) return true;
  return t.participant && !t.deleted_at;
}

/** Starting a personal message: members only (recruiters keep the consented-contact flow). */
export const canStartMessage = (scope: Scope) => !!scope.userId && scope.isMember;

/**
 * May the sender message this member? Not themself, not someone who ignores them or is suspended, and not
 * a member whose profile they may not see (a hidden profile is not reachable by those who cannot see it).
 */
export function canMessageMember(
  scope: Scope,
  r: {
    userId: number;
    visibility: "public" | "members" | "hidden";
    ignoresSender: boolean;
    isMember: boolean;
    suspended?: boolean;
  },
): "self" | "ignored" | "suspended" | "unknown" | null {
  if (scope.userId === r.userId) return "self";
  if (!r.isMember || !canSeeProfile(scope, r)) return "unknown";
  if (r.ignoresSender) return "ignored";
  if (r.suspended) return "suspended";
  return null;
}

/**
 * Adding people to a personal message: a participant who may start messages (not a recruiter), while the
 * conversation is open. Staff reading a flagged message are not participants and add no one.
 */
export const canAddParticipants = (
  scope: Scope,
  t: {
    archetype: string;
    participant: boolean;
    deleted_at: Date | null;
    closed_at: Date | null;
    archived_at: Date | null;
  },
) =>
  canStartMessage(scope) &&
  t.archetype === "private_message" &&
  t.participant &&
  !t.deleted_at &&
  !t.closed_at &&
  !t.archived_at;

/** Ignoring a member: not oneself, and not staff (moderation must still reach everyone). */
export function canIgnoreMember(scope: Scope, target: { userId: number; isStaff: boolean }): "self" | "staff" | null {
  if (scope.userId === target.userId) return "self";
  if (target.isStaff) return "staff";
  return null;
}

export function canReply(scope: Scope, t: TopicState): boolean {
  if (!scope.userId || !(scope.isMember || scope.isStaff) || !canSeeTopic(scope, t)) return false;
  // staff reviewing a flagged message read it; only its participants write in it
  if (t.archetype === "private_message") return t.participant && !t.archived_at && !t.closed_at;
  if (t.archived_at || t.category.archived_at) return false;
  if (t.closed_at && !scope.isStaff) return false;
  return admits(scope, t.category.reply_rule, t.participant);
}

export const isModerator = (scope: Scope, category?: { see_rule: string }): boolean =>
  scope.isStaff ||
  (!!category &&
    category.see_rule.startsWith("group:") &&
    scope.tutorGroupIds.includes(Number(category.see_rule.split(":")[1])));

export function canEditPost(
  scope: Scope,
  post: { user_id: number | null; deleted_at: Date | null },
  category: { see_rule: string },
): boolean {
  if (isModerator(scope, category)) return true;
  return !!scope.userId && post.user_id === scope.userId && !post.deleted_at;
}

export const canLike = (scope: Scope, post: { user_id: number | null }) =>
  !!scope.userId && scope.isMember && post.user_id !== scope.userId;

/** Search filter terms: the audiences a viewer belongs to (documents carry the audiences that may read them). */
export function audiencesOf(scope: Scope): string[] | "all" {
  if (scope.isStaff) return "all";
  const a = ["everyone"];
  if (!scope.userId) return a;
  a.push(`user:${scope.userId}`);
  if (scope.isMember) {
    a.push("members");
    for (let l = 1; l <= scope.level; l++) a.push(`level:${l}`);
  }
  for (const g of [...scope.groupIds, ...scope.tutorGroupIds]) a.push(`group:${g}`);
  return a;
}

/** The audiences of a topic's documents: its category's rule, or its participants for a private topic. */
export function audienceOfTopic(seeRule: string, participantIds: number[]): string[] {
  if (seeRule === "participants") return participantIds.map((id) => `user:${id}`);
  if (seeRule === "staff") return ["staff-only"];
  return [seeRule];
}

/** A member's progress, results and logs: the member themself and staff, nobody else. */
export const canViewProgress = (scope: Scope, ownerId: number) =>
  scope.isStaff || (!!scope.userId && scope.userId === ownerId);

/** Programme administration: requirements, results, applications, log reviews. */
export const canManageProgramme = (scope: Scope) => scope.isStaff;

// ---- directory profiles ----

/**
 * Who sees a profile: "public" everyone; "members" signed-in members and verified recruiters; "hidden" only the
 * member and staff.
 */
export function canSeeProfile(
  scope: Scope,
  p: { userId: number; visibility: "public" | "members" | "hidden" },
): boolean {
  if (scope.isStaff || (scope.userId !== null && scope.userId === p.userId)) return true;
  if (p.visibility === "public") return true;
  if (p.visibility === "members") return scope.isMember || !!scope.isRecruiter;
  return false;
}

/** Directory filter terms: the profile audiences a viewer may search (hidden profiles are never indexed). */
export function profileAudiencesOf(scope: Scope): ("public" | "members")[] {
  return scope.isStaff || scope.isMember || scope.isRecruiter ? ["public", "members"] : ["public"];
}

/**
 * The profile visibilities whose members the composer may offer a viewer to @mention: those the viewer may
 * see (canSeeProfile; staff see hidden ones too). A suspended member is never offered (composer-suggest.server).
 */
export const mentionableVisibilities = (scope: Scope): ("public" | "members" | "hidden")[] =>
  scope.isStaff ? ["public", "members", "hidden"] : profileAudiencesOf(scope);

/**
 * Email and phone: staff only (a recruiter and a member who accepted their contact request see each other's email
 * through the contact itself).
 */
export const canSeeContactDetails = (scope: Scope) => scope.isStaff;

// ---- events and awards ----

/** Events: staff create, publish, mark attendance and show check-in codes. */
export const canManageEvents = (scope: Scope) => scope.isStaff;

/** RSVP and check in: members (a recruiter account never attends as a member). */
export const canRsvp = (scope: Scope) => !!scope.userId && (scope.isMember || scope.isStaff);

/** Awards administration: rounds, categories, judges, results, publishing winners. */
export const canManageAwards = (scope: Scope) => scope.isStaff;

/** Self-nomination: members at levels 3 and 4. */
export const canNominate = (scope: Scope) => !!scope.userId && scope.isMember && scope.level >= NOMINATION_LEVELS.min;

/**
 * A nomination (statement, evidence files): its author, staff, and judges assigned to its category
 * once it is submitted. Nobody else, not even other nominees.
 */
export const canSeeNomination = (scope: Scope, n: { userId: number; judgeOfCategory: boolean; submitted: boolean }) =>
  scope.isStaff ||
  (!!scope.userId && scope.userId === n.userId) ||
  (!!scope.isJudge && n.judgeOfCategory && n.submitted);

/** A judge scores a submitted nomination in a category they are assigned to, never their own. */
export const canScoreNomination = (scope: Scope, n: { userId: number; judgeOfCategory: boolean; submitted: boolean }) =>
  !!scope.userId && !!scope.isJudge && n.judgeOfCategory && n.submitted && scope.userId !== n.userId;

/** Other judges' scores: staff, or a judge of the category once their own review is submitted. */
export const canSeeOtherScores = (scope: Scope, n: { judgeOfCategory: boolean; ownReviewSubmitted: boolean }) =>
  scope.isStaff || (!!scope.isJudge && n.judgeOfCategory && n.ownReviewSubmitted);

// ---- mentor programme ----

/** A mentorship page (goals, sessions, feedback): its mentor, its mentees and staff. */
export function canSeeMentorship(scope: Scope, m: { mentorId: number; menteeIds: number[] }): boolean {
  if (scope.isStaff) return true;
  return !!scope.userId && (scope.userId === m.mentorId || m.menteeIds.includes(scope.userId));
}

/** Feedback left at completion: its author and staff. */
export const canSeeMentorshipFeedback = (scope: Scope, authorId: number) =>
  scope.isStaff || (!!scope.userId && scope.userId === authorId);

/** Staff run the programme: pause or remove mentors, match directly, read feedback. */
export const canManageMentorProgramme = (scope: Scope) => scope.isStaff;

// ---- portfolios (panel review) ----

/** How a would-be reviewer is tied to the member whose portfolio it is. */
export type ReviewerTies = { self: boolean; mentor: boolean; mentee: boolean; tutor: boolean };

/**
 * A panel must judge at arm's length: the member, their mentor, their tutor or their mentee may not
 * review the portfolio. Returns the tie that refuses them (an i18n key suffix), or null.
 */
export function reviewerConflict(t: ReviewerTies): "self" | "mentor" | "mentee" | "tutor" | null {
  if (t.self) return "self";
  if (t.mentor) return "mentor";
  if (t.tutor) return "tutor";
  if (t.mentee) return "mentee";
  return null;
}

/** A portfolio (projects, evidence files, references): its member, staff, and the reviewers assigned to it. */
export const canSeePortfolio = (scope: Scope, p: { userId: number; assignedReviewer: boolean }) =>
  scope.isStaff || (!!scope.userId && (scope.userId === p.userId || p.assignedReviewer));

/** Staff assign reviewers, schedule interviews and decide. */
export const canManagePortfolios = (scope: Scope) => scope.isStaff;
// ---- competency evidence ----

export type EndorserRelation = "mentor" | "tutor" | "leader";

/**
 * Who may endorse a member's competency (a vouch that they saw the work): the member's mentor, their
 * tutor, or a level-4 leader; never the member themself, never a recruiter or a visitor. The
 * relation is what the profile shows beside the sentence.
 */
export function endorserRelation(
  scope: Scope,
  p: { memberId: number; mentor: boolean; tutor: boolean },
): EndorserRelation | null {
  if (!scope.userId || scope.userId === p.memberId) return null;
  if (p.mentor) return "mentor";
  if (p.tutor) return "tutor";
  if (scope.isMember && scope.level >= 4) return "leader";
  return null;
}

/** A self-assessment and development plan: the member and their mentor in an active mentorship, nobody else. */
export const canSeeDevelopmentPlan = (scope: Scope, p: { ownerId: number; activeMentorIds: number[] }) =>
  !!scope.userId && (scope.userId === p.ownerId || p.activeMentorIds.includes(scope.userId));

// ---- user cards (the small card opened from an author's name in a topic) ----

/** A member's sanction (suspended or silenced) is shown on their card to staff only. */
export const canSeeSanction = (scope: Scope) => scope.isStaff;

/**
 * The profile's and the card's "message" link: a member who may start messages and is not suspended, to
 * another member who is not suspended, and with neither ignoring the other (the send would be refused).
 */
export const canOfferMessage = (
  scope: Scope,
  target: { userId: number; suspended: boolean; ignoredEitherWay?: boolean },
  viewerSuspended = false,
) =>
  canStartMessage(scope) &&
  scope.userId !== target.userId &&
  !target.suspended &&
  !target.ignoredEitherWay &&
  !viewerSuspended;
