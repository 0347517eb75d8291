// Staff-recorded results: webinar attendance and assessment results, one at a time or from a
// CSV file. A file is first checked row by row (the preview); nothing is written until staff
// confirm a file without problems, and then every row is written in one transaction, each with
// its audit row.
import { sql } from "kysely";
import { db } from "../../db.server";
import { enqueue } from "../../jobs.server";
import { recordAudit } from "../moderation/audit.server";
import { fail, ok, type Result } from "../shared/result";
import { isUniqueViolation } from "../shared/db-errors.server";

export type ResultKind = "webinar" | "assessment";
export const CSV_COLUMNS: Record<ResultKind, { required: string[]; optional: string[] }> = {
  webinar: { required: ["email", "webinar", "date"], optional: [] },
  assessment: { required: ["email", "test", "score", "date"], optional: ["attempt", "note"] },
};
export const MAX_CSV_ROWS = 5000;

export type Problem = { key: string; values?: Record<string, string | number> };
export type PreviewRow = { line: number; cells: Record<string, string>; member: string | null; problems: Problem[] };
type CheckedRow = PreviewRow & { userId: number | null; attempt: number | null; score: number | null };

/** RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const s = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === "") quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && s[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((c) => c.trim() !== ""));
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
function validDate(d: string) {
  if (!DATE_RE.test(d)) return false;
  const x = new Date(`${d}T00:00:00Z`);
  return !Number.isNaN(x.getTime()) && x.toISOString().slice(0, 10) === d;
}

/** Checks every row against the database (members, webinars, tests, what is already recorded). */
async function checkRows(kind: ResultKind, header: string[], body: string[][]): Promise<CheckedRow[]> {
  const records = body.map((cells, i) => ({
    line: i + 2,
    cells: Object.fromEntries(header.map((h, j) => [h, (cells[j] ?? "").trim()])),
  }));
  const emails = [...new Set(records.map((r) => r.cells.email.toLowerCase()).filter(Boolean))];
  const users = emails.length
    ? await db
        .selectFrom("users")
        .select(["id", "username", sql<string>`lower(email)`.as("email")])
        .where(sql`lower(email)`, "in", emails)
        .where("deleted_at", "is", null)
        .execute()
    : [];
  const byEmail = new Map(users.map((u) => [u.email, u]));
  const catalogue =
    kind === "webinar"
      ? new Set((await db.selectFrom("webinars").select("slug").execute()).map((w) => w.slug))
      : new Set((await db.selectFrom("assessments").select("slug").execute()).map((a) => a.slug));
  const userIds = users.map((u) => u.id);
  const existing = new Set<string>();
  const nextAttempt = new Map<string, number>();
  if (userIds.length && kind === "webinar") {
    for (const a of await db
      .selectFrom("webinar_attendance")
      .select(["user_id", "webinar"])
      .where("user_id", "in", userIds)
      .execute())
      existing.add(`${a.user_id}|${a.webinar}`);
  }
  if (userIds.length && kind === "assessment") {
    const rows = await db
      .selectFrom("assessment_results")
      .select(["user_id", "assessment", sql<number>`max(attempt)::int`.as("max_attempt")])
      .where("user_id", "in", userIds)
      .groupBy(["user_id", "assessment"])
      .execute();
    for (const a of rows) nextAttempt.set(`${a.user_id}|${a.assessment}`, a.max_attempt + 1);
  }

  const seen = new Map<string, number>();
  const today = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10); // a day of slack for time zones
  return records.map((r) => {
    const problems: Problem[] = [];
    const c = r.cells;
    const user = byEmail.get(c.email.toLowerCase());
    if (!c.email) problems.push({ key: "admin.results.problems.emailMissing" });
    else if (!user) problems.push({ key: "admin.results.problems.unknownEmail", values: { email: c.email } });
    const item = kind === "webinar" ? c.webinar : c.test;
    if (!catalogue.has(item))
      problems.push({
        key: kind === "webinar" ? "admin.results.problems.unknownWebinar" : "admin.results.problems.unknownTest",
        values: { value: item },
      });
    if (!validDate(c.date)) problems.push({ key: "admin.results.problems.badDate", values: { value: c.date } });
    else if (c.date > today) problems.push({ key: "admin.results.problems.futureDate", values: { value: c.date } });
    let score: number | null = null;
    let attempt: number | null = null;
    if (kind === "assessment") {
      score = /^-?\d+(\.\d{1,2})?$/.test(c.score) ? Number(c.score) : NaN;
      if (Number.isNaN(score))
        problems.push({ key: "admin.results.problems.scoreNotNumber", values: { value: c.score } });
      else if (score < 0 || score > 100)
        problems.push({ key: "admin.results.problems.scoreRange", values: { value: c.score } });
      if (c.attempt) {
        attempt = /^\d{1,3}$/.test(c.attempt) && Number(c.attempt) >= 1 ? Number(c.attempt) : NaN;
        if (Number.isNaN(attempt))
          problems.push({ key: "admin.results.problems.badAttempt", values: { value: c.attempt } });
      }
      if ((c.note ?? "").length > 500) problems.push({ key: "admin.results.problems.noteLong" });
    }
    // duplicates within the file: same member and webinar, or same member, test and attempt/date
    const dupKey =
      kind === "webinar"
        ? `${c.email.toLowerCase()}|${item}`
        : `${c.email.toLowerCase()}|${item}|${c.attempt || c.date}`;
    const first = seen.get(dupKey);
    if (first) problems.push({ key: "admin.results.problems.duplicate", values: { line: first } });
    else seen.set(dupKey, r.line);
    if (user && kind === "webinar" && existing.has(`${user.id}|${item}`))
      problems.push({ key: "admin.results.problems.alreadyRecorded" });
    if (
      user &&
      kind === "assessment" &&
      attempt &&
      !Number.isNaN(attempt) &&
      attempt < (nextAttempt.get(`${user.id}|${item}`) ?? 1)
    )
      problems.push({ key: "admin.results.problems.attemptExists", values: { attempt } });
    return { ...r, member: user?.username ?? null, userId: user?.id ?? null, problems, attempt, score };
  });
}

