// Self-nominations for the yearly awards: members at levels 3 and 4 write one per category (a
// statement, achievements, evidence links and files), save drafts, submit, and may edit until
// the round's deadline. The deadline is checked here, on the server, with the round row locked.
// The award_nomination requirement counts submitted nominations (submitted_at set).
import { db } from "../../db.server";
import { canNominate, canSeeNomination, type Scope } from "../permissions.server";
import { deleteEvidence, storeEvidence, type StoredEvidence } from "./award-file.server";
import { categoryOpenTo, NOMINATION_MAX_FILES, submissionProblems, type NominationInput } from "./award.schema";
import { fail, ok, type Result } from "../shared/result";

/** The round members may nominate themselves in now: the newest whose deadline is still ahead. */
export async function getOpenRound(now = new Date()) {
  const round = await db
    .selectFrom("award_rounds")
    .select(["id", "year", "title", "intro", "deadline_at"])
    .where("deadline_at", ">", now)
    .orderBy("deadline_at")
    .executeTakeFirst();
  if (!round) return undefined;
  const categories = await db
    .selectFrom("award_categories")
    .select(["id", "name", "description", "min_level", "max_level"])
    .where("round_id", "=", round.id)
    .orderBy("position")
    .orderBy("id")
    .execute();
  return { ...round, categories };
}

/** A member's nominations in a round, with their files. */
export async function listMyNominations({ userId, roundId }: { userId: number; roundId: number }) {
  const rows = await db
    .selectFrom("award_nominations as n")
    .innerJoin("award_categories as c", "c.id", "n.category_id")
    .select([
      "n.id",
      "n.category_id",
      "c.name as category",
      "n.statement",
      "n.achievements",
      "n.evidence_links",
      "n.submitted_at",
      "n.updated_at",
    ])
    .where("n.user_id", "=", userId)
    .where("n.round_id", "=", roundId)
    .orderBy("c.position")
    .execute();
  const files = rows.length
    ? await db
        .selectFrom("award_nomination_files")
        .select(["id", "nomination_id", "file_name", "content_type", "size"])
        .where(
          "nomination_id",
          "in",
          rows.map((r) => r.id),
        )
        .orderBy("id")
        .execute()
    : [];
  return rows.map((r) => ({ ...r, files: files.filter((f) => f.nomination_id === r.id) }));
}

type Save = {
  scope: Scope;
  roundId: number;
  input: NominationInput;
  submit: boolean;
  files?: File[];
  removeFileIds?: number[];
  now?: Date;
};

/**
 * Saves a draft or submits. Files are checked and written first; if anything is then refused
 * (deadline passed, too many files, incomplete submission), they are removed again and no row changes.
 */
