import { randomBytes } from "node:crypto";
import { hashPassword } from "~/auth.server";
import { db } from "~/db.server";
import { TWO_FACTOR_ROLES } from "~/models/account/two-factor.server";
import type { Role } from "../../db/schema";
import { fresh } from "../setup/attempt";
import { enrolTwoFactor } from "../setup/two-factor";

export const TEST_PASSWORD = "correct horse battery staple";
let hash: Promise<string> | undefined;

export async function createUser(
  opts: { username?: string; email?: string; displayName?: string; roles?: Role[] } = {},
) {
  hash ??= hashPassword(TEST_PASSWORD);
  // a fixed name gets a suffix on CI's retry (the failed attempt's row still holds it); read names back from the result
  const username = opts.username ? fresh(opts.username) : `user_${randomBytes(4).toString("hex")}`;
  const user = await db
    .insertInto("users")
    .values({
      username,
      email: opts.email ? fresh(opts.email) : `${username}@example.test`,
      display_name: opts.displayName ?? (opts.username ?? username).replace(/_/g, " "),
      password_hash: await hash,
    })
    .returning(["id", "username", "email", "display_name"])
    .executeTakeFirstOrThrow();
  const roles = opts.roles ?? ["member"];
  if (roles.length)
    await db
      .insertInto("user_roles")
      .values(roles.map((role) => ({ user_id: user.id, role })))
      .execute();
  // staff and recruiters must have two-factor sign-in: enrolled as if they had scanned the QR code
  if (roles.some((r) => TWO_FACTOR_ROLES.includes(r))) await enrolTwoFactor(user.id);
  return { ...user, password: TEST_PASSWORD };
}

export const createAdmin = (opts: { username?: string } = {}) => createUser({ ...opts, roles: ["member", "admin"] });