export type Preview = { kind: ResultKind; rows: PreviewRow[]; problemCount: number; total: number };

async function checkCsv(kind: ResultKind, text: string): Promise<Result<{ rows: CheckedRow[] }>> {
  const table = parseCsv(text);
  if (!table.length) return fail(400, "admin.results.errors.empty");
  const header = table[0].map((h) => h.trim().toLowerCase());
  const { required, optional } = CSV_COLUMNS[kind];
  const unknown = header.filter((h) => !required.includes(h) && !optional.includes(h));
  const missing = required.filter((h) => !header.includes(h));
  if (unknown.length || missing.length || new Set(header).size !== header.length)
    return fail(400, "admin.results.errors.columns");
  if (table.length - 1 > MAX_CSV_ROWS) return fail(400, "admin.results.errors.tooManyRows");
  if (table.length === 1) return fail(400, "admin.results.errors.empty");
  return ok({ rows: await checkRows(kind, header, table.slice(1)) });
}

/** Reads a CSV: a wrong header is a form error; otherwise every row with its problems. */
export async function previewResultsCsv({
  kind,
  text,
}: {
  kind: ResultKind;
  text: string;
}): Promise<Result<{ preview: Preview }>> {
  const checked = await checkCsv(kind, text);
  if (!checked.ok) return checked;
  const rows = checked.rows.map(({ userId: _u, attempt: _a, score: _s, ...r }): PreviewRow => r);
  return ok({
    preview: { kind, rows, problemCount: rows.filter((r) => r.problems.length).length, total: rows.length },
  });
}

/** Writes a checked file: refused (nothing written) while any row has a problem. */
export async function importResultsCsv({
  adminId,
  kind,
  text,
}: {
  adminId: number;
  kind: ResultKind;
  text: string;
}): Promise<Result<{ written: number }>> {
  const checked = await checkCsv(kind, text);
  if (!checked.ok) return checked;
  if (checked.rows.some((r) => r.problems.length)) return fail(400, "admin.results.errors.problems");
  const written = await db.transaction().execute(async (trx) => {
    for (const r of checked.rows) await writeRow(trx, { adminId, kind, row: r, source: "csv" });
    return checked.rows.length;
  });
  return ok({ written });
}

