// A learner asked their group's tutor a question: the tutor is told at once (after the post commits).
import type { JobHandler, JobTable } from "../jobs.server";
import { notifyTutorOfQuestion } from "../models/assessments/tutor-clock.server";

const tutorQuestion: JobHandler<"tutor.question"> = async ({ questionId }, { trx }) => {
  await notifyTutorOfQuestion(trx, questionId);
};

export const tutorQuestionJobs = {
  "tutor.question": tutorQuestion,
} satisfies Partial<JobTable>;
