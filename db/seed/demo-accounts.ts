import { db } from "../../app/db.server";
import { hashPassword } from "../../app/auth.server";
import type { Role } from "../schema";

export const DEMO_PASSWORD = "touchpoints-demo-2026";

export const demoAccounts: { email: string; username: string; displayName: string; roles: Role[] }[] = [
  { email: "admin@touchpoints.test", username: "amara_admin", displayName: "Amara Okafor", roles: ["member", "admin"] },
  { email: "member@touchpoints.test", username: "kofi_mensah", displayName: "Kofi Mensah", roles: ["member"] },
];

/** Creates the demo accounts that do not exist yet (one hash for all: it is the same password). */
export async function seedDemoAccounts(log: (m: string) => void) {
  const hash = await hashPassword(DEMO_PASSWORD);
  let created = 0;
  for (const a of demoAccounts) {
    await db.transaction().execute(async (trx) => {
      const user = await trx
        .insertInto("users")
        .values({ email: a.email, username: a.username, display_name: a.displayName, password_hash: hash })
        .onConflict((oc) => oc.doNothing())
        .returning("id")
        .executeTakeFirst();
      if (!user) return;
      created++;
      await trx.insertInto("user_roles").values(a.roles.map((role) => ({ user_id: user.id, role }))).execute();
    });
  }
  log(`demo accounts: ${created} created, ${demoAccounts.length - created} already there`);
}
