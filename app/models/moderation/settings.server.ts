// Site settings staff can change (stored as JSON rows in `settings`), with defaults in code.
import { z } from "zod";
import { db, type Db } from "../../db.server";
import { recordAudit } from "./audit.server";

// Discourse's defaults for new members, plus the daily caps everyone has.
export const LimitsSchema = z.object({
  newMemberHours: z
    .number()
    .int()
    .min(0)
    .max(24 * 30),
  // Discourse's new_topic_duration: an unopened topic is "new" this long (or since the last visit, if later);
  // settings saved before it existed read the default
  newTopicHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 365)
    .default(48),
  newMember: z.object({
    topicsPerDay: z.number().int().min(0).max(1000),
    repliesPerDay: z.number().int().min(0).max(1000),
    linksPerPost: z.number().int().min(0).max(100),
    imagesPerPost: z.number().int().min(0).max(100),
    mentionsPerPost: z.number().int().min(0).max(100),
    secondsBetweenTopics: z.number().int().min(0).max(86400),
    secondsBetweenPosts: z.number().int().min(0).max(86400),
  }),
  everyone: z.object({
    secondsBetweenTopics: z.number().int().min(0).max(86400),
    secondsBetweenPosts: z.number().int().min(0).max(86400),
    topicsPerDay: z.number().int().min(0).max(10000),
    likesPerDay: z.number().int().min(0).max(10000),
    flagsPerDay: z.number().int().min(0).max(10000),
    editsPerDay: z.number().int().min(0).max(10000),
  }),
  duplicateWindowMinutes: z.number().int().min(0).max(1440),
  flagsToHide: z.number().int().min(1).max(100),
});
export type Limits = z.infer<typeof LimitsSchema>;

export const DEFAULT_LIMITS: Limits = {
  newMemberHours: 24,
  newTopicHours: 48,
  newMember: {
    topicsPerDay: 3,
    repliesPerDay: 10,
    linksPerPost: 2,
    imagesPerPost: 1,
    mentionsPerPost: 2,
    secondsBetweenTopics: 120,
    secondsBetweenPosts: 30,
  },
  everyone: {
    secondsBetweenTopics: 15,
    secondsBetweenPosts: 5,
    topicsPerDay: 20,
    likesPerDay: 50,
    flagsPerDay: 20,
    editsPerDay: 30,
  },
  duplicateWindowMinutes: 5,
  flagsToHide: 3,
};

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
