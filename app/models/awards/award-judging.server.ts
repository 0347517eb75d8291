// Judging the awards: judges assigned to a category score each submitted nomination in it
// against the round's criteria (1-5 each, with a comment). A judge never scores their own
// nomination, and sees other judges' scores only once their own review is submitted. Scoring
// opens when nominations close (the deadline) and ends when staff publish the results.
import { sql } from "kysely";
import { db } from "../../db.server";
import { canScoreNomination, canSeeNomination, canSeeOtherScores, type Scope } from "../permissions.server";
import { fail, ok, type Result } from "../shared/result";

/** The judge's categories with their submitted nominations (their own left out) and whether each is reviewed. */
export async function listJudgeQueue({ scope }: { scope: Scope }) {
  if (!scope.userId || !scope.isJudge) return [];
  const { rows } = await sql<{
    round_id: number;
    year: number;
    round_title: string;
    deadline_at: Date;
    results_published_at: Date | null;
    category_id: number;
    category: string;
    nomination_id: number | null;
    nominee: string | null;
    reviewed: boolean | null;
  }>`
    select r.id as round_id, r.year, r.title as round_title, r.deadline_at, r.results_published_at, c.id
      as category_id, c.name as category,
      n.id as nomination_id, u.display_name as nominee,
      exists (select 1 from award_reviews v where v.nomination_id = n.id and v.judge_id = ${scope.userId}) as reviewed
    from award_judges j
    join award_categories c on c.id = j.category_id
    join award_rounds r on r.id = c.round_id
    left join award_nominations n on n.category_id = c.id and n.submitted_at is not null
      and n.user_id <> ${scope.userId}
    left join users u on u.id = n.user_id
    where j.user_id = ${scope.userId}
    order by r.year desc, c.position, c.id, u.display_name`.execute(db);
  const out: {
    categoryId: number;
    category: string;
    year: number;
    roundTitle: string;
    open: boolean;
    published: boolean;
    nominations: { id: number; nominee: string; reviewed: boolean }[];
  }[] = [];
  const now = new Date();
  for (const r of rows) {
    let c = out.find((x) => x.categoryId === r.category_id);
    if (!c) {
      c = {
        categoryId: r.category_id,
        category: r.category,
        year: r.year,
        roundTitle: r.round_title,
        open: r.deadline_at <= now && !r.results_published_at,
        published: !!r.results_published_at,
        nominations: [],
      };
      out.push(c);
    }
    if (r.nomination_id) c.nominations.push({ id: r.nomination_id, nominee: r.nominee ?? "", reviewed: !!r.reviewed });
  }
  return out;
}

async function loadNomination(nominationId: number, judgeId: number) {
  return db
    .selectFrom("award_nominations as n")
    .innerJoin("award_categories as c", "c.id", "n.category_id")
    .innerJoin("award_rounds as r", "r.id", "n.round_id")
    .innerJoin("users as u", "u.id", "n.user_id")
    .select([
      "n.id",
      "n.user_id",
      "n.round_id",
      "n.category_id",
      "n.statement",
      "n.achievements",
      "n.evidence_links",
      "n.submitted_at",
      "c.name as category",
      "r.year",
      "r.deadline_at",
      "r.results_published_at",
      "u.display_name as nominee",
      "u.username as nominee_username",
    ])
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom("award_judges as j")
            .select("j.user_id")
            .whereRef("j.category_id", "=", "n.category_id")
            .where("j.user_id", "=", judgeId),
        )
        .as("judge_of_category"),
    )
    .where("n.id", "=", nominationId)
    .executeTakeFirst();
}

/**
 * A nomination as a judge (or staff) sees it: the nomination, the criteria, the viewer's own
 * review, and the other judges' reviews only when the viewer may see them.
 */
