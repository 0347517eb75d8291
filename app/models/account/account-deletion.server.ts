// A member deletes their account. After the confirmation (their password, or their username for
// an account without one), one transaction erases the profile and personal records, replaces the
// name and email with a tombstone, revokes every badge, cuts recruiters off (contact requests,
// shortlists), and queues the search and directory updates in the outbox. Posts stay under
// "Deleted member" unless the member asks for them to be removed too (Discourse's rule): apart
// from them, every copy of the member's words goes (appeals, flags' notes, judges' comments,
// mentorship notes, audit payloads, notifications, queued jobs) and every file they uploaded
// (photos, evidence, post images). The row in `users` stays, as a tombstone, so that posts, revoked badges and
// the audit log keep pointing at something.
import { readdir, rm } from "node:fs/promises";
import path from "node:path";
import { sql } from "kysely";
import { z } from "zod";
import { db, type Db } from "../../db.server";
import { sharedI18n } from "../../i18n";
import { recordAudit } from "../moderation/audit.server";
import { fileStore } from "../../storage.server";
import { uploadsDir } from "../directory/photo.server";
import { wordsPattern, type DeletionSummary, type Erased, type Identity, type Prepared } from "../shared/account-data";
import { fail, ok, type Result } from "../shared/result";
import { refused } from "../shared/forms.server";
import { deletionAreas } from "./account-data-registry.server";
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
  const { summary, afterCommit } = await db.transaction().execute(async (trx) => {
    const locked = await trx
      .selectFrom("users")
      .select(["id", "display_name", "username", "email", "deleted_at"])
      .where("id", "=", userId)
      .forNoKeyUpdate()
      .executeTakeFirstOrThrow();
    if (locked.deleted_at) return { summary: null, afterCommit: [] };
    return eraseMember(trx, { userId, removePosts, identity: locked });
  });
  if (!summary) return fail(404, "errors.notFound");

  // the areas' files (photo, evidence) and search copies, then any other file of theirs left on disk
  for (const step of afterCommit) await step();
  await removeMemberFiles(userId);
  return ok({ summary });
}

/** After commit: any file of theirs still on disk. */
async function removeMemberFiles(userId: number) {
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

/** The erasure itself, inside the caller's transaction. Exported for the admin tooling to reuse. */
export async function eraseMember(
  trx: Db,
  { userId, removePosts, identity }: { userId: number; removePosts: boolean; identity: Identity },
) {
  const now = new Date();
  // what later steps need once the rows are gone: audit targets, files to remove after commit
  const prepared: Prepared[] = [];
  for (const area of deletionAreas) prepared.push((await area.prepare?.(trx, userId)) ?? {});
  const ctx = {
    trx,
    userId,
    removePosts,
    identity,
    now,
    names: wordsPattern([identity.email, identity.username, identity.display_name]),
    auditTargets: prepared.flatMap((p) => p.auditTargets ?? []),
  };
  const erased: Erased[] = [];
  for (const area of deletionAreas) erased.push((await area.erase(ctx)) ?? {});

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

  // ---- search copies, after commit through the outbox: queued last, so no area's sweep removes them ----
  for (const e of erased) await e.queue?.(trx);

  const counts = Object.assign({}, ...erased.map((e) => e.counts)) as Partial<DeletionSummary>;
  const summary: DeletionSummary = {
    postsKept: counts.postsKept ?? 0,
    postsRemoved: counts.postsRemoved ?? 0,
    topicsRemoved: counts.topicsRemoved ?? 0,
    likesRemoved: counts.likesRemoved ?? 0,
    badgesRevoked: counts.badgesRevoked ?? 0,
  };
  // what happened, never who it was: the audit row holds counts only
  await recordAudit(trx, {
    actorId: userId,
    action: "user.account_deleted",
    targetType: "user",
    targetId: userId,
    after: { removePosts, ...summary },
  });
  return { summary, afterCommit: prepared.flatMap((p) => (p.afterCommit ? [p.afterCommit] : [])) };
}
