// A member deletes their account. After the confirmation (their password, or their username for
// an account without one), one transaction erases the profile and personal records, replaces the
// name and email with a tombstone, revokes every badge, cuts recruiters off (contact requests,
// shortlists), and queues the search and directory updates in the outbox. Posts stay under
// "Deleted member" unless the member asks for them to be removed too (Discourse's rule): apart
// from them, every copy of the member's words goes (appeals, flags' notes, judges' comments,
// mentorship notes, audit payloads, notifications, queued jobs) and every file they uploaded
// (photos, evidence). The row in `users` stays, as a tombstone, so that posts, revoked badges and
// the audit log keep pointing at something.
import { readdir, rm } from "node:fs/promises";
import path from "node:path";
import { sql } from "kysely";
import { z } from "zod";
import { db, type Db } from "../../db.server";
import { sharedI18n } from "../../i18n";
import { enqueue, enqueueMany } from "../../jobs.server";
import { logger } from "../../logger.server";
import { recordAudit } from "../moderation/audit.server";
import { indexProfiles } from "../directory/directory-index.server";
import { endMentorshipsForDepartingUser } from "../mentorship/mentorship-cycle.server";
import { fileStore } from "../../storage.server";
import { deleteEvidence } from "../awards/award-file.server";
import { deletePhoto, uploadsDir } from "../directory/photo.server";
import { recountCategory } from "../forum/category.server";
import { refreshTopicStats } from "../forum/post.server";
import { fail, ok, type Result } from "../shared/result";
import { refused } from "../shared/forms.server";
import { tombstoneUsername } from "./tombstone";
import { authenticate } from "./user.server";

/** What other members see in place of the name (stored, since pages read the name from the row). */
export const DELETED_NAME = sharedI18n("en").t("privacy.deletedMember");
const tombstoneEmail = (userId: number) => `deleted-${userId}@deleted.invalid`;

export const DeleteAccountSchema = z.object({
  confirm: z
    .string()
    .min(1, { message: "privacy.delete.errors.confirmRequired" })
    .max(200, { message: "privacy.delete.errors.confirmWrong" }),
  removePosts: z.literal("on").optional(),
});

/**
 * A step of the erasure that belongs to another feature (learning groups, events...): it runs in
 * the deletion's transaction, with the member's id, before the tombstone is written.
 */
export type DepartureStep = (trx: Db, userId: number) => Promise<void>;
const departureSteps: DepartureStep[] = [];
export function registerDepartureStep(step: DepartureStep) {
  if (!departureSteps.includes(step)) departureSteps.push(step);
}

export type DeletionSummary = {
  postsKept: number;
  postsRemoved: number;
  topicsRemoved: number;
  likesRemoved: number;
  badgesRevoked: number;
};

/** What the form asks for: the password, or the username for an account that has none. */
export async function getDeletionForm({ userId }: { userId: number }) {
  const row = await db.selectFrom("users").select("password_hash").where("id", "=", userId).executeTakeFirstOrThrow();
  return { hasPassword: !!row.password_hash };
}

/** Checks the confirmation; a wrong one writes nothing (beyond the sign-in throttle's failure count). */
async function confirmed(
  user: { id: number; username: string; password_hash: string | null },
  confirm: string,
  ip: string,
): Promise<Result<object>> {
  if (!user.password_hash) {
    return confirm.trim().toLowerCase() === user.username.toLowerCase()
      ? ok({})
      : fail(400, "form.fixErrors", { confirm: "privacy.delete.errors.usernameWrong" }, { count: 1 });
  }
  // the sign-in check, with its throttle: this form must not become a way to guess passwords
  const auth = await authenticate({ identifier: user.username, password: confirm, ip });
  if (auth.ok && auth.userId === user.id) return ok({});
  if (!auth.ok && auth.status === 429)
    return fail(429, "privacy.delete.errors.throttled", { confirm: "privacy.delete.errors.throttled" });
  return fail(400, "form.fixErrors", { confirm: "privacy.delete.errors.passwordWrong" }, { count: 1 });
}

