// Staff-recorded results: the CSV preview lists every problem row and writes nothing; a clean
// file is written in one go, each record audited.
import { sql } from "kysely";
import { describe, expect, test } from "vitest";
import { db } from "~/db.server";
import { importResultsCsv, parseCsv, previewResultsCsv, recordResult } from "~/models/journey/results.server";
import { createMember } from "../factories/progress";
import { createAdmin } from "../factories/users";

const rowsIn = async (table: "webinar_attendance" | "assessment_results") =>
  (
    await db
      .selectFrom(table)
      .select(sql<number>`count(*)::int`.as("n"))
      .executeTakeFirstOrThrow()
  ).n;

describe("results CSV", () => {
  test("parses quoted fields, doubled quotes and CRLF", () => {
    expect(parseCsv('email,note\r\n"a@x.org","said ""great"", really"\r\n\r\nb@x.org,plain\n')).toEqual([
      ["email", "note"],
      ["a@x.org", 'said "great", really'],
      ["b@x.org", "plain"],
    ]);
  });

  test("wrong columns are refused before any row is read", async () => {
    const admin = await createAdmin();
    const r = await previewResultsCsv({ kind: "webinar", text: "mail,webinar,when\nx@y.org,webinar-1.0,2026-10-01\n" });
    expect(r).toMatchObject({ ok: false, message: "admin.results.errors.columns" });
    expect(
      await importResultsCsv({
        adminId: admin.id,
        kind: "webinar",
        text: "mail,webinar,when\nx@y.org,webinar-1.0,2026-10-01\n",
      }),
    ).toMatchObject({ ok: false });
  });

  test(
    "unknown emails, scores over 100 or negative, bad dates and duplicate rows: each problem row listed, nothing " +
      "written",
    async () => {
      const admin = await createAdmin();
      const a = await createMember({ level: 1, email: "ama@example.org" });
      const b = await createMember({ level: 1, email: "bisi@example.org" });
      const text = [
        "email,test,score,date",
        `${a.email},aptitude-test-2.0,88,2026-10-01`,
        "nobody@example.org,aptitude-test-2.0,70,2026-10-01",
        `${b.email.toUpperCase()},aptitude-test-2.0,101,2026-10-01`,
        `${b.email},aptitude-test-1.0,-5,2026-10-01`,
        `${a.email},aptitude-test-2.0,88,2026-10-01`,
        `${a.email},no-such-test,50,2026-13-01`,
      ].join("\n");
      const before = await rowsIn("assessment_results");
      const p = await previewResultsCsv({ kind: "assessment", text });
      if (!p.ok) throw new Error(p.message);
      expect(p.preview.total).toBe(6);
      expect(p.preview.problemCount).toBe(5);
      const byLine = Object.fromEntries(p.preview.rows.map((r) => [r.line, r.problems.map((x) => x.key)]));
      expect(byLine[2]).toEqual([]);
      expect(byLine[3]).toEqual(["admin.results.problems.unknownEmail"]);
      expect(byLine[4]).toEqual(["admin.results.problems.scoreRange"]);
      expect(byLine[5]).toEqual(["admin.results.problems.scoreRange"]);
      expect(byLine[6]).toEqual(["admin.results.problems.duplicate"]);
      expect(byLine[7]).toEqual(["admin.results.problems.unknownTest", "admin.results.problems.badDate"]);
      expect(p.preview.rows.find((r) => r.line === 6)!.problems[0].values).toEqual({ line: 2 });
      // confirming a file with problems writes nothing
      expect(await importResultsCsv({ adminId: admin.id, kind: "assessment", text })).toMatchObject({
        ok: false,
        message: "admin.results.errors.problems",
      });
      expect(await rowsIn("assessment_results")).toBe(before);
      expect(a.id).not.toBe(b.id);
    },
  );

  test("a clean webinar file is written in one go, rows audited; the same file again: already recorded", async () => {
    const admin = await createAdmin();
    const a = await createMember({ level: 1, email: "chidi@example.org" });
    const b = await createMember({ level: 1, email: "dayo@example.org" });
    const text = `email,webinar,date\n${a.email},webinar-1.0,2026-10-01\n${b.email},webinar-1.0,2026-10-01\n`;
    const r = await importResultsCsv({ adminId: admin.id, kind: "webinar", text });
    expect(r).toMatchObject({ ok: true, written: 2 });
    const rows = await db
      .selectFrom("webinar_attendance")
      .select(["user_id", "source", "recorded_by"])
      .where("user_id", "in", [a.id, b.id])
      .execute();
    expect(rows).toHaveLength(2);
    expect(rows.every((x) => x.source === "csv" && x.recorded_by === admin.id)).toBe(true);
    const audits = await db
      .selectFrom("audit_log")
      .select("target_id")
      .where("action", "=", "webinar.attendance.record")
      .where("actor_id", "=", admin.id)
      .execute();
    expect(audits.map((x) => Number(x.target_id)).sort()).toEqual([a.id, b.id].sort());
    const again = await previewResultsCsv({ kind: "webinar", text });
    expect(again.ok && again.preview.rows.map((x) => x.problems[0]?.key)).toEqual([
      "admin.results.problems.alreadyRecorded",
      "admin.results.problems.alreadyRecorded",
    ]);
  });

  test("one result typed by staff: the next attempt number is given, and the member's best counts", async () => {
    const admin = await createAdmin();
    const m = await createMember({ level: 1, email: "efe@example.org" });
    expect(
      await recordResult({
        adminId: admin.id,
        kind: "assessment",
        cells: { email: m.email, test: "aptitude-test-2.0", score: "70", date: "2026-10-01" },
      }),
    ).toMatchObject({ ok: true });
    expect(
      await recordResult({
        adminId: admin.id,
        kind: "assessment",
        cells: {
          email: m.email,
          test: "aptitude-test-2.0",
          score: "86.5",
          date: "2026-10-08",
          note: "retake",
        },
      }),
    ).toMatchObject({ ok: true });
    const rows = await db
      .selectFrom("assessment_results")
      .select(["attempt", "score", "note"])
      .where("user_id", "=", m.id)
      .orderBy("attempt")
      .execute();
    expect(rows).toEqual([
      { attempt: 1, score: 70, note: null },
      { attempt: 2, score: 86.5, note: "retake" },
    ]);
    const bad = await recordResult({
      adminId: admin.id,
      kind: "assessment",
      cells: { email: m.email, test: "aptitude-test-2.0", score: "150", date: "2026-10-08", attempt: "1" },
    });
    expect(bad).toMatchObject({
      ok: false,
      problems: [{ key: "admin.results.problems.scoreRange" }, { key: "admin.results.problems.attemptExists" }],
    });
  });
});
