// The reading log: books members finish (from the recommended list staff keep, or any other),
// with an optional review shared as a Book Club topic.
import { db } from "../../db.server";
import { recordAudit } from "../moderation/audit.server";
import type { ReadingInput } from "../moderation/logs.schema";
import { createTopic } from "../forum/post.server";
import { fail, ok, type Result } from "../shared/result";
import { reviewCpdSoon } from "./cpd/cpd.server";
import type { Scope } from "../permissions.server";

export const BOOK_CLUB_SLUG = "book-club";

export async function listRecommendedBooks({ includeArchived = false } = {}) {
  let q = db.selectFrom("recommended_books").select(["id", "slug", "title", "author", "archived_at"]).orderBy("title");
  if (!includeArchived) q = q.where("archived_at", "is", null);
  return q.execute();
}

export async function createReadingEntry({
  scope,
  input,
}: {
  scope: Scope;
  input: ReadingInput;
}): Promise<Result<{ id: number; topicUrl: string | null }>> {
  const userId = scope.userId!;
  let title = input.title;
  let author = input.author;
  if (input.bookId) {
    const book = await db
      .selectFrom("recommended_books")
      .select(["title", "author"])
      .where("id", "=", input.bookId)
      .where("archived_at", "is", null)
      .executeTakeFirst();
    if (!book) return fail(400, "form.fixErrors", { bookId: "logs.errors.book" });
    title = book.title;
    author = book.author;
  }
  // The shared review is a forum topic, created by the forum's own model (limits, markdown,
  // counters, search); the entry then records it. If sharing is refused nothing is written.
  let topicId: number | null = null;
  let topicUrl: string | null = null;
  if (input.share) {
    const created = await createTopic(db, {
      scope,
      categorySlug: BOOK_CLUB_SLUG,
      title: `Book review: ${title}`.slice(0, 255),
      body: input.review,
      tags: [],
    });
    if (!created.ok) return fail(created.status, "form.fixErrors", { share: "logs.errors.shareRefused" });
    topicId = created.topicId;
    topicUrl = created.url;
  }
  const row = await db.transaction().execute(async (trx) => {
    const entry = await trx
      .insertInto("reading_log")
      .values({
        user_id: userId,
        book_id: input.bookId ?? null,
        title,
        author,
        finished_on: input.finishedOn,
        review: input.review,
        topic_id: topicId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await reviewCpdSoon(trx, userId);
    return entry;
  });
  return ok({ id: row.id, topicUrl });
}

export async function listReading({ userId }: { userId: number }) {
  return db
    .selectFrom("reading_log as r")
    .leftJoin("topics as t", "t.id", "r.topic_id")
    .select([
      "r.id",
      "r.title",
      "r.author",
      "r.finished_on",
      "r.review",
      "r.status",
      "r.decision_reason",
      "r.book_id",
      "t.id as topic_id",
      "t.slug as topic_slug",
    ])
    .where("r.user_id", "=", userId)
    .orderBy("r.finished_on", "desc")
    .orderBy("r.id", "desc")
    .limit(200)
    .execute();
}

export async function addRecommendedBook({
  adminId,
  title,
  author,
}: {
  adminId: number;
  title: string;
  author: string;
}): Promise<Result<{ id: number }>> {
  const slug = `${title}-${author}`
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 80);
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("recommended_books")
      .values({ slug, title, author })
      .onConflict((oc) => oc.column("slug").doUpdateSet({ archived_at: null }))
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actorId: adminId,
      action: "book.add",
      targetType: "recommended_book",
      targetId: row.id,
      after: { title, author },
    });
    return ok({ id: row.id });
  });
}

export async function archiveRecommendedBook({ adminId, id }: { adminId: number; id: number }) {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable("recommended_books").set({ archived_at: new Date() }).where("id", "=", id).execute();
    await recordAudit(trx, { actorId: adminId, action: "book.archive", targetType: "recommended_book", targetId: id });
  });
}