export async function getNominationForJudging({ scope, nominationId }: { scope: Scope; nominationId: number }) {
  if (!scope.userId || !Number.isSafeInteger(nominationId) || nominationId < 1) return undefined;
  const n = await loadNomination(nominationId, scope.userId);
  if (!n) return undefined;
  const judgeOfCategory = !!n.judge_of_category;
  // a judge's own nomination is not theirs to judge: they are sent to it as its author elsewhere
  if (!scope.isStaff && n.user_id === scope.userId) return undefined;
  if (!canSeeNomination(scope, { userId: n.user_id, judgeOfCategory, submitted: !!n.submitted_at })) return undefined;
  const [criteria, files, reviews] = await Promise.all([
    db
      .selectFrom("award_criteria")
      .select(["id", "name"])
      .where("round_id", "=", n.round_id)
      .orderBy("position")
      .orderBy("id")
      .execute(),
    db
      .selectFrom("award_nomination_files")
      .select(["id", "file_name", "content_type", "size"])
      .where("nomination_id", "=", n.id)
      .orderBy("id")
      .execute(),
    db
      .selectFrom("award_reviews as v")
      .innerJoin("users as u", "u.id", "v.judge_id")
      .select(["v.id", "v.judge_id", "v.comment", "v.submitted_at", "u.display_name as judge"])
      .where("v.nomination_id", "=", n.id)
      .orderBy("v.submitted_at")
      .execute(),
  ]);
  const own = reviews.find((r) => r.judge_id === scope.userId);
  const maySeeOthers = canSeeOtherScores(scope, { judgeOfCategory, ownReviewSubmitted: !!own });
  const visible = reviews.filter((r) => r.judge_id === scope.userId || maySeeOthers);
  const scores = visible.length
    ? await db
        .selectFrom("award_scores")
        .select(["review_id", "criterion_id", "score", "comment"])
        .where(
          "review_id",
          "in",
          visible.map((r) => r.id),
        )
        .execute()
    : [];
  const withScores = visible.map((r) => ({ ...r, scores: scores.filter((s) => s.review_id === r.id) }));
  const now = new Date();
  return {
    nomination: n,
    criteria,
    files,
    ownReview: withScores.find((r) => r.judge_id === scope.userId) ?? null,
    otherReviews: maySeeOthers ? withScores.filter((r) => r.judge_id !== scope.userId) : [],
    othersHidden: !maySeeOthers && reviews.some((r) => r.judge_id !== scope.userId),
    canScore:
      canScoreNomination(scope, { userId: n.user_id, judgeOfCategory, submitted: !!n.submitted_at }) &&
      !own &&
      n.deadline_at <= now &&
      !n.results_published_at,
    scoringOpensAt: n.deadline_at,
  };
}

export type ReviewInput = {
  scores: Record<string, string | undefined>;
  comments: Record<string, string | undefined>;
  comment: string;
};

/** A judge submits their review: one score 1-5 (and an optional comment) per criterion. Final once submitted. */
export async function submitReview({
  scope,
  nominationId,
  input,
  now = new Date(),
}: {
  scope: Scope;
  nominationId: number;
  input: ReviewInput;
  now?: Date;
}): Promise<Result<{ reviewId: number }>> {
  if (!scope.userId) return fail(403, "awards.errors.notJudge");
  const judgeId = scope.userId;
  return db.transaction().execute(async (trx) => {
    const n = await loadNomination(nominationId, judgeId);
    if (!n) return fail(404, "awards.errors.nominationNotFound");
    if (n.user_id === judgeId) return fail(403, "awards.errors.ownNomination");
    if (
      !canScoreNomination(scope, {
        userId: n.user_id,
        judgeOfCategory: !!n.judge_of_category,
        submitted: !!n.submitted_at,
      })
    )
      return fail(403, "awards.errors.notJudge");
    // the round row is locked so publishing the results and a late review cannot cross
    const round = await trx
      .selectFrom("award_rounds")
      .select(["deadline_at", "results_published_at"])
      .where("id", "=", n.round_id)
      .forShare()
      .executeTakeFirstOrThrow();
    if (round.deadline_at > now)
      return fail(409, "awards.errors.judgingNotOpen", undefined, { opens: round.deadline_at.toISOString() });
    if (round.results_published_at) return fail(409, "awards.errors.resultsPublished");
    const criteria = await trx.selectFrom("award_criteria").select(["id"]).where("round_id", "=", n.round_id).execute();
    const fields: Record<string, string> = {};
    const rows: { criterion_id: number; score: number; comment: string }[] = [];
    for (const c of criteria) {
      const raw = input.scores[String(c.id)];
      const score = Number(raw);
      if (!raw || !Number.isInteger(score) || score < 1 || score > 5) fields[`score-${c.id}`] = "awards.errors.score";
      const comment = (input.comments[String(c.id)] ?? "").trim();
      if (comment.length > 2000) fields[`comment-${c.id}`] = "awards.errors.commentLong";
      rows.push({ criterion_id: c.id, score, comment });
    }
    if (input.comment.trim().length > 4000) fields.comment = "awards.errors.commentLong";
    if (Object.keys(fields).length) return fail(400, "form.fixErrors", fields, { count: Object.keys(fields).length });
    const review = await trx
      .insertInto("award_reviews")
      .values({ nomination_id: n.id, judge_id: judgeId, comment: input.comment.trim(), submitted_at: now })
      .onConflict((oc) => oc.columns(["nomination_id", "judge_id"]).doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!review) return fail(409, "awards.errors.alreadyReviewed");
    await trx
      .insertInto("award_scores")
      .values(rows.map((r) => ({ ...r, review_id: review.id })))
      .execute();
    return ok({ reviewId: review.id });
  });
}
