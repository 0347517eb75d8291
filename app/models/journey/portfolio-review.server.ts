// Portfolio with panel review, staff's side (issue 26 point 2): staff assign at least two reviewers
// (never the member's mentor, tutor or mentee: permissions.reviewerConflict) and decide with written
// reasons. Approval needs the requirement's number of submitted reviews and confirmed references. A
// declined portfolio may be appealed (appeal.server.ts); upholding the appeal reopens the review. The
// reviewers' side is portfolio-panel.server.ts; the interview, portfolio-interview.server.ts.
import { sql } from "kysely";
import { db, type Db } from "../../db.server";
import { message } from "../account/notification-text";
import { notify } from "../account/notification.server";
import { recordAudit } from "../moderation/audit.server";
import { canManagePortfolios, reviewerConflict, type Scope } from "../permissions.server";
import { fail, ok, type Result } from "../shared/result";
import { loadPortfolio } from "./portfolio.server";
import { reviewsOf } from "./portfolio-panel.server";
import { parseParams } from "./requirement.schema";

/** Staff queue: portfolios waiting for a decision first (oldest first), then the latest decided. */
export async function listPortfoliosForStaff() {
  return db
    .selectFrom("portfolios as p")
    .innerJoin("users as u", "u.id", "p.user_id")
    .innerJoin("level_requirements as r", "r.id", "p.requirement_id")
    .select([
      "p.id",
      "p.status",
      "p.submitted_at",
      "p.decided_at",
      "u.username",
      "u.display_name",
      "r.key",
      "r.designation",
    ])
    .select((eb) => [
      eb
        .selectFrom("portfolio_reviews as v")
        .select(eb.fn.countAll<number>().as("n"))
        .whereRef("v.portfolio_id", "=", "p.id")
        .as("assigned"),
      eb
        .selectFrom("portfolio_reviews as v")
        .select(eb.fn.countAll<number>().as("n"))
        .whereRef("v.portfolio_id", "=", "p.id")
        .where("v.submitted_at", "is not", null)
        .as("reviewed"),
    ])
    .where("p.status", "!=", "draft")
    .orderBy(({ eb }) => eb.case().when("p.status", "=", "submitted").then(0).else(1).end())
    .orderBy("p.submitted_at")
    .limit(200)
    .execute();
}

/** A portfolio as staff see it: everything, with the member, the requirement and every review. */
export async function getPortfolioForStaff({ scope, portfolioId }: { scope: Scope; portfolioId: number }) {
  if (!canManagePortfolios(scope)) return undefined;
  const loaded = await loadPortfolio(db, portfolioId);
  if (!loaded) return undefined;
  const [member, requirement, reviews] = await Promise.all([
    db
      .selectFrom("users")
      .select(["id", "username", "display_name", "time_zone"])
      .where("id", "=", loaded.portfolio.user_id)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("level_requirements")
      .select(["key", "params"])
      .where("id", "=", loaded.portfolio.requirement_id)
      .executeTakeFirstOrThrow(),
    reviewsOf(db, portfolioId),
  ]);
  const params = parseParams("portfolio", requirement.params);
  return {
    ...loaded,
    member,
    requirementKey: requirement.key,
    thresholds: params.success ? params.data : { reviewers: 2, references: 0 },
    reviews,
  };
}

/** Who the reviewer is to the member: themself, their mentor, mentee or tutor (a mentorship not declined). */
async function tiesBetween(conn: Db, reviewerId: number, memberId: number) {
  const { rows } = await sql<{ mentor: boolean; mentee: boolean; tutor: boolean }>`
    select
      exists (select 1 from mentorships where mentor_id = ${reviewerId} and mentee_id = ${memberId}
        and status not in ('declined', 'withdrawn')) as mentor,
      exists (select 1 from mentorships where mentor_id = ${memberId} and mentee_id = ${reviewerId}
        and status not in ('declined', 'withdrawn')) as mentee,
      exists (select 1 from learning_groups g join learning_group_members m on m.group_id = g.id
        where g.tutor_id = ${reviewerId} and m.user_id = ${memberId}) as tutor`.execute(conn);
  return { self: reviewerId === memberId, ...rows[0] };
}

