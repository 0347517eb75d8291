// Site settings staff can change (stored as JSON rows in `settings`), with defaults in code.
import { db, type Db } from "../../db.server";
import { recordAudit } from "./audit.server";
import { DEFAULT_LIMITS, LimitsSchema, type Limits } from "./settings.schema";

export { DEFAULT_LIMITS, LimitsSchema, type Limits } from "./settings.schema";

const LIMITS_KEY = "forum.limits";
let cache: { at: number; value: Limits } | undefined;

export async function getLimits(trx: Db): Promise<Limits> {
  if (cache && Date.now() - cache.at < 5000) return cache.value;
  const row = await trx.selectFrom("settings").select("value").where("key", "=", LIMITS_KEY).executeTakeFirst();
  const parsed = row ? LimitsSchema.safeParse(row.value) : undefined;
  const value = parsed?.success ? parsed.data : DEFAULT_LIMITS;
  cache = { at: Date.now(), value };
  return value;
}

export async function updateLimits({ actorId, limits }: { actorId: number; limits: Limits }) {
  await db.transaction().execute(async (trx) => {
    const before = await getLimits(trx);
    await trx
      .insertInto("settings")
      .values({ key: LIMITS_KEY, value: JSON.stringify(limits) })
      .onConflict((oc) => oc.column("key").doUpdateSet({ value: JSON.stringify(limits), updated_at: new Date() }))
      .execute();
    await recordAudit(trx, {
      actorId,
      action: "settings.limits",
      targetType: "settings",
      targetId: LIMITS_KEY,
      before,
      after: limits,
    });
  });
  cache = undefined;
}
