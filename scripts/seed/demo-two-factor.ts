// Demo only: the demo admin and recruiters sign in with two-factor (it is required for them), all
// with one published secret, so a developer adds it to an authenticator app once (or runs
// `npm run demo:code`) and it keeps working after the database is reset. Never seeded by `npm start`.
import { db } from "../../app/db.server";
import { enrolWithSecret } from "../../app/models/account/two-factor.server";
import { DEMO_TOTP_SECRET } from "./demo-secret";

const DEMO_TWO_FACTOR_USERNAMES = ["amara_admin", "savanna_talent", "harmattan_hires"];

export async function seedDemoTwoFactor(log: (m: string) => void) {
  const users = await db
    .selectFrom("users")
    .leftJoin("user_two_factor", "user_two_factor.user_id", "users.id")
    .select(["users.id", "user_two_factor.secret"])
    .where("users.username", "in", DEMO_TWO_FACTOR_USERNAMES)
    .execute();
  const missing = users.filter((u) => !u.secret);
  for (const u of missing) await enrolWithSecret(db, { userId: u.id, secret: DEMO_TOTP_SECRET });
  log(`demo two-factor: ${missing.length} accounts enrolled with the demo secret (README)`);
}