/** The portfolio under review, locked for a staff change, with its requirement's key and thresholds. */
async function lockUnderReview(trx: Db, portfolioId: number) {
  const p = await trx
    .selectFrom("portfolios as p")
    .innerJoin("level_requirements as r", "r.id", "p.requirement_id")
    .select(["p.id", "p.user_id", "p.status", "r.key", "r.params"])
    .where("p.id", "=", portfolioId)
    .forUpdate("p")
    .executeTakeFirst();
  if (!p) return fail(404, "portfolio.errors.notFound");
  if (p.status !== "submitted") return fail(409, "portfolio.errors.notUnderReview");
  return ok({ p });
}

type Locked = Extract<Awaited<ReturnType<typeof lockUnderReview>>, { ok: true }>["p"];

/** A staff change to a portfolio under review: staff only, one transaction, the portfolio locked. */
export async function staffChange<T extends object>(
  scope: Scope,
  portfolioId: number,
  change: (trx: Db, p: Locked, adminId: number) => Promise<Result<T>>,
): Promise<Result<T>> {
  if (!canManagePortfolios(scope) || !scope.userId) return fail(403, "portfolio.errors.forbidden");
  const adminId = scope.userId;
  return db.transaction().execute(async (trx) => {
    const locked = await lockUnderReview(trx, portfolioId);
    return locked.ok ? change(trx, locked.p, adminId) : locked;
  });
}

/** Staff assign a reviewer by username; the member's mentor, tutor or mentee is refused with the reason. */
export async function assignReviewer({
  scope,
  portfolioId,
  username,
}: {
  scope: Scope;
  portfolioId: number;
  username: string;
}): Promise<Result<{ reviewId: number }>> {
  return staffChange(scope, portfolioId, async (trx, p, adminId) => {
    const reviewer = await trx
      .selectFrom("users")
      .select(["id", "display_name"])
      .where(sql`lower(username)`, "=", username.trim().replace(/^@/, "").toLowerCase())
      .where("deleted_at", "is", null)
      .executeTakeFirst();
    if (!reviewer)
      return fail(404, "portfolio.errors.reviewerUnknown", { username: "portfolio.errors.reviewerUnknown" });
    const conflict = reviewerConflict(await tiesBetween(trx, reviewer.id, p.user_id));
    if (conflict)
      return fail(
        409,
        `portfolio.errors.conflict.${conflict}`,
        { username: `portfolio.errors.conflict.${conflict}` },
        { name: reviewer.display_name },
      );
    const row = await trx
      .insertInto("portfolio_reviews")
      .values({ portfolio_id: p.id, reviewer_id: reviewer.id, assigned_by: adminId })
      .onConflict((oc) => oc.columns(["portfolio_id", "reviewer_id"]).doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!row)
      return fail(
        409,
        "portfolio.errors.alreadyAssigned",
        { username: "portfolio.errors.alreadyAssigned" },
        {
          name: reviewer.display_name,
        },
      );
    await recordAudit(trx, {
      actorId: adminId,
      action: "portfolio.assign",
      targetType: "portfolio",
      targetId: p.id,
      after: { reviewerId: reviewer.id },
    });
    await notify(trx, {
      userId: reviewer.id,
      kind: "application",
      actorId: adminId,
      data: { text: message("portfolio.notify.assigned"), href: `/portfolio-reviews/${p.id}` },
      sourceKey: `portfolio-assigned:${row.id}`,
    });
    return ok({ reviewId: row.id });
  });
}

/** Staff withdraw a reviewer who has not submitted yet. */
export async function unassignReviewer({
  scope,
  reviewId,
}: {
  scope: Scope;
  reviewId: number;
}): Promise<Result<object>> {
  if (!canManagePortfolios(scope) || !scope.userId) return fail(403, "portfolio.errors.forbidden");
  const adminId = scope.userId;
  return db.transaction().execute(async (trx) => {
    const v = await trx
      .deleteFrom("portfolio_reviews")
      .where("id", "=", reviewId)
      .where("submitted_at", "is", null)
      .returning(["portfolio_id", "reviewer_id"])
      .executeTakeFirst();
    if (!v) return fail(409, "portfolio.errors.reviewSubmitted");
    await recordAudit(trx, {
      actorId: adminId,
      action: "portfolio.unassign",
      targetType: "portfolio",
      targetId: v.portfolio_id,
      before: { reviewerId: v.reviewer_id },
    });
    return ok({});
  });
}

