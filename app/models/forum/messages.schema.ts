// Personal messages (browser-safe): the new-conversation form and the limits it states.
import { z } from "zod";
import { NewTopicSchema } from "./topic.schema";

/** The one private category personal messages live in (made by the migration). */
export const MESSAGES_CATEGORY = "messages";
/** Participants of one conversation, the sender included (Discourse's default is also small). */
export const MAX_PARTICIPANTS = 10;
/** New conversations a member may start per 24 hours (replies count as posts, under the forum's limits). */
export const CONVERSATIONS_PER_DAY = 20;

/** "ada, @kofi  esi": usernames, lower-cased, without @, each once. */
export function parseRecipients(to: string): string[] {
  const names = to
    .split(/[\s,;]+/)
    .map((u) => u.replace(/^@/, "").trim().toLowerCase())
    .filter(Boolean);
  return [...new Set(names)];
}

// the count is checked by the model, which names the limit; this only bounds the text
const Recipients = z
  .string({ error: "messages.errors.noRecipient" })
  .max(2000, "messages.errors.tooMany")
  .refine((s) => parseRecipients(s).length > 0, "messages.errors.noRecipient");

export const NewMessageSchema = NewTopicSchema.omit({ category: true, tags: true }).extend({ to: Recipients });
export type NewMessage = z.infer<typeof NewMessageSchema>;

/** Adding people to a conversation: the same "To" field as a new message. */
export const AddParticipantsSchema = z.object({ to: Recipients });

export const IgnoreSchema = z.object({ intent: z.enum(["ignore", "unignore"]) });
