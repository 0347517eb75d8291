import { createHash, randomBytes } from "node:crypto";
import { sql } from "kysely";
import type { Role } from "../../../db/schema";
import { endAllSessions, hashPassword, verifyAgainstDummy, verifyPassword } from "../../auth.server";
import { db, type Db } from "../../db.server";
import { env } from "../../env.server";
import { isLocale, pickLocale, sharedI18n, type Locale } from "../../i18n";
import { enqueue } from "../../jobs.server";
import { sendMail } from "../../mail.server";
import { recordAudit } from "../moderation/audit.server";
import { passwordProblem } from "./password-policy.server";
import { fail, ok, type Result } from "../shared/result";
import { isUniqueViolation } from "../shared/db-errors.server";
import type { SignupInput } from "./user.schema";

const RESERVED = new Set([
  "admin",
  "administrator",
  "staff",
  "support",
  "system",
  "touchpoints",
  "moderator",
  "root",
  "null",
  "undefined",
  "me",
  "new",
  "deleted",
]);

export async function getUserByLogin(identifier: string) {
  const needle = identifier.trim().toLowerCase();
  return db
    .selectFrom("users")
    .select(["id", "email", "username", "display_name", "password_hash"])
    .where((eb) => eb.or([eb(sql`lower(email)`, "=", needle), eb(sql`lower(username)`, "=", needle)]))
    .executeTakeFirst();
}

