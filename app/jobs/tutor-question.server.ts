// A learner asked their group's tutor a question: the tutor is told at once (after the post commits).
import { defineJob } from "../jobs.server";
import { notifyTutorOfQuestion, TUTOR_QUESTION_JOB } from "../models/tutor-clock.server";

defineJob(TUTOR_QUESTION_JOB, async ({ questionId }: { questionId: number }, { trx }) => {
  await notifyTutorOfQuestion(trx, questionId);
});
