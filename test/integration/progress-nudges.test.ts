// Nudges before a period closes, the "met" notice, and the staff views across members.
import { describe, expect, test } from "vitest";
import { db } from "~/db.server";
import { drainJobs, ensureRecurringJobs } from "~/jobs.server";
import { computeNudges, sendNudges } from "~/models/journey/nudge.server";
import {
  countMembersBehind,
  countMembersByLevel,
  listMembersBehind,
  progressCsvLines,
} from "~/models/journey/progress-report.server";
import { createMember } from "../factories/progress";
import "~/jobs/index.server";
import { wordedAs } from "../factories/notifications";

// Africa/Lagos is UTC+1. The Jan-Apr trimester closes at 00:00 on 1 May, Lagos time.
const at = (localIso: string) => new Date(new Date(`${localIso}Z`).getTime() - 3_600_000);

describe("nudges", () => {
  test("14 and 3 days before the trimester closes with no book: a nudge naming the due date", async () => {
    const m = await createMember({ level: 3, timeZone: "Africa/Lagos", enteredAt: new Date("2027-01-03T09:00:00Z") });
    const day15 = await computeNudges(db, { userId: m.id, now: at("2027-04-16T08:00:00") });
    expect(day15.filter((n) => n.kind !== "met" && n.message.includes("book"))).toEqual([]);
    const day14 = await computeNudges(db, { userId: m.id, now: at("2027-04-17T08:00:00") });
    const book14 = day14.find((n) => n.kind === "closing14" && n.message.startsWith("No book"));
    expect(book14?.message).toBe("No book logged this trimester: 1 due by 30 April.");
    const day3 = await computeNudges(db, { userId: m.id, now: at("2027-04-28T00:00:00") });
    expect(day3.find((n) => n.kind === "closing3" && n.message.startsWith("No book"))).toBeTruthy();
  });

  test("never a nudge for a duty already met; a 'met' notice instead, sent once", async () => {
    const m = await createMember({ level: 3, timeZone: "Africa/Lagos", enteredAt: new Date("2027-01-03T09:00:00Z") });
    await db
      .insertInto("reading_log")
      .values({ user_id: m.id, title: "Hug Your Haters", finished_on: "2027-04-02" })
      .execute();
    const now = at("2027-04-28T00:00:00");
    const nudges = await computeNudges(db, { userId: m.id, now });
    const books = await db
      .selectFrom("level_requirements")
      .select("id")
      .where("key", "=", "l3-books")
      .executeTakeFirstOrThrow();
    expect(nudges.filter((n) => n.requirementId === books.id).map((n) => n.kind)).toEqual(["met"]);
    const sent1 = await db.transaction().execute((trx) => sendNudges(trx, { userId: m.id, now }));
    const sent2 = await db.transaction().execute((trx) => sendNudges(trx, { userId: m.id, now }));
    expect(sent1).toBeGreaterThan(0);
    expect(sent2).toBe(0);
    const notes = await db.selectFrom("notifications").select(["kind", "data"]).where("user_id", "=", m.id).execute();
    expect(notes.some((n) => wordedAs("en", n) === "Done: Read at least one customer service book per trimester")).toBe(
      true,
    );
    expect(notes.every((n) => n.kind === "progress")).toBe(true);
  });

  test("the daily job fans out one nudge job per enrolled member and schedules the next day", async () => {
    await createMember({ level: 2 });
    await db.deleteFrom("outbox").execute();
    await ensureRecurringJobs();
    await ensureRecurringJobs(); // one daily run waits, however many processes start
    expect(await db.selectFrom("outbox").select("id").where("kind", "=", "progress.daily").execute()).toHaveLength(1);
    await db
      .updateTable("outbox")
      .set({ run_at: new Date(Date.now() - 1000) })
      .where("kind", "=", "progress.daily")
      .execute();
    await drainJobs(1);
    const kinds = await db.selectFrom("outbox").select(["kind", "done_at", "run_at"]).execute();
    const enrolled = await db.selectFrom("users").select("id").where("level", "is not", null).execute();
    expect(kinds.filter((k) => k.kind === "progress.nudge")).toHaveLength(enrolled.length);
    const next = kinds.filter((k) => k.kind === "progress.daily" && !k.done_at);
    expect(next).toHaveLength(1);
    expect(next[0].run_at.getTime()).toBeGreaterThan(Date.now());
  });
});

describe("staff views", () => {
  test("members per level, and members behind on books this trimester in their own time zone", async () => {
    const behind = await createMember({
      level: 3,
      timeZone: "Africa/Nairobi",
      enteredAt: new Date("2027-01-03T09:00:00Z"),
    });
    const fine = await createMember({
      level: 3,
      timeZone: "Africa/Nairobi",
      enteredAt: new Date("2027-01-03T09:00:00Z"),
    });
    await db
      .insertInto("reading_log")
      .values({ user_id: fine.id, title: "Setting the Table", finished_on: "2027-03-03" })
      .execute();
    const { rows } = await listMembersBehind({ now: new Date("2027-04-20T10:00:00Z"), limit: 1000, duty: "books" });
    expect(rows.map((r) => r.id)).toContain(behind.id);
    expect(rows.map((r) => r.id)).not.toContain(fine.id);
    expect(rows.find((r) => r.id === behind.id)?.duties).toEqual([
      { kind: "books", done: 0, required: 1, due_by: "2027-04-30" },
    ]);
    // one member behind on two duties is one member
    const both = await listMembersBehind({ now: new Date("2027-04-20T10:00:00Z"), limit: 1000, level: 3 });
    expect(both.rows.find((r) => r.id === behind.id)?.duties.map((d) => d.kind)).toEqual(["activities", "books"]);
    expect(await countMembersBehind({ now: new Date("2027-04-20T10:00:00Z"), level: 3 })).toBe(both.rows.length);
    const counts = await countMembersByLevel();
    expect(counts.find((c) => c.level === 3)?.n).toBeGreaterThanOrEqual(2);
  });

  test("the CSV export has a line per member and requirement", async () => {
    const m = await createMember({ level: 1 });
    const lines: string[] = [];
    for await (const l of progressCsvLines()) lines.push(l);
    expect(lines[0]).toBe(
      "username,display_name,email,country,group,tutor,level,level_name,entered_on," +
        "requirement,label,phase,done,required,status,due_by\r\n",
    );
    const mine = lines.filter((l) => l.startsWith(`${m.username},`));
    expect(mine.map((l) => l.split(",")[9])).toEqual([
      "l1-aptitude-test-1",
      "l1-employee-cs-training",
      "l1-webinar-1",
      "l1-aptitude-test-2",
    ]);
  });
});
