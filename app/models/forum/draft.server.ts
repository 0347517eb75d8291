// Composer drafts, kept server-side per member and composer (as Discourse does): saved while the
// member writes, restored on return or on another device, discarded when the post is made.
// Private: only their author reads them (every query is scoped by user_id).
import { db, type Db } from "../../db.server";
import type { DraftFields } from "../../../db/schema";
import type { DraftInput } from "./topic.schema";

export type { DraftFields };
export const NEW_TOPIC_DRAFT = "new-topic";
/** Drafts kept per member (the oldest go beyond it): autosave cannot grow without bound. */
const DRAFTS_KEPT = 50;
/** The draft key of a composer: a new topic, or a reply in one topic. */
export const draftKey = (topicId?: number) => (topicId ? `topic:${topicId}` : NEW_TOPIC_DRAFT);

export async function getDraft({ userId, key }: { userId: number; key: string }) {
  return db
    .selectFrom("drafts")
    .select(["body", "fields", "updated_at"])
    .where("user_id", "=", userId)
    .where("draft_key", "=", key)
    .executeTakeFirst();
}

/**
 * Saves (or, when empty, removes) a draft. A save that arrives after the form it came from was
 * posted (a late autosave, the page's last beacon) is ignored, so a posted draft never comes back.
 */
export async function saveDraft({ userId, key, draft }: { userId: number; key: string; draft: DraftInput }) {
  const { body, submissionKey, page, seq, ...fields } = draft;
  return db.transaction().execute(async (trx) => {
    // the member's row lock, as posting takes it: a save racing the post (a field left by clicking
    // "Create topic") runs wholly before it (and is discarded with it) or after it (and sees it)
    await trx.selectFrom("users").select("id").where("id", "=", userId).forNoKeyUpdate().execute();
    // a save that left the same page before the one already stored arrives late: the stored one is newer
    if (page && seq !== undefined) {
      const stored = await trx
        .selectFrom("drafts")
        .select(["client_page", "client_seq"])
        .where("user_id", "=", userId)
        .where("draft_key", "=", key)
        .executeTakeFirst();
      if (stored?.client_page === page && (stored.client_seq ?? -1) > seq) return { saved: false };
    }
    if (submissionKey) {
      const posted = await trx
        .selectFrom("posts")
        .select("id")
        .where("user_id", "=", userId)
        .where("submission_key", "=", submissionKey)
        .executeTakeFirst();
      if (posted) return { saved: false };
    }
    if (!body.trim() && !fields.title?.trim()) {
      await discardDraft(trx, { userId, key });
      return { saved: false };
    }
    const row = {
      body,
      fields: JSON.stringify(fields),
      updated_at: new Date(),
      client_page: page ?? null,
      client_seq: seq ?? null,
    };
    await trx
      .insertInto("drafts")
      .values({ user_id: userId, draft_key: key, ...row })
      .onConflict((oc) => oc.columns(["user_id", "draft_key"]).doUpdateSet(row))
      .execute();
    const kept = trx
      .selectFrom("drafts")
      .select("draft_key")
      .where("user_id", "=", userId)
      .orderBy("updated_at", "desc")
      .limit(DRAFTS_KEPT);
    await trx.deleteFrom("drafts").where("user_id", "=", userId).where("draft_key", "not in", kept).execute();
    return { saved: true };
  });
}

/** Called in the transaction that makes the post. */
export async function discardDraft(trx: Db, { userId, key }: { userId: number; key: string }) {
  await trx.deleteFrom("drafts").where("user_id", "=", userId).where("draft_key", "=", key).execute();
}