/** `locale`: the language the member signed up in, kept as their setting (their emails follow it). */
export async function createUser(
  input: SignupInput & { roles?: Role[]; locale?: Locale },
): Promise<Result<{ userId: number }>> {
  const fields: Record<string, string> = {};
  if (RESERVED.has(input.username.toLowerCase())) fields.username = "signup.errors.usernameReserved";
  const pw = passwordProblem(input.password, { username: input.username, email: input.email });
  if (pw) fields.password = pw;
  const taken = await db
    .selectFrom("users")
    .select([
      sql<boolean>`lower(email) = lower(${input.email})`.as("email_taken"),
      sql<boolean>`lower(username) = lower(${input.username})`.as("username_taken"),
    ])
    .where((eb) =>
      eb.or([
        eb(sql`lower(email)`, "=", input.email.toLowerCase()),
        eb(sql`lower(username)`, "=", input.username.toLowerCase()),
      ]),
    )
    .execute();
  if (taken.some((r) => r.email_taken)) fields.email = "signup.errors.emailTaken";
  if (taken.some((r) => r.username_taken)) fields.username ??= "signup.errors.usernameTaken";
  if (Object.keys(fields).length) return fail(400, "form.fixErrors", fields);

  const passwordHash = await hashPassword(input.password);
  try {
    const userId = await db.transaction().execute(async (trx) => {
      const user = await trx
        .insertInto("users")
        .values({
          email: input.email,
          username: input.username,
          display_name: input.displayName,
          password_hash: passwordHash,
          locale: input.locale ?? null,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      const roles = input.roles ?? ["member"];
      await trx
        .insertInto("user_roles")
        .values(roles.map((role) => ({ user_id: user.id, role })))
        .execute();
      return user.id;
    });
    return ok({ userId });
  } catch (e) {
    // two sign-ups racing for the same name: the unique index decides
    if (isUniqueViolation(e, "users_email_lower_idx"))
      return fail(400, "form.fixErrors", { email: "signup.errors.emailTaken" });
    if (isUniqueViolation(e, "users_username_lower_idx"))
      return fail(400, "form.fixErrors", { username: "signup.errors.usernameTaken" });
    throw e;
  }
}

// Per account 10 failures; per IP more, since many members share a carrier's NAT address.
export const THROTTLE = { max: 10, ipMax: 30, windowMinutes: 15 };

/**
 * The account's throttle key: its id, so its email and username share one count. A login that
 * matches no account is counted by what was typed (it locks nothing real, and answers the same).
 */
const accountKey = (user: { id: number } | undefined, identifier: string) =>
  user ? `user:${user.id}` : `login:${identifier.trim().toLowerCase()}`;
const ipKeyOf = (ip: string) => `ip:${ip}`;

async function throttledUntil(accountKey: string, ipKey: string): Promise<Date | null> {
  const keys = [accountKey, ipKey];
  const rows = await db
    .selectFrom("login_failures")
    .select(["key", sql<number>`count(*)::int`.as("n"), sql<Date>`min(at)`.as("first")])
    .where("key", "in", keys)
    .where("at", ">", sql<Date>`now() - make_interval(mins => ${THROTTLE.windowMinutes})`)
    .groupBy("key")
    .execute();
  const blocked = rows.filter((r) => r.n >= (r.key === ipKey ? THROTTLE.ipMax : THROTTLE.max));
  if (!blocked.length) return null;
  const first = Math.max(...blocked.map((r) => new Date(r.first).getTime()));
  return new Date(first + THROTTLE.windowMinutes * 60_000);
}

type Checked = Result<{ userId: number }> & { retryAt?: Date };

/** A password check under the sign-in throttle (sign-in, and the current password on /my/security). */
async function checkPassword(
  user: { id: number; password_hash: string | null } | undefined,
  key: string,
  password: string,
  ip: string,
): Promise<Checked> {
  const ipKey = ipKeyOf(ip);
  const until = await throttledUntil(key, ipKey);
  if (until) return { ...fail(429, "login.throttled"), retryAt: until };
  const good = user?.password_hash
    ? await verifyPassword(user.password_hash, password)
    : await verifyAgainstDummy(password);
  if (!user || !good) {
    await db
      .insertInto("login_failures")
      .values([{ key }, { key: ipKey }])
      .execute();
    return fail(401, "login.invalid");
  }
  await db.deleteFrom("login_failures").where("key", "=", key).execute();
  return ok({ userId: user.id });
}

/**
 * Checks the password; refuses (429) after 10 failures in 15 minutes for the account (30 for an IP).
 * Starts no session: the caller does, after any further step.
 */
export async function authenticate({
  identifier,
  password,
  ip,
}: {
  identifier: string;
  password: string;
  ip: string;
}): Promise<Checked> {
  const user = await getUserByLogin(identifier);
  return checkPassword(user, accountKey(user, identifier), password, ip);
}

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

/**
 * Queues the reset mail. The request does the same work whether or not the email has an account
 * (one outbox row): which it is, and the mail, are the worker's business (`deliverPasswordReset`).
 */
export async function requestPasswordReset({ email, locale }: { email: string; locale: Locale }) {
  await enqueue(db, "account.password_reset", { email: email.trim().toLowerCase(), locale });
}

/** The worker's half of a reset request: a token and a mail when the email has an account, else nothing. */
export async function deliverPasswordReset(trx: Db, { email, locale }: { email: string; locale: string }) {
  const user = await trx
    .selectFrom("users")
    .select(["id", "email", "display_name", "locale"])
    .where(sql`lower(email)`, "=", email.trim().toLowerCase())
    .where("deleted_at", "is", null)
    .executeTakeFirst();
  if (!user) return;
  const token = randomBytes(32).toString("base64url");
  const tokenHash = sha256(token);
  await trx
    .insertInto("password_reset_tokens")
    .values({ token_hash: tokenHash, user_id: user.id, expires_at: new Date(Date.now() + 3600_000) })
    .execute();
  // in the member's own language when they chose one, else the language of the page that asked
  const { t } = sharedI18n(isLocale(user.locale) ? user.locale : pickLocale(locale, null));
  await sendMail({
    key: `password-reset-${tokenHash.slice(0, 24)}`,
    to: user.email,
    subject: t("forgot.mailSubject"),
    text: t("forgot.mailBody", { name: user.display_name, url: `${env().APP_ORIGIN}/reset-password/${token}` }),
  });
}

/** The notice after a password change, so a member whose password someone else changed finds out. */
export async function deliverPasswordChangedNotice(trx: Db, { userId, at }: { userId: number; at: string }) {
  const user = await trx
    .selectFrom("users")
    .select(["email", "display_name", "locale", "deleted_at"])
    .where("id", "=", userId)
    .executeTakeFirst();
  if (!user || user.deleted_at) return;
  const { t } = sharedI18n(pickLocale(user.locale, null));
  await sendMail({
    key: `password-changed-${userId}-${Date.parse(at)}`,
    to: user.email,
    subject: t("accountSecurity.mail.changedSubject"),
    text: t("accountSecurity.mail.changedBody", {
      name: user.display_name,
      url: `${env().APP_ORIGIN}/forgot-password`,
    }),
  });
}

/** No older link works once the password has changed, by reset or from /my/security. */
async function voidResetTokens(trx: Db, userId: number) {
  await trx
    .updateTable("password_reset_tokens")
    .set({ used_at: new Date() })
    .where("user_id", "=", userId)
    .where("used_at", "is", null)
    .execute();
}

export async function isResetTokenUsable(token: string): Promise<boolean> {
  const row = await db
    .selectFrom("password_reset_tokens")
    .select("user_id")
    .where("token_hash", "=", sha256(token))
    .where("used_at", "is", null)
    .where("expires_at", ">", new Date())
    .executeTakeFirst();
  return !!row;
}

export async function resetPassword({
  token,
  password,
}: {
  token: string;
  password: string;
}): Promise<Result<{ userId: number }>> {
  const row = await db
    .selectFrom("password_reset_tokens")
    .innerJoin("users", "users.id", "password_reset_tokens.user_id")
    .select(["users.id", "users.username", "users.email"])
    .where("token_hash", "=", sha256(token))
    .where("used_at", "is", null)
    .where("expires_at", ">", new Date())
    .executeTakeFirst();
  if (!row) return fail(400, "reset.invalid");
  const problem = passwordProblem(password, { username: row.username, email: row.email });
  if (problem) return fail(400, "form.fixErrors", { password: problem });
  const passwordHash = await hashPassword(password);
  const used = await db.transaction().execute(async (trx) => {
    // single use: only the first of two concurrent submissions marks the token
    const marked = await trx
      .updateTable("password_reset_tokens")
      .set({ used_at: new Date() })
      .where("token_hash", "=", sha256(token))
      .where("used_at", "is", null)
      .executeTakeFirst();
    if (Number(marked.numUpdatedRows) !== 1) return false;
    await voidResetTokens(trx, row.id);
    await trx.updateTable("users").set({ password_hash: passwordHash }).where("id", "=", row.id).execute();
    await endAllSessions(trx, row.id);
    await recordAudit(trx, { actorId: row.id, action: "user.password_reset", targetType: "user", targetId: row.id });
    return true;
  });
  if (!used) return fail(400, "reset.invalid");
  return ok({ userId: row.id });
}

/**
 * A signed-in member changes their password: the current one is checked under the sign-in throttle,
 * the new one against the sign-up policy. Every session ends (the caller starts a fresh one for this
 * browser), every reset link dies, and a notice is mailed.
 */
export async function changePassword({
  userId,
  currentPassword,
  password,
  ip,
}: {
  userId: number;
  currentPassword: string;
  password: string;
  ip: string;
}): Promise<Result<object>> {
  const user = await db
    .selectFrom("users")
    .select(["id", "username", "email", "password_hash"])
    .where("id", "=", userId)
    .executeTakeFirstOrThrow();
  const problem = passwordProblem(password, user);
  if (problem) return fail(400, "form.fixErrors", { password: problem });
  const checked = await checkPassword(user, accountKey(user, ""), currentPassword, ip);
  if (!checked.ok)
    return checked.status === 429
      ? checked
      : fail(400, "form.fixErrors", { currentPassword: "accountSecurity.errors.current" });
  const passwordHash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable("users").set({ password_hash: passwordHash }).where("id", "=", userId).execute();
    await voidResetTokens(trx, userId);
    await endAllSessions(trx, userId);
    await recordAudit(trx, { actorId: userId, action: "user.password_changed", targetType: "user", targetId: userId });
    await enqueue(trx, "account.password_changed", { userId, at: new Date().toISOString() });
  });
  return ok({});
}

/** Creates the account or promotes an existing one to admin (npm run admin:create). */
export async function ensureAdmin({
  email,
  username,
  displayName,
  password,
}: {
  email: string;
  username: string;
  displayName?: string;
  password?: string;
}) {
  const existing = await getUserByLogin(email);
  let userId = existing?.id;
  if (!userId) {
    const created = await createUser({
      email,
      username,
      displayName: displayName ?? username,
      password: password ?? randomBytes(12).toString("base64url"),
      roles: ["member", "admin"],
    });
    if (!created.ok) return created;
    userId = created.userId;
  }
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("user_roles")
      .values({ user_id: userId!, role: "admin" })
      .onConflict((oc) => oc.doNothing())
      .execute();
    await recordAudit(trx, {
      actorId: null,
      action: "user.admin_granted",
      targetType: "user",
      targetId: userId!,
      after: { role: "admin" },
    });
  });
  return ok({ userId: userId! });
}

/** Turns the member's single-key shortcuts on or off (read with the session: the next page obeys it). */
export async function updateKeyboardShortcuts({ userId, on }: { userId: number; on: boolean }) {
  await db.updateTable("users").set({ keyboard_shortcuts: on }).where("id", "=", userId).execute();
}
