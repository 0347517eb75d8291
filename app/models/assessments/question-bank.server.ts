// Question banks and how each assessment is delivered online, managed by staff. Questions are
// never deleted (attempts keep a copy of what they showed, but staff still see where it came
// from): a question taken out of use is archived.
import { sql } from "kysely";
import { db, type Db } from "../../db.server";
import type { BankOption } from "../../../db/schema";
import type { DeliveryInput, QuestionInput } from "./assessment.schema";
import { recordAudit } from "../moderation/audit.server";
import { fail, ok, type Result } from "../shared/result";

const OPTION_KEYS = "abcdefghijklmnopqrstuvwxyz";

export async function listBanks(conn: Db) {
  return conn
    .selectFrom("question_banks as b")
    .select(["b.id", "b.name", "b.description", "b.archived_at"])
    .select((eb) =>
      eb
        .selectFrom("bank_questions as q")
        .select(sql<number>`count(*)::int`.as("n"))
        .whereRef("q.bank_id", "=", "b.id")
        .where("q.archived_at", "is", null)
        .as("questions"),
    )
    .orderBy("b.name")
    .execute();
}

export async function createBank({
  adminId,
  name,
  description,
}: {
  adminId: number;
  name: string;
  description: string;
}): Promise<Result<{ id: number }>> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("question_banks")
      .values({ name, description, created_by: adminId })
      .onConflict((oc) => oc.column("name").doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!row) return fail(409, "assessments.admin.errors.nameTaken", { name: "assessments.admin.errors.nameTaken" });
    await recordAudit(trx, {
      actorId: adminId,
      action: "question_bank.create",
      targetType: "question_bank",
      targetId: row.id,
      after: { name, description },
    });
    return ok({ id: row.id });
  });
}

export async function getBank({ id }: { id: number }) {
  const bank = await db
    .selectFrom("question_banks")
    .select(["id", "name", "description", "archived_at"])
    .where("id", "=", id)
    .executeTakeFirst();
  if (!bank) return undefined;
  const questions = await db
    .selectFrom("bank_questions as q")
    .select(["q.id", "q.prompt", "q.explanation", "q.tags", "q.options", "q.archived_at", "q.created_at"])
    .select((eb) =>
      eb
        .selectFrom("attempt_questions as aq")
        .select(sql<number>`count(*)::int`.as("n"))
        .whereRef("aq.question_id", "=", "q.id")
        .as("times_shown"),
    )
    .where("q.bank_id", "=", id)
    .orderBy(sql`q.archived_at is not null`)
    .orderBy("q.id")
    .execute();
  return { bank, questions };
}

export async function addQuestion({
  adminId,
  bankId,
  input,
}: {
  adminId: number;
  bankId: number;
  input: QuestionInput;
}): Promise<Result<{ id: number }>> {
  return db.transaction().execute(async (trx) => {
    const bank = await trx
      .selectFrom("question_banks")
      .select("id")
      .where("id", "=", bankId)
      .where("archived_at", "is", null)
      .executeTakeFirst();
    if (!bank) return fail(404, "assessments.admin.errors.bankGone");
    const options: BankOption[] = input.options.map((o, i) => ({
      key: OPTION_KEYS[i],
      text: o.text,
      correct: o.correct,
    }));
    const row = await trx
      .insertInto("bank_questions")
      .values({
        bank_id: bankId,
        prompt: input.prompt,
        explanation: input.explanation,
        tags: input.tags,
        options: JSON.stringify(options),
        created_by: adminId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actorId: adminId,
      action: "question.create",
      targetType: "bank_question",
      targetId: row.id,
      after: { bankId, ...input, options },
    });
    return ok({ id: row.id });
  });
}

export async function setQuestionArchived({
  adminId,
  bankId,
  questionId,
  archived,
}: {
  adminId: number;
  bankId: number;
  questionId: number;
  archived: boolean;
}): Promise<Result<object>> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable("bank_questions")
      .set({ archived_at: archived ? new Date() : null })
      .where("id", "=", questionId)
      .where("bank_id", "=", bankId)
      .returning("id")
      .executeTakeFirst();
    if (!row) return fail(404, "assessments.admin.errors.questionGone");
    await recordAudit(trx, {
      actorId: adminId,
      action: archived ? "question.archive" : "question.restore",
      targetType: "bank_question",
      targetId: questionId,
    });
    return ok({});
  });
}

