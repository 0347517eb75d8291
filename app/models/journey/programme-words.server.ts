// Staff edit the programme's own words in both languages (/admin/programme): level names and texts,
// competency names, webinar, test (assessment) and training module titles. Each French field sits
// beside its English one; empty means "not translated" and French readers see the English (localized.ts).
// One transaction per change: the row, its audit entry and, for a competency, the directory
// documents that show its name.
import { sql } from "kysely";
import { z } from "zod";
import { db, type Db } from "../../db.server";
import { enqueueSelect } from "../../jobs.server";
import { recordAudit } from "../moderation/audit.server";
import { clearTagNames } from "../forum/tag.server";
import { fail, ok, type Result } from "../shared/result";

import { PROGRAMME_KINDS, type ProgrammeKind } from "./programme-words.schema";

/** Fields an English text may leave empty (the seed's descriptions may be empty). */
const OPTIONAL_ENGLISH = new Set(["description", "criteria_narrative", "emerging", "proficient", "advanced"]);

const english = (field: string, max: number) =>
  OPTIONAL_ENGLISH.has(field)
    ? z.string().trim().max(max, "programmeWords.errors.tooLong").default("")
    : z
        .string({ error: "programmeWords.errors.required" })
        .trim()
        .min(1, "programmeWords.errors.required")
        .max(max, "programmeWords.errors.tooLong");
// empty: not translated yet
const french = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "programmeWords.errors.tooLong")
    .default("")
    .transform((s) => s || null);

function schemaOf(kind: ProgrammeKind) {
  const shape: Record<string, z.ZodType> = { key: z.string().trim().min(1).max(200) };
  for (const [field, max] of Object.entries(PROGRAMME_KINDS[kind].fields)) {
    shape[field] = english(field, max);
    shape[`${field}_fr`] = french(max);
  }
  return z.object(shape);
}

const KindSchema = z.enum(Object.keys(PROGRAMME_KINDS) as [ProgrammeKind, ...ProgrammeKind[]]);

export type ProgrammeWordsInput = { kind: ProgrammeKind; key: string; values: Record<string, string | null> };

/** The form's fields, checked: `fields` names each refused field with its message key. */
export function parseProgrammeWords(
  form: Record<string, string>,
): { ok: true; input: ProgrammeWordsInput } | { ok: false; fields: Record<string, string> } {
  const kind = KindSchema.safeParse(form.kind);
  if (!kind.success) return { ok: false, fields: { form: "programmeWords.errors.kind" } };
  const parsed = schemaOf(kind.data).safeParse(form);
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) fields[String(issue.path[0] ?? "form")] ??= issue.message;
    return { ok: false, fields };
  }
  const { key, ...values } = parsed.data as Record<string, string | null>;
  return { ok: true, input: { kind: kind.data, key: key!, values } };
}

/** "1" for a level, "webinar-1.0" for a webinar, "cx-foundations:3" for a training module. */
function keyWhere(kind: ProgrammeKind, key: string) {
  const columns = PROGRAMME_KINDS[kind].key;
  const parts = columns.length > 1 ? [key.slice(0, key.lastIndexOf(":")), key.slice(key.lastIndexOf(":") + 1)] : [key];
  if (parts.some((p) => p === "")) return null;
  const numeric = (c: string) => c === "number";
  if (columns.some((c, i) => numeric(c) && !/^\d{1,6}$/.test(parts[i]))) return null;
  return sql.join(
    columns.map((c, i) => sql`${sql.ref(c)} = ${numeric(c) ? Number(parts[i]) : parts[i]}`),
    sql` and `,
  );
}

const columnsOf = (kind: ProgrammeKind) => Object.keys(PROGRAMME_KINDS[kind].fields).flatMap((f) => [f, `${f}_fr`]);

/** Saves one row's English and French words; 404 when the row is gone. */
export async function updateProgrammeWords({
  adminId,
  input,
}: {
  adminId: number;
  input: ProgrammeWordsInput;
}): Promise<Result<object>> {
  const { kind, key, values } = input;
  const where = keyWhere(kind, key);
  if (!where) return fail(404, "errors.notFound");
  const table = sql.table(PROGRAMME_KINDS[kind].table);
  const columns = columnsOf(kind);
  const result = await db.transaction().execute(async (trx) => {
    const { rows } = await sql<Record<string, string | null>>`
      select ${sql.join(columns.map((c) => sql.ref(c)))} from ${table} where ${where} for update`.execute(trx);
    const before = rows[0];
    if (!before) return fail(404, "errors.notFound");
    const changed = columns.filter((c) => (values[c] ?? null) !== (before[c] ?? null));
    if (!changed.length) return ok({});
    await sql`update ${table} set ${sql.join(
      changed.map((c) => sql`${sql.ref(c)} = ${values[c] ?? null}`),
    )} where ${where}`.execute(trx);
    const pick = (row: Record<string, string | null>) => Object.fromEntries(changed.map((c) => [c, row[c] ?? null]));
    await recordAudit(trx, {
      actorId: adminId,
      action: "programme.update",
      targetType: kind,
      targetId: key,
      before: pick(before),
      after: pick(values),
    });
    // the directory's documents carry competency names in both languages
    if (kind === "competency" && (changed.includes("name") || changed.includes("name_fr")))
      await reindexHolders(trx, key);
    return ok({});
  });
  // pages read competency names from a short-lived copy (tag names)
  if (kind === "competency") clearTagNames();
  return result;
}

async function reindexHolders(trx: Db, slug: string) {
  await enqueueSelect(
    trx,
    "profile.reindex",
    sql`select jsonb_build_object('userIds', jsonb_agg(user_id order by user_id)) as payload from (
          select user_id, (row_number() over (order by user_id) - 1) / 100 as batch
          from profile_competencies where competency = ${slug}) p group by batch`,
  );
}

export type ProgrammeRow = { key: string; label: string; values: Record<string, string | null> };

/** Every programme row staff may reword, by kind, in the programme's order. */
export async function listProgrammeWords(conn: Db): Promise<Record<ProgrammeKind, ProgrammeRow[]>> {
  const [levels, competencies, webinars, assessments, modules] = await Promise.all([
    conn.selectFrom("levels").selectAll().orderBy("number").execute(),
    conn.selectFrom("competencies").selectAll().orderBy("position").orderBy("slug").execute(),
    conn.selectFrom("webinars").selectAll().orderBy("level").orderBy("slug").execute(),
    conn.selectFrom("assessments").selectAll().orderBy("level").orderBy("slug").execute(),
    conn.selectFrom("training_modules").selectAll().orderBy("programme").orderBy("number").execute(),
  ]);
  const rows = (kind: ProgrammeKind, list: Record<string, unknown>[], key: (r: Record<string, unknown>) => string) =>
    list.map((r) => ({
      key: key(r),
      label: key(r),
      values: Object.fromEntries(columnsOf(kind).map((c) => [c, (r[c] as string | null) ?? null])),
    }));
  return {
    level: rows("level", levels, (r) => String(r.number)),
    competency: rows("competency", competencies, (r) => String(r.slug)),
    webinar: rows("webinar", webinars, (r) => String(r.slug)),
    assessment: rows("assessment", assessments, (r) => String(r.slug)),
    module: rows("module", modules, (r) => `${r.programme}:${r.number}`),
  };
}