export async function deleteAccount({
  userId,
  form,
  ip,
}: {
  userId: number;
  form: Record<string, string>;
  ip: string;
}): Promise<Result<{ summary: DeletionSummary }>> {
  const parsed = DeleteAccountSchema.safeParse(form);
  if (!parsed.success) return refused(400, parsed.error, "form.fixErrors");
  const user = await db
    .selectFrom("users")
    .select(["id", "username", "password_hash", "deleted_at"])
    .where("id", "=", userId)
    .executeTakeFirst();
  if (!user || user.deleted_at) return fail(404, "errors.notFound");
  const check = await confirmed(user, parsed.data.confirm, ip);
  if (!check.ok) return check;

  const removePosts = parsed.data.removePosts === "on";
  const { summary, photoKey, fileKeys } = await db.transaction().execute(async (trx) => {
    const locked = await trx
      .selectFrom("users")
      .select(["id", "display_name", "username", "email", "deleted_at"])
      .where("id", "=", userId)
      .forNoKeyUpdate()
      .executeTakeFirstOrThrow();
    if (locked.deleted_at) return { summary: null, photoKey: null, fileKeys: [] };
    return eraseMember(trx, { userId, removePosts, identity: locked });
  });
  if (!summary) return fail(404, "errors.notFound");

  await removeMemberFiles(userId, photoKey, fileKeys);
  // Recruiters lose the profile at once: the outbox job would do it within a second, this does it now.
  try {
    await indexProfiles(db, [userId]);
  } catch (e) {
    logger.warn({ userId, err: (e as Error).message }, "account deletion: directory removal left to the outbox");
  }
  return ok({ summary });
}

/** After commit: the photo, the evidence files, and any other file of theirs left on disk. */
async function removeMemberFiles(userId: number, photoKey: string | null, evidenceKeys: string[]) {
  await deletePhoto(photoKey);
  await deleteEvidence(evidenceKeys);
  if (fileStore().kind !== "disk") return;
  // every upload is named <folder>/<member id>-<random>: earlier photos they replaced, evidence of a
  // save that failed half-way, and the folders of features added later
  const folders = await readdir(uploadsDir(), { withFileTypes: true }).catch(() => []);
  for (const folder of folders.filter((f) => f.isDirectory())) {
    const dir = path.join(uploadsDir(), folder.name);
    const names = await readdir(dir).catch(() => [] as string[]);
    const theirs = names.filter((n) => n.startsWith(`${userId}-`));
    await Promise.all(theirs.map((n) => rm(path.join(dir, n), { force: true })));
  }
}

/** A case-insensitive regular expression (PostgreSQL) matching any of the strings as a whole word. */
function wordsPattern(words: string[]): string {
  const escaped = words.filter((w) => w.trim().length > 0).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  if (!escaped.length) return "$^"; // matches nothing
  return `(^|[^[:alnum:]_])(${escaped.join("|")})($|[^[:alnum:]_])`;
}

/**
 * What staff change in the programme's set-up: a departing staff member's changes keep their
 * before/after (staff accountability), unless the payload names the member.
 */
const STAFF_RECORDS = [
  ...["category", "settings", "level_requirement", "event", "award_round", "award_category"],
  ...["assessment", "question_bank", "bank_question", "recommended_book", "learning_group"],
];

type OwnRecords = { appeals: number[]; applications: number[]; attempts: number[]; organisations: number[] };

/**
 * Copies of the member's words and identity outside the rows deleted above: what they typed in
 * shared records is blanked (the records stay for the others in them), and audit payloads,
 * notifications and queued jobs that name them lose their content.
 */
