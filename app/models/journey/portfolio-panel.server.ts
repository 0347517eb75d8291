// Portfolio with panel review, the panel's side (issue 26 point 2): each assigned reviewer reads the
// portfolio and scores the rubric once (a score and a comment per criterion), alone: other reviewers'
// scores stay hidden from them. Staff's side is portfolio-review.server.ts.
import { db, type Db } from "../../db.server";
import { recordAudit } from "../moderation/audit.server";
import { canSeePortfolio, type Scope } from "../permissions.server";
import { fail, ok, type Result } from "../shared/result";
import { RUBRIC, StoredScoresSchema, type Criterion, type Score } from "./portfolio.schema";
import { loadPortfolio } from "./portfolio.server";

/** Every review of the portfolio with its reviewer, scores parsed (staff see them all; a reviewer, their own). */
const scoresOf = (raw: unknown): Score[] => {
  const parsed = StoredScoresSchema.safeParse(raw);
  return parsed.success ? parsed.data : [];
};

export async function reviewsOf(conn: Db, portfolioId: number) {
  const rows = await conn
    .selectFrom("portfolio_reviews as v")
    .innerJoin("users as u", "u.id", "v.reviewer_id")
    .select(["v.id", "v.reviewer_id", "v.scores", "v.submitted_at", "u.username", "u.display_name"])
    .where("v.portfolio_id", "=", portfolioId)
    .orderBy("v.id")
    .execute();
  return rows.map(({ scores, ...r }) => ({ ...r, scores: scoresOf(scores) }));
}

/** The reviewer's assignments: portfolios to score first, then those already scored. */
export async function listMyReviews(reviewerId: number) {
  return db
    .selectFrom("portfolio_reviews as v")
    .innerJoin("portfolios as p", "p.id", "v.portfolio_id")
    .innerJoin("users as u", "u.id", "p.user_id")
    .select(["p.id", "p.status", "p.submitted_at", "v.submitted_at as reviewed_at", "u.display_name"])
    .where("v.reviewer_id", "=", reviewerId)
    .orderBy(({ eb }) => eb.case().when("v.submitted_at", "is", null).then(0).else(1).end())
    .orderBy("p.submitted_at")
    .limit(200)
    .execute();
}

/**
 * A portfolio as an assigned reviewer sees it: the member's projects, files, references and their
 * answers, and the reviewer's own scores (other reviewers' scores stay hidden: each judges alone).
 */
export async function getPortfolioForReviewer({ scope, portfolioId }: { scope: Scope; portfolioId: number }) {
  if (!scope.userId) return undefined;
  const loaded = await loadPortfolio(db, portfolioId);
  if (!loaded) return undefined;
  const own = (await reviewsOf(db, portfolioId)).find((r) => r.reviewer_id === scope.userId);
  if (!own || !canSeePortfolio(scope, { userId: loaded.portfolio.user_id, assignedReviewer: true })) return undefined;
  const member = await db
    .selectFrom("users")
    .select(["display_name"])
    .where("id", "=", loaded.portfolio.user_id)
    .executeTakeFirstOrThrow();
  // contact details of references are for staff; the panel reads who they are and what they said
  const references = loaded.references.map(({ email: _e, phone: _p, ...r }) => r);
  return { ...loaded, references, member, own };
}

/** A reviewer's scores, once: every criterion of the rubric with a score and a comment. */
export async function submitReview({
  reviewerId,
  portfolioId,
  scores,
}: {
  reviewerId: number;
  portfolioId: number;
  scores: Record<Criterion, { score: number; comment: string }>;
}): Promise<Result<object>> {
  return db.transaction().execute(async (trx) => {
    const v = await trx
      .selectFrom("portfolio_reviews as v")
      .innerJoin("portfolios as p", "p.id", "v.portfolio_id")
      .select(["v.id", "v.submitted_at", "p.status", "p.user_id"])
      .where("v.portfolio_id", "=", portfolioId)
      .where("v.reviewer_id", "=", reviewerId)
      .forUpdate()
      .executeTakeFirst();
    if (!v) return fail(404, "portfolio.errors.notFound");
    if (v.submitted_at) return fail(409, "portfolio.errors.reviewSubmitted");
    if (v.status !== "submitted") return fail(409, "portfolio.errors.notUnderReview");
    const list: Score[] = RUBRIC.map((criterion) => ({ criterion, ...scores[criterion] }));
    await trx
      .updateTable("portfolio_reviews")
      .set({ scores: JSON.stringify(StoredScoresSchema.parse(list)), submitted_at: new Date() })
      .where("id", "=", v.id)
      .execute();
    await recordAudit(trx, {
      actorId: reviewerId,
      action: "portfolio.review",
      targetType: "portfolio",
      targetId: portfolioId,
      after: { total: list.reduce((s, x) => s + x.score, 0) },
    });
    return ok({});
  });
}