/**
 * Staff decide with written reasons the member reads. Approval needs the requirement's number of
 * submitted reviews and of confirmed references; both decisions need the portfolio under review.
 */
export async function decidePortfolio({
  scope,
  portfolioId,
  decision,
  reasons,
}: {
  scope: Scope;
  portfolioId: number;
  decision: "approved" | "declined";
  reasons: string;
}): Promise<Result<object>> {
  return staffChange(scope, portfolioId, async (trx, p, adminId) => {
    const params = parseParams("portfolio", p.params);
    const need = params.success ? params.data : { reviewers: 2, references: 0 };
    if (decision === "approved") {
      const { rows } = await sql<{ reviews: number; confirmed: number }>`
        select
          (select count(*)::int from portfolio_reviews where portfolio_id = ${p.id} and submitted_at is not null)
            as reviews,
          (select count(*)::int from portfolio_references where portfolio_id = ${p.id} and confirmed) as confirmed
      `.execute(trx);
      // each count an approval needs, in order: the first one short refuses it, saying how far it got
      const short = (
        [
          ["portfolio.errors.needReviews", rows[0].reviews, need.reviewers],
          ["portfolio.errors.needConfirmed", rows[0].confirmed, need.references],
        ] as const
      ).find(([, done, count]) => done < count);
      if (short) {
        const [message, done, count] = short;
        return fail(409, message, { decision: message }, { count, done });
      }
    }
    const now = new Date();
    await trx
      .updateTable("portfolios")
      .set({ status: decision, decision_reasons: reasons, decided_by: adminId, decided_at: now, updated_at: now })
      .where("id", "=", p.id)
      .execute();
    await recordAudit(trx, {
      actorId: adminId,
      action: `portfolio.${decision}`,
      targetType: "portfolio",
      targetId: p.id,
      before: { status: "submitted" },
      after: { status: decision, reasons },
    });
    await notify(trx, {
      userId: p.user_id,
      kind: "progress",
      actorId: adminId,
      data: { text: message(`portfolio.notify.${decision}`, { reasons }), href: `/portfolio/${p.key}` },
      sourceKey: `portfolio-decided:${p.id}:${now.getTime()}`,
    });
    return ok({});
  });
}

/** Appeals (appeal.server.ts): the member's declined portfolios, newest first. */
const appealQuery = (conn: Db, userId: number) =>
  conn
    .selectFrom("portfolios as p")
    .innerJoin("level_requirements as r", "r.id", "p.requirement_id")
    .select(["p.id", "p.decided_at", "p.decision_reasons", "r.label"])
    .where("p.user_id", "=", userId)
    .where("p.status", "=", "declined");

type AppealRow = { id: number; decided_at: Date | null; decision_reasons: string | null; label: string };
const appealSubject = (r: AppealRow) => ({
  type: "portfolio",
  id: r.id,
  title: r.label,
  detail: r.decision_reasons ?? "",
  on: (r.decided_at ?? new Date()).toISOString().slice(0, 10),
});

export const portfolioAppeals = {
  list: async (userId: number, conn: Db) =>
    (await appealQuery(conn, userId).orderBy("p.decided_at", "desc").limit(100).execute()).map(appealSubject),
  get: async (userId: number, id: number, conn: Db) => {
    const r = await appealQuery(conn, userId).where("p.id", "=", id).executeTakeFirst();
    return r ? appealSubject(r) : undefined;
  },
  /** Upholding reopens the review, whatever remedy staff name: the panel and staff look at it again. */
  remedy: async (trx: Db, r: { adminId: number; userId: number; id: number }): Promise<Result<object>> => {
    const reopened = await trx
      .updateTable("portfolios")
      .set({ status: "submitted", decided_at: null, decided_by: null, updated_at: new Date() })
      .where("id", "=", r.id)
      .where("user_id", "=", r.userId)
      .where("status", "=", "declined")
      .returning("id")
      .executeTakeFirst();
    if (!reopened) return fail(409, "portfolio.errors.notDeclined");
    await recordAudit(trx, {
      actorId: r.adminId,
      action: "portfolio.reopen",
      targetType: "portfolio",
      targetId: r.id,
      before: { status: "declined" },
      after: { status: "submitted" },
    });
    return ok({});
  },
};