async function eraseWordsAndTraces(trx: Db, userId: number, identity: Identity, own: OwnRecords) {
  const names = wordsPattern([identity.email, identity.username, identity.display_name]);
  // their notes on flags they raised, their comments as a judge (the scores stay, for the results)
  await trx.updateTable("flags").set({ note: null }).where("user_id", "=", userId).execute();
  const reviews = await trx
    .updateTable("award_reviews")
    .set({ comment: "" })
    .where("judge_id", "=", userId)
    .returning("id")
    .execute();
  if (reviews.length) {
    const ids = reviews.map((r) => r.id);
    await trx.updateTable("award_scores").set({ comment: "" }).where("review_id", "in", ids).execute();
  }
  // mentorship records are the mentor's too: only what this member wrote goes
  await trx.deleteFrom("mentorship_goals").where("created_by", "=", userId).execute(); // a goal is only its title
  await trx
    .updateTable("mentorship_sessions")
    .set({ notes: "", next_steps: "" })
    .where("logged_by", "=", userId)
    .execute();
  await trx.updateTable("mentorships").set({ ask_note: null }).where("mentee_id", "=", userId).execute();
  await trx.updateTable("mentorships").set({ decision_note: null }).where("mentor_id", "=", userId).execute();

  // the audit log keeps what happened and when, never their words or name (the privacy page's promise)
  const targets: [string, number[]][] = [
    ["appeal", own.appeals],
    ["application", own.applications],
    ["assessment_attempt", own.attempts],
    ["recruiter_organisation", own.organisations],
  ];
  await trx
    .updateTable("audit_log")
    .set({ before: null, after: null })
    .where((eb) =>
      eb.or([
        eb.and([eb("actor_id", "=", userId), eb("target_type", "not in", STAFF_RECORDS)]),
        eb.and([eb("target_type", "=", "user"), eb("target_id", "=", String(userId))]),
        ...targets
          .filter(([, ids]) => ids.length)
          .map(([type, ids]) => eb.and([eb("target_type", "=", type), eb("target_id", "in", ids.map(String))])),
        sql<boolean>`coalesce(before::text, '') || ' ' || coalesce(after::text, '') ~* ${names}`,
      ]),
    )
    .where((eb) => eb.or([eb("before", "is not", null), eb("after", "is not", null)]))
    .execute();
  await trx
    .deleteFrom("notifications")
    .where(sql<boolean>`data::text ~* ${names}`)
    .execute();
  // queued or finished jobs that carry them (mails, digests); their own reindex is queued afterwards
  await trx
    .deleteFrom("outbox")
    .where(sql<boolean>`payload::text ~* ${names}`)
    .execute();
  // limits and sign-in failures keyed by their email, username or id ("resetByEmail:ada@…", "account:ada")
  const suffixes = [identity.email, identity.username].map((k) => `%:${k.toLowerCase().replace(/[\\%_]/g, "\\$&")}`);
  for (const table of ["rate_events", "login_failures"] as const) {
    await trx
      .deleteFrom(table)
      .where((eb) =>
        eb.or([eb("key", "in", [`user:${userId}`, `account:${userId}`]), ...suffixes.map((s) => eb("key", "like", s))]),
      )
      .execute();
  }
}

/**
 * Rows of the newer programme features that are the member's alone (RSVPs, attendance, group
 * membership, readiness, appeals, test attempts, judge seats). Each table is skipped when absent,
 * and erased under a savepoint: a feature's constraint the deletion did not foresee is logged and
 * leaves that table alone rather than refusing the whole deletion.
 */
const OTHER_PERSONAL_ROWS: [table: string, column: string][] = [
  ["event_rsvps", "user_id"],
  ["event_attendance", "user_id"],
  ["learning_group_members", "user_id"],
  ["assessment_readiness", "user_id"],
  ["appeals", "user_id"],
  ["assessment_attempts", "user_id"],
  ["award_judges", "user_id"],
  ["two_factor_challenges", "user_id"],
  ["two_factor_recovery_codes", "user_id"],
  ["user_two_factor", "user_id"],
  ["drafts", "user_id"],
  ["passkey_challenges", "user_id"],
  ["passkeys", "user_id"],
  ["push_subscriptions", "user_id"],
  ["push_preferences", "user_id"],
];

async function eraseOtherFeaturesRows(trx: Db, userId: number) {
  for (const [table, column] of OTHER_PERSONAL_ROWS) {
    const exists = await sql<{ t: string | null }>`select to_regclass(${table})::text as t`.execute(trx);
    if (!exists.rows[0]?.t) continue;
    await sql`savepoint erase_other`.execute(trx);
    try {
      await sql`delete from ${sql.table(table)} where ${sql.ref(column)} = ${userId}`.execute(trx);
      await sql`release savepoint erase_other`.execute(trx);
    } catch (e) {
      await sql`rollback to savepoint erase_other`.execute(trx);
      logger.warn({ table, err: (e as Error).message }, "account deletion: rows left in place");
    }
  }
}