/** Live questions an assessment can draw from (its bank, narrowed to its tag). */
export function liveQuestions(conn: Db, bankId: number, tag: string | null) {
  let q = conn.selectFrom("bank_questions").where("bank_id", "=", bankId).where("archived_at", "is", null);
  if (tag) q = q.where(sql<boolean>`${tag} = any(tags)`);
  return q;
}

export async function listAssessmentsForAdmin() {
  return db
    .selectFrom("assessments as a")
    .leftJoin("question_banks as b", "b.id", "a.bank_id")
    .select([
      "a.slug",
      "a.title",
      "a.level",
      "a.pass_mark",
      "a.bank_id",
      "a.bank_tag",
      "a.question_count",
      "a.time_limit_minutes",
      "a.cooldown_hours",
      "a.reveal_min_bank_ratio",
      "a.readiness_required",
      "a.online",
      "b.name as bank_name",
    ])
    .select((eb) =>
      eb
        .selectFrom("bank_questions as q")
        .select(sql<number>`count(*)::int`.as("n"))
        .whereRef("q.bank_id", "=", "a.bank_id")
        .where("q.archived_at", "is", null)
        .where(sql<boolean>`a.bank_tag is null or a.bank_tag = any(q.tags)`)
        .as("available"),
    )
    .select((eb) =>
      eb
        .selectFrom("assessment_attempts as t")
        .select(sql<number>`count(*)::int`.as("n"))
        .whereRef("t.assessment", "=", "a.slug")
        .as("attempts"),
    )
    .orderBy("a.level")
    .orderBy("a.slug")
    .execute();
}

/** Staff set how an assessment is delivered; opening it online needs a bank with enough questions. */
export async function configureDelivery({
  adminId,
  slug,
  input,
}: {
  adminId: number;
  slug: string;
  input: DeliveryInput;
}): Promise<Result<object>> {
  return db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom("assessments")
      .selectAll()
      .where("slug", "=", slug)
      .forUpdate()
      .executeTakeFirst();
    if (!before) return fail(404, "assessments.admin.errors.assessmentGone");
    if (input.bankId !== undefined) {
      const bank = await trx
        .selectFrom("question_banks")
        .select("id")
        .where("id", "=", input.bankId)
        .where("archived_at", "is", null)
        .executeTakeFirst();
      if (!bank) return fail(400, "assessments.admin.errors.bank", { bankId: "assessments.admin.errors.bank" });
    }
    if (input.online) {
      if (input.bankId === undefined)
        return fail(400, "assessments.admin.errors.onlineNeedsBank", {
          bankId: "assessments.admin.errors.onlineNeedsBank",
        });
      if (input.questionCount === undefined)
        return fail(400, "assessments.admin.errors.questionCount", {
          questionCount: "assessments.admin.errors.questionCount",
        });
      const { n } = await liveQuestions(trx, input.bankId, input.bankTag ?? null)
        .select(sql<number>`count(*)::int`.as("n"))
        .executeTakeFirstOrThrow();
      if (n < input.questionCount)
        return fail(
          400,
          "assessments.admin.errors.notEnough",
          { questionCount: "assessments.admin.errors.notEnough" },
          { available: n, wanted: input.questionCount },
        );
    }
    const after = {
      bank_id: input.bankId ?? null,
      bank_tag: input.bankTag ?? null,
      question_count: input.questionCount ?? null,
      time_limit_minutes: input.timeLimitMinutes ?? null,
      cooldown_hours: input.cooldownHours,
      reveal_min_bank_ratio: input.revealMinBankRatio,
      pass_mark: input.passMark ?? null,
      readiness_required: input.readinessRequired,
      online: input.online,
    };
    await trx.updateTable("assessments").set(after).where("slug", "=", slug).execute();
    await recordAudit(trx, {
      actorId: adminId,
      action: "assessment.delivery.update",
      targetType: "assessment",
      targetId: slug,
      before,
      after,
    });
    return ok({});
  });
}