async function writeRow(
  trx: typeof db,
  { adminId, kind, row, source }: { adminId: number; kind: ResultKind; row: CheckedRow; source: "csv" | "staff" },
) {
  const c = row.cells;
  if (kind === "webinar") {
    const ins = await trx
      .insertInto("webinar_attendance")
      .values({ user_id: row.userId!, webinar: c.webinar, attended_on: c.date, source, recorded_by: adminId })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actorId: adminId,
      action: "webinar.attendance.record",
      targetType: "user",
      targetId: row.userId,
      after: { id: ins.id, webinar: c.webinar, date: c.date, source },
    });
    return;
  }
  const ins = await trx
    .insertInto("assessment_results")
    .values({
      user_id: row.userId!,
      assessment: c.test,
      score: row.score!,
      taken_on: c.date,
      attempt:
        row.attempt ??
        sql<number>`(select coalesce(max(attempt), 0) + 1 from assessment_results
            where user_id = ${row.userId} and assessment = ${c.test})`,
      note: c.note || null,
      recorded_by: adminId,
    })
    .returning(["id", "attempt"])
    .executeTakeFirstOrThrow();
  await recordAudit(trx, {
    actorId: adminId,
    action: "assessment.result.record",
    targetType: "user",
    targetId: row.userId,
    after: {
      id: ins.id,
      test: c.test,
      score: row.score,
      date: c.date,
      attempt: ins.attempt,
      note: c.note || null,
      source,
    },
  });
  // a pass aligned with a capability is evidence of the member's claim (competency-evidence.server.ts)
  await enqueue(trx, "profile.reindex", { userId: row.userId! });
}

/** One result typed in by staff: the same checks as a CSV row. */
export async function recordResult({
  adminId,
  kind,
  cells,
}: {
  adminId: number;
  kind: ResultKind;
  cells: Record<string, string>;
}): Promise<Result<{ member: string }> | (Result<object> & { ok: false; problems?: Problem[] })> {
  const header = [...CSV_COLUMNS[kind].required, ...CSV_COLUMNS[kind].optional];
  const [row] = await checkRows(kind, header, [header.map((h) => cells[h] ?? "")]);
  if (row.problems.length) return { ...fail(400, "admin.results.errors.single"), problems: row.problems };
  try {
    await db.transaction().execute((trx) => writeRow(trx, { adminId, kind, row, source: "staff" }));
  } catch (e) {
    // the same attempt recorded twice at the same moment: the unique key decides
    if (isUniqueViolation(e))
      return {
        ...fail(409, "admin.results.errors.single"),
        problems: [{ key: "admin.results.problems.alreadyRecorded" }],
      };
    throw e;
  }
  return ok({ member: row.member! });
}

/** The member's own results (and staff's view of them). */
export async function listResults({ userId }: { userId: number }) {
  const [webinars, assessments] = await Promise.all([
    db
      .selectFrom("webinar_attendance as a")
      .innerJoin("webinars as w", "w.slug", "a.webinar")
      .select(["a.id", "w.title", "w.title_fr", "a.attended_on", "a.source"])
      .where("a.user_id", "=", userId)
      .orderBy("a.attended_on", "desc")
      .execute(),
    db
      .selectFrom("assessment_results as r")
      .innerJoin("assessments as t", "t.slug", "r.assessment")
      .leftJoin("users as s", "s.id", "r.recorded_by")
      .select([
        "r.id",
        "t.title",
        "t.title_fr",
        "r.score",
        "r.taken_on",
        "r.attempt",
        "r.note",
        "t.pass_mark",
        "s.username as recorded_by",
      ])
      .where("r.user_id", "=", userId)
      .orderBy("r.taken_on", "desc")
      .orderBy("r.attempt", "desc")
      .execute(),
  ]);
  return { webinars, assessments };
}

export async function listCatalogue() {
  const [webinars, assessments] = await Promise.all([
    db.selectFrom("webinars").select(["slug", "title", "level"]).orderBy("level").orderBy("slug").execute(),
    db
      .selectFrom("assessments")
      .select(["slug", "title", "level", "pass_mark"])
      .orderBy("level")
      .orderBy("slug")
      .execute(),
  ]);
  return { webinars, assessments };
}
