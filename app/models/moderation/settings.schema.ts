// The forum limits staff can change, and their defaults (browser-safe: the load harness seeds from them too).
import { z } from "zod";

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
