import { randomBytes } from "node:crypto";
import { hashPassword } from "~/auth.server";
import { db } from "~/db.server";
import type { Role } from "../../db/schema";

export const TEST_PASSWORD = "correct horse battery staple";
let hash: Promise<string> | undefined;

export async function createUser(opts: { username?: string; email?: string; displayName?: string; roles?: Role[] } = {}) {
  hash ??= hashPassword(TEST_PASSWORD);
  const username = opts.username ?? `user_${randomBytes(4).toString("hex")}`;
  const user = await db
    .insertInto("users")
    .values({ username, email: opts.email ?? `${username}@example.test`, display_name: opts.displayName ?? username.replace(/_/g, " "), password_hash: await hash })
    .returning(["id", "username", "email", "display_name"])
    .executeTakeFirstOrThrow();
  const roles = opts.roles ?? ["member"];
  if (roles.length) await db.insertInto("user_roles").values(roles.map((role) => ({ user_id: user.id, role }))).execute();
  return { ...user, password: TEST_PASSWORD };
}

export const createAdmin = (opts: { username?: string } = {}) => createUser({ ...opts, roles: ["member", "admin"] });