export async function saveNomination({
  scope,
  roundId,
  input,
  submit,
  files = [],
  removeFileIds = [],
  now = new Date(),
}: Save): Promise<Result<{ id: number; submitted: boolean }>> {
  if (!scope.userId || !canNominate(scope)) return fail(403, "awards.errors.levelRequired");
  const userId = scope.userId;
  const quick = await db.selectFrom("award_rounds").select("deadline_at").where("id", "=", roundId).executeTakeFirst();
  if (!quick) return fail(404, "awards.errors.roundNotFound");
  if (quick.deadline_at <= now)
    return fail(409, "awards.errors.deadlinePassed", undefined, { deadline: quick.deadline_at.toISOString() });

  const stored: StoredEvidence[] = [];
  for (const file of files.filter((f) => f.size > 0 || f.name)) {
    const r = await storeEvidence({ userId, file });
    if (!r.ok) {
      await deleteEvidence(stored.map((s) => s.key));
      return r;
    }
    stored.push(r.stored);
  }
  let removedKeys: string[] = [];
  const result = await db.transaction().execute(async (trx): Promise<Result<{ id: number; submitted: boolean }>> => {
    // the round row is locked so a deadline edit and a save cannot cross
    const round = await trx
      .selectFrom("award_rounds")
      .select(["id", "deadline_at"])
      .where("id", "=", roundId)
      .forShare()
      .executeTakeFirst();
    if (!round) return fail(404, "awards.errors.roundNotFound");
    if (round.deadline_at <= now)
      return fail(409, "awards.errors.deadlinePassed", undefined, { deadline: round.deadline_at.toISOString() });
    const category = await trx
      .selectFrom("award_categories")
      .select(["id", "min_level", "max_level"])
      .where("id", "=", input.categoryId)
      .where("round_id", "=", roundId)
      .executeTakeFirst();
    if (!category) return fail(400, "awards.errors.category", { categoryId: "awards.errors.category" });
    if (!categoryOpenTo(category, scope.level)) {
      const values = { min: category.min_level, max: category.max_level, level: scope.level };
      return fail(403, "staffViews.awards.notOpen", { categoryId: "staffViews.awards.notOpen" }, values);
    }
    const existing = await trx
      .selectFrom("award_nominations")
      .select(["id", "submitted_at"])
      .where("round_id", "=", roundId)
      .where("user_id", "=", userId)
      .where("category_id", "=", input.categoryId)
      .forUpdate()
      .executeTakeFirst();
    const keptFiles = existing
      ? await trx
          .selectFrom("award_nomination_files")
          .select(["id", "storage_key"])
          .where("nomination_id", "=", existing.id)
          .execute()
      : [];
    const removing = keptFiles.filter((f) => removeFileIds.includes(f.id));
    if (keptFiles.length - removing.length + stored.length > NOMINATION_MAX_FILES)
      return fail(
        400,
        "awards.errors.tooManyFiles",
        { files: "awards.errors.tooManyFiles" },
        { max: NOMINATION_MAX_FILES },
      );
    const willSubmit = submit || !!existing?.submitted_at;
    if (willSubmit) {
      const problems = submissionProblems(input);
      if (Object.keys(problems).length)
        return fail(400, "form.fixErrors", problems, { count: Object.keys(problems).length });
    }
    const values = {
      statement: input.statement,
      achievements: input.achievements,
      evidence_links: input.evidenceLinks,
      updated_at: now,
    };
    let id: number;
    if (existing) {
      id = existing.id;
      await trx
        .updateTable("award_nominations")
        .set({ ...values, submitted_at: existing.submitted_at ?? (submit ? now : null) })
        .where("id", "=", id)
        .execute();
    } else {
      const round = await trx
        .selectFrom("award_rounds")
        .select("year")
        .where("id", "=", roundId)
        .executeTakeFirstOrThrow();
      ({ id } = await trx
        .insertInto("award_nominations")
        .values({
          ...values,
          user_id: userId,
          year: round.year,
          round_id: roundId,
          category_id: input.categoryId,
          submitted_at: submit ? now : null,
          created_at: now,
        })
        .returning("id")
        .executeTakeFirstOrThrow());
    }
    if (removing.length) {
      await trx
        .deleteFrom("award_nomination_files")
        .where(
          "id",
          "in",
          removing.map((f) => f.id),
        )
        .execute();
      removedKeys = removing.map((f) => f.storage_key);
    }
    if (stored.length) {
      await trx
        .insertInto("award_nomination_files")
        .values(
          stored.map((s) => ({
            nomination_id: id,
            storage_key: s.key,
            file_name: s.fileName,
            content_type: s.type,
            size: s.size,
          })),
        )
        .execute();
    }
    return ok({ id, submitted: willSubmit });
  });
  if (!result.ok) await deleteEvidence(stored.map((s) => s.key));
  else if (removedKeys.length) await deleteEvidence(removedKeys);
  return result;
}

/** An evidence file, when the viewer may see its nomination (author, staff, judges of its category). */
export async function getEvidenceFile({ scope, fileId }: { scope: Scope; fileId: number }) {
  if (!scope.userId || !Number.isSafeInteger(fileId) || fileId < 1) return undefined;
  const f = await db
    .selectFrom("award_nomination_files as f")
    .innerJoin("award_nominations as n", "n.id", "f.nomination_id")
    .select(["f.storage_key", "f.file_name", "f.content_type", "n.user_id", "n.category_id", "n.submitted_at"])
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom("award_judges as j")
            .select("j.user_id")
            .whereRef("j.category_id", "=", "n.category_id")
            .where("j.user_id", "=", scope.userId!),
        )
        .as("judge_of_category"),
    )
    .where("f.id", "=", fileId)
    .executeTakeFirst();
  if (
    !f ||
    !canSeeNomination(scope, { userId: f.user_id, judgeOfCategory: !!f.judge_of_category, submitted: !!f.submitted_at })
  )
    return undefined;
  return f;
}
