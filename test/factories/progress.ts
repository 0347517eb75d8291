// Members at a level, with a level history entered at a given time (default: a minute ago).
import { seedProgramme } from "../../scripts/seed/programme-seed";
import { db } from "~/db.server";
import { createUser } from "./users";

let seeded: Promise<void> | undefined;
/** The programme rows (levels, requirements, catalogues), once per test file. */
export const ensureProgramme = () => (seeded ??= seedProgramme(() => {}));

export async function enrol(userId: number, level: number, enteredAt = new Date(Date.now() - 60_000)) {
  await ensureProgramme();
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("level_history")
      .set({ left_at: enteredAt })
      .where("user_id", "=", userId)
      .where("left_at", "is", null)
      .execute();
    await trx.insertInto("level_history").values({ user_id: userId, level, entered_at: enteredAt }).execute();
    await trx.updateTable("users").set({ level }).where("id", "=", userId).execute();
  });
}

export async function createMember(
  opts: { level?: number; enteredAt?: Date; timeZone?: string; username?: string; email?: string } = {},
) {
  await ensureProgramme();
  const user = await createUser({ username: opts.username, email: opts.email });
  if (opts.timeZone)
    await db.updateTable("users").set({ time_zone: opts.timeZone }).where("id", "=", user.id).execute();
  if (opts.level) await enrol(user.id, opts.level, opts.enteredAt);
  return user;
}