type Identity = { display_name: string; username: string; email: string };

/** The erasure itself, inside the caller's transaction. Exported for the admin tooling to reuse. */
export async function eraseMember(
  trx: Db,
  { userId, removePosts, identity }: { userId: number; removePosts: boolean; identity: Identity },
) {
  const now = new Date();
  const photo = await trx.selectFrom("profiles").select("photo_key").where("user_id", "=", userId).executeTakeFirst();
  const ids = async (table: "appeals" | "applications" | "assessment_attempts" | "recruiter_organisations") =>
    (await trx.selectFrom(table).select("id").where("user_id", "=", userId).execute()).map((r) => r.id);
  const mine: OwnRecords = {
    appeals: await ids("appeals"),
    applications: await ids("applications"),
    attempts: await ids("assessment_attempts"),
    organisations: await ids("recruiter_organisations"),
  };
  const evidence = await trx
    .selectFrom("award_nomination_files as f")
    .innerJoin("award_nominations as n", "n.id", "f.nomination_id")
    .select("f.storage_key")
    .where("n.user_id", "=", userId)
    .execute();

  // ---- forum: posts, likes, and the counters they feed ----
  const own = await trx
    .selectFrom("posts")
    .select(["id", "topic_id", "deleted_at"])
    .where("user_id", "=", userId)
    .execute();
  const touched = new Set(own.map((p) => p.topic_id));
  let topicsRemoved = 0;
  if (removePosts && own.length) {
    await trx
      .updateTable("posts")
      .set({
        body_markdown: "",
        body_html: "",
        deleted_at: sql`coalesce(deleted_at, ${now})`,
        deleted_by: sql`coalesce(deleted_by, ${userId})`,
      })
      .where("user_id", "=", userId)
      .execute();
    await trx
      .deleteFrom("post_revisions")
      .where(
        "post_id",
        "in",
        own.map((p) => p.id),
      )
      .execute();
    // as when an author withdraws an opening post: the topic goes with it (its title is theirs too)
    const topics = await trx
      .updateTable("topics")
      .set({
        title: "—",
        deleted_at: sql`coalesce(deleted_at, ${now})`,
        deleted_by: sql`coalesce(deleted_by, ${userId})`,
      })
      .where("user_id", "=", userId)
      .returning("id")
      .execute();
    topicsRemoved = topics.length;
    await trx
      .updateTable("audit_log")
      .set({ before: null, after: null })
      .where("target_type", "=", "post")
      .where(
        "target_id",
        "in",
        own.map((p) => String(p.id)),
      )
      .execute();
  }
  const unliked = await trx.deleteFrom("post_likes").where("user_id", "=", userId).returning("post_id").execute();
  if (unliked.length) {
    const ids = unliked.map((l) => l.post_id);
    await sql`update posts set like_count = (select count(*) from post_likes l where l.post_id = posts.id)
        where id = any(${ids}::int[])`.execute(trx);
    for (const t of await trx.selectFrom("posts").select("topic_id").distinct().where("id", "in", ids).execute())
      touched.add(t.topic_id);
  }
  const topicIds = [...touched];
  for (const id of topicIds) await refreshTopicStats(trx, id);
  if (topicIds.length) {
    const cats = await trx.selectFrom("topics").select("category_id").distinct().where("id", "in", topicIds).execute();
    for (const c of cats) await recountCategory(trx, c.category_id);
  }

  // ---- badges: revoked, so a verifier sees it; the rows stay for that ----
  const revoked = await trx
    .updateTable("badge_awards")
    .set({ revoked_at: now, revoked_by: userId, revoke_reason: null })
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null)
    .returning("id")
    .execute();

  // ---- recruiters lose access; the member's own recruiter records go too ----
  await trx
    .deleteFrom("contact_requests")
    .where((eb) => eb.or([eb("member_id", "=", userId), eb("recruiter_id", "=", userId)]))
    .execute();
  await trx
    .deleteFrom("shortlists")
    .where((eb) => eb.or([eb("member_id", "=", userId), eb("recruiter_id", "=", userId)]))
    .execute();
  await trx
    .deleteFrom("recruiter_blocks")
    .where((eb) => eb.or([eb("member_id", "=", userId), eb("recruiter_id", "=", userId)]))
    .execute();
  await trx.deleteFrom("saved_searches").where("user_id", "=", userId).execute();
  await trx.deleteFrom("recruiter_organisations").where("user_id", "=", userId).execute();

  // ---- mentorships: ended by the mentor programme's own rule; the member's words in them blanked ----
  await endMentorshipsForDepartingUser(trx, userId);
  await trx
    .updateTable("mentorship_requests")
    .set({ goals: "—", availability: "" })
    .where("mentee_id", "=", userId)
    .execute();
  await trx.updateTable("mentor_registrations").set({ pitch: "" }).where("user_id", "=", userId).execute();
  // a rating stays in the mentor's record, anonymous; the comment was the member's words
  await trx.updateTable("mentorship_feedback").set({ comment: "" }).where("user_id", "=", userId).execute();

  // ---- profile and personal records ----
  await trx
    .deleteFrom("endorsements")
    .where((eb) => eb.or([eb("user_id", "=", userId), eb("endorser_id", "=", userId)]))
    .execute();
  for (const table of [
    "profile_competencies",
    "competency_plans",
    "designations",
    "profiles",
    "activities",
    "reading_log",
    "level_history",
    "assessment_results",
    "webinar_attendance",
    "module_tasks",
    "award_nominations",
    "cpd_events",
    "applications",
    "bookmarks",
    "topic_reads",
    "notification_settings",
    "topic_watches",
    "category_watches",
    // out of every conversation (their posts stay as for topics, under "Deleted member"), and their ignores
    "topic_allowed_users",
    "user_ignores",
    "password_reset_tokens",
    "sessions",
    "user_roles",
  ] as const) {
    await trx.deleteFrom(table).where("user_id", "=", userId).execute();
  }
  await trx.deleteFrom("user_ignores").where("ignored_user_id", "=", userId).execute();
  // their notifications, and others' notifications that carry their name or words
  await trx
    .deleteFrom("notifications")
    .where((eb) =>
      eb.or([
        eb("user_id", "=", userId),
        eb("actor_id", "=", userId),
        eb.and([
          eb("kind", "=", "like"),
          sql<boolean>`(data -> 'names') @> jsonb_build_array(${identity.display_name}::text)`,
        ]),
      ]),
    )
    .execute();
  await eraseWordsAndTraces(trx, userId, identity, mine);
  await eraseOtherFeaturesRows(trx, userId);
  for (const step of departureSteps) await step(trx, userId);

  // ---- the tombstone ----
  await trx
    .updateTable("users")
    .set({
      email: tombstoneEmail(userId),
      username: tombstoneUsername(userId),
      display_name: DELETED_NAME,
      password_hash: null,
      locale: null,
      time_zone: sql`default`,
      digest: "never",
      digest_period: null,
      digest_sent_at: null,
      level: null,
      last_seen_at: null,
      last_visit_at: null,
      silenced_until: null,
      suspended_until: null,
      sanction_reason: null,
      deleted_at: now,
    })
    .where("id", "=", userId)
    .execute();

  // ---- search copies, after commit through the outbox ----
  await enqueueMany(
    trx,
    "search.topic",
    topicIds.map((topicId) => ({ topicId })),
  );
  await enqueue(trx, "profile.reindex", { userId });

  const summary: DeletionSummary = {
    postsKept: removePosts ? 0 : own.filter((p) => !p.deleted_at).length,
    postsRemoved: removePosts ? own.length : 0,
    topicsRemoved,
    likesRemoved: unliked.length,
    badgesRevoked: revoked.length,
  };
  // what happened, never who it was: the audit row holds counts only
  await recordAudit(trx, {
    actorId: userId,
    action: "user.account_deleted",
    targetType: "user",
    targetId: userId,
    after: { removePosts, ...summary },
  });
  return { summary, photoKey: photo?.photo_key ?? null, fileKeys: evidence.map((f) => f.storage_key) };
}
