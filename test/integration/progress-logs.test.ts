// The logs members keep (activities, reading) and staff decisions on them.
import { describe, expect, test } from "vitest";
import { db } from "~/db.server";
import { dayIn } from "~/intl";
import { createActivity } from "~/models/journey/activity.server";
import { updateRequirement } from "~/models/journey/level.server";
import { decideLogEntry } from "~/models/moderation/log-review.server";
import { ActivitySchema, ReadingSchema } from "~/models/moderation/logs.schema";
import { getStanding } from "~/models/journey/progress/index.server";
import { createReadingEntry } from "~/models/journey/reading.server";
import { scopeOfUser } from "~/viewer.server";
import { createCategory } from "../factories/forum";
import { createMember } from "../factories/progress";
import { createAdmin } from "../factories/users";
import { wordedAs } from "../factories/notifications";

// the member's own date (users.time_zone defaults to Africa/Lagos): between 23:00 and midnight UTC
// the UTC date is the day before the member's, before the level they entered "today"
const today = () => dayIn("Africa/Lagos");

describe("logs", () => {
  test(
    "an activity counts at once; when the requirement asks for approval it waits, and a rejection tells the member " +
      "why",
    async () => {
      const admin = await createAdmin();
      const member = await createMember({ level: 2 });
      const input = ActivitySchema.parse({
        kind: "conference",
        title: "CX Africa Summit",
        occurredOn: today(),
        evidenceUrl: "https://example.org/summit",
      });
      expect(await createActivity({ userId: member.id, input })).toMatchObject({ ok: true, status: "approved" });
      const req = await db
        .selectFrom("level_requirements")
        .select(["id", "label"])
        .where("key", "=", "l2-activities")
        .executeTakeFirstOrThrow();
      await updateRequirement({
        adminId: admin.id,
        id: req.id,
        label: req.label,
        params: { minPerYear: 3, requireApproval: true },
      });
      try {
        const second = await createActivity({ userId: member.id, input: { ...input, title: "Lagos CX meet-up" } });
        expect(second).toMatchObject({ ok: true, status: "pending" });
        if (!second.ok) return;
        const standing = await getStanding(db, { userId: member.id });
        expect(standing!.requirements.find((r) => r.key === "l2-activities")!.progress).toMatchObject({
          done: 1,
          pending: 1,
        });
        expect(
          await decideLogEntry({ adminId: admin.id, entry: "activity", id: second.id, decision: "reject", reason: "" }),
        ).toMatchObject({ ok: false });
        expect(
          await decideLogEntry({
            adminId: admin.id,
            entry: "activity",
            id: second.id,
            decision: "reject",
            reason: "No evidence of attendance.",
          }),
        ).toMatchObject({ ok: true });
        const row = await db
          .selectFrom("activities")
          .select(["status", "decision_reason", "decided_by"])
          .where("id", "=", second.id)
          .executeTakeFirstOrThrow();
        expect(row).toEqual({
          status: "rejected",
          decision_reason: "No evidence of attendance.",
          decided_by: admin.id,
        });
        const note = await db
          .selectFrom("notifications")
          .select("data")
          .where("user_id", "=", member.id)
          .executeTakeFirstOrThrow();
        expect(wordedAs("en", note)).toBe('Your entry "Lagos CX meet-up" was not accepted: No evidence of attendance.');
        expect(
          await db
            .selectFrom("audit_log")
            .select("id")
            .where("action", "=", "activity.reject")
            .where("target_id", "=", String(second.id))
            .execute(),
        ).toHaveLength(1);
      } finally {
        await updateRequirement({
          adminId: admin.id,
          id: req.id,
          label: req.label,
          params: { minPerYear: 3, requireApproval: false },
        });
      }
    },
  );

  test("bad activity input: each field says what is wrong", () => {
    const r = ActivitySchema.safeParse({ kind: "party", title: "x", occurredOn: "2999-01-01", evidenceUrl: "ftp://x" });
    expect(r.success).toBe(false);
    const msgs = Object.fromEntries(r.error!.issues.map((i) => [String(i.path[0]), i.message]));
    expect(msgs).toEqual({
      kind: "logs.errors.kind",
      title: "logs.errors.title",
      occurredOn: "logs.errors.future",
      evidenceUrl: "logs.errors.url",
    });
  });

  test("a recommended-list book counts this trimester; its review can be shared in the Book Club", async () => {
    await createCategory({ slug: "book-club" });
    const member = await createMember({ level: 3 });
    const book = await db
      .selectFrom("recommended_books")
      .select(["id", "title"])
      .where("slug", "=", "raving-fans")
      .executeTakeFirstOrThrow();
    const input = ReadingSchema.parse({
      bookId: String(book.id),
      finishedOn: today(),
      review: "Short, memorable, and it changed how my team greets callers.",
      share: "on",
    });
    const r = await createReadingEntry({ scope: await scopeOfUser(db, member.id), input });
    expect(r).toMatchObject({ ok: true });
    const entry = await db
      .selectFrom("reading_log")
      .select(["title", "topic_id"])
      .where("user_id", "=", member.id)
      .executeTakeFirstOrThrow();
    expect(entry.title).toBe("Raving Fans");
    expect(entry.topic_id).not.toBeNull();
    const topic = await db
      .selectFrom("topics")
      .select(["title", "user_id"])
      .where("id", "=", entry.topic_id!)
      .executeTakeFirstOrThrow();
    expect(topic).toEqual({ title: "Book review: Raving Fans", user_id: member.id });
    const standing = await getStanding(db, { userId: member.id });
    expect(standing!.requirements.find((x) => x.key === "l3-books")!.progress).toMatchObject({
      done: 1,
      status: "met",
    });
  });

  test("sharing needs a review of 20 characters; another book needs a title", () => {
    const r = ReadingSchema.safeParse({
      bookId: "other",
      title: "",
      finishedOn: today(),
      review: "Good.",
      share: "on",
    });
    const msgs = Object.fromEntries(r.error!.issues.map((i) => [String(i.path[0]), i.message]));
    expect(msgs).toEqual({ title: "logs.errors.bookTitle", review: "logs.errors.reviewShort" });
  });
});
