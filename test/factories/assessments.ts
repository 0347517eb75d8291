// Question banks and online delivery settings for assessment-engine tests.
import { randomBytes } from "node:crypto";
import { db } from "~/db.server";
import { ensureProgramme } from "./progress";

/**
 * A bank of `size` questions: "Question n" with options a (correct), b, c, d; every `multiEvery`-th also has c
 * correct.
 */
export async function createBank({ size, tag, multiEvery = 0 }: { size: number; tag?: string; multiEvery?: number }) {
  const bank = await db
    .insertInto("question_banks")
    .values({ name: `Bank ${randomBytes(4).toString("hex")}` })
    .returning("id")
    .executeTakeFirstOrThrow();
  const questions = [];
  for (let i = 1; i <= size; i++) {
    const multi = multiEvery > 0 && i % multiEvery === 0;
    const q = await db
      .insertInto("bank_questions")
      .values({
        bank_id: bank.id,
        prompt: `Question ${i}`,
        explanation: `Because of reason ${i}.`,
        tags: tag ? [tag] : [],
        options: JSON.stringify([
          { key: "a", text: `Right ${i}`, correct: true },
          { key: "b", text: `Wrong ${i}`, correct: false },
          { key: "c", text: multi ? `Also right ${i}` : `Also wrong ${i}`, correct: multi },
          { key: "d", text: `Not this ${i}`, correct: false },
        ]),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    questions.push({ id: q.id, correct: multi ? ["a", "c"] : ["a"] });
  }
  return { id: bank.id, questions };
}

/** Opens a programme assessment online with this bank. */
export async function putOnline(
  slug: string,
  bankId: number,
  opts: {
    count: number;
    timeLimitMinutes?: number | null;
    cooldownHours?: number;
    readinessRequired?: boolean;
    passMark?: number | null;
    tag?: string | null;
    revealRatio?: number;
  },
) {
  await ensureProgramme();
  await db
    .updateTable("assessments")
    .set({
      bank_id: bankId,
      bank_tag: opts.tag ?? null,
      question_count: opts.count,
      time_limit_minutes: opts.timeLimitMinutes === undefined ? 30 : opts.timeLimitMinutes,
      cooldown_hours: opts.cooldownHours ?? 0,
      readiness_required: opts.readinessRequired ?? false,
      online: true,
      ...(opts.revealRatio !== undefined ? { reveal_min_bank_ratio: opts.revealRatio } : {}),
      ...(opts.passMark !== undefined ? { pass_mark: opts.passMark } : {}),
    })
    .where("slug", "=", slug)
    .execute();
}
