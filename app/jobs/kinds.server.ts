// Every kind of job the outbox carries, with the shape of its payload: `enqueue` accepts only these
// kinds and payloads (checked at compile time), the worker parses each payload before its handler
// runs (a row written by hand that does not match goes to the dead letters, not to the handler), and
// app/jobs/index.server.ts must give every kind a handler (the compiler says which one is missing).
import { z } from "zod";

const id = z.number().int();
const none = z.object({});

export const JOB_PAYLOADS = {
  "account.password_reset": z.object({ email: z.string(), locale: z.string() }),
  "account.password_changed": z.object({ userId: id, at: z.string() }),
  "post.created": z.object({ postId: id, mentionedUserIds: z.array(id).default([]) }),
  "post.liked": z.object({ postId: id, likerId: id }),
  "post.moderated": z.object({
    postId: id,
    userId: id,
    action: z.string(),
    actorId: id,
    jobKey: z.string().optional(),
  }),
  "bookmark.remind": z.object({ userId: id, postId: id }),
  "notification.email": z.object({ notificationId: id }),
  "notification.push": z.object({ notificationId: id, subscriptionId: id }),
  "notification.digest": none,
  // one member's digest for one period (a local day, or an ISO week), as of `at`
  "notification.digest-member": z.object({ userId: id, period: z.string().max(20), at: z.string() }),
  "search.topic": z.object({ topicId: id, retry: z.number().int().default(0) }),
  "search.category": z.object({ categoryId: id }),
  "search.user": z.object({ userId: id }),
  "directory.synonyms": none,
  "profile.reindex": z.object({
    userId: id.optional(),
    userIds: z.array(id).optional(),
    retry: z.number().int().default(0),
  }),
  "progress.daily": none,
  "progress.nudge": z.object({ userId: id }),
  "tutor.question": z.object({ questionId: id }),
  "tutor.clock": none,
  "outbox.cleanup": none,
  "uploads.cleanup": none,
  "recruiter.search-alerts": none,
  "recruiter.search-alert": z.object({ searchId: id }),
  "portfolio.reference_request": z.object({ referenceId: id }),
  "cpd.hourly": none,
  "cpd.review": z.object({ userId: id }),
} as const;

export type JobKind = keyof typeof JOB_PAYLOADS;
/** What a handler receives (defaults applied). */
export type JobPayload<K extends JobKind> = z.output<(typeof JOB_PAYLOADS)[K]>;
/** What `enqueue` accepts (defaults may be left out). */
export type JobInput<K extends JobKind> = z.input<(typeof JOB_PAYLOADS)[K]>;

export const isJobKind = (kind: string): kind is JobKind => Object.hasOwn(JOB_PAYLOADS, kind);
