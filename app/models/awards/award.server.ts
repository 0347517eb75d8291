// The yearly awards, as staff run them: open a round (categories, criteria, deadline), assign
// judges per category, read the ranked results, publish the winners (who receive an "Award
// winner <year>" badge and a notification). Every staff action is in the audit log.
import { sql } from "kysely";
import { db } from "../../db.server";
import { recordAudit } from "../moderation/audit.server";
import type { RoundInput } from "./award.schema";
import { awardWinnerBadge } from "../badges/badge.server";
import { localInputToDate } from "../shared/local-time";
import { notify } from "../account/notification.server";
import { fail, ok, type Result } from "../shared/result";
import { message } from "../account/notification-text";

export async function createRound({
  staffId,
  input,
  timeZone,
}: {
  staffId: number;
  input: RoundInput;
  timeZone: string;
}): Promise<Result<{ id: number }>> {
  const deadline = localInputToDate(input.deadline, timeZone);
  if (!deadline) return fail(400, "awards.errors.deadline", { deadline: "awards.errors.deadline" });
  return db.transaction().execute(async (trx) => {
    const taken = await trx.selectFrom("award_rounds").select("id").where("year", "=", input.year).executeTakeFirst();
    if (taken) return fail(409, "awards.errors.yearTaken", { year: "awards.errors.yearTaken" }, { year: input.year });
    const { id } = await trx
      .insertInto("award_rounds")
      .values({ year: input.year, title: input.title, intro: input.intro, deadline_at: deadline, created_by: staffId })
      .returning("id")
      .executeTakeFirstOrThrow();
    const categories = input.categories.map((c, position) => ({
      round_id: id,
      name: c.name,
      description: c.description,
      min_level: c.minLevel,
      max_level: c.maxLevel,
      position,
    }));
    await trx.insertInto("award_categories").values(categories).execute();
    await trx
      .insertInto("award_criteria")
      .values(input.criteria.map((name, position) => ({ round_id: id, name, position })))
      .execute();
    await recordAudit(trx, {
      actorId: staffId,
      action: "award.round.create",
      targetType: "award_round",
      targetId: id,
      after: { ...input, deadline },
    });
    return ok({ id });
  });
}

/** Staff move a round's deadline (extend it, or close nominations now). */
export async function updateDeadline({
  staffId,
  roundId,
  deadline,
  timeZone,
}: {
  staffId: number;
  roundId: number;
  deadline: string;
  timeZone: string;
}): Promise<Result<{ id: number }>> {
  const at = localInputToDate(deadline, timeZone);
  if (!at) return fail(400, "awards.errors.deadline", { deadline: "awards.errors.deadline" });
  return db.transaction().execute(async (trx) => {
    const round = await trx
      .selectFrom("award_rounds")
      .select(["id", "deadline_at", "results_published_at"])
      .where("id", "=", roundId)
      .forUpdate()
      .executeTakeFirst();
    if (!round) return fail(404, "awards.errors.roundNotFound");
    if (round.results_published_at) return fail(409, "awards.errors.resultsPublished");
    await trx.updateTable("award_rounds").set({ deadline_at: at }).where("id", "=", roundId).execute();
    await recordAudit(trx, {
      actorId: staffId,
      action: "award.round.deadline",
      targetType: "award_round",
      targetId: roundId,
      before: { deadline: round.deadline_at },
      after: { deadline: at },
    });
    return ok({ id: roundId });
  });
}

/** Staff assign a judge to a category; the account is given the judge role if it lacks it. */
export async function assignJudge({
  staffId,
  categoryId,
  username,
}: {
  staffId: number;
  categoryId: number;
  username: string;
}): Promise<Result<{ userId: number }>> {
  const handle = username.trim().replace(/^@/, "").toLowerCase();
  return db.transaction().execute(async (trx) => {
    const category = await trx
      .selectFrom("award_categories")
      .select(["id", "round_id"])
      .where("id", "=", categoryId)
      .executeTakeFirst();
    if (!category) return fail(404, "awards.errors.category", { categoryId: "awards.errors.category" });
    const user = await trx
      .selectFrom("users")
      .select(["id", "username"])
      .where(sql`lower(username)`, "=", handle)
      .where("deleted_at", "is", null)
      .executeTakeFirst();
    if (!user)
      return fail(404, "awards.errors.noSuchMember", { username: "awards.errors.noSuchMember" }, { username: handle });
    const granted = await trx
      .insertInto("user_roles")
      .values({ user_id: user.id, role: "judge", granted_by: staffId })
      .onConflict((oc) => oc.columns(["user_id", "role"]).doNothing())
      .returning("user_id")
      .executeTakeFirst();
    await trx
      .insertInto("award_judges")
      .values({ category_id: categoryId, user_id: user.id, assigned_by: staffId })
      .onConflict((oc) => oc.columns(["category_id", "user_id"]).doNothing())
      .execute();
    await recordAudit(trx, {
      actorId: staffId,
      action: "award.judge.assign",
      targetType: "award_category",
      targetId: categoryId,
      after: { userId: user.id, roleGranted: !!granted },
    });
    return ok({ userId: user.id });
  });
}

export async function removeJudge({
  staffId,
  categoryId,
  userId,
}: {
  staffId: number;
  categoryId: number;
  userId: number;
}): Promise<Result<{ userId: number }>> {
  return db.transaction().execute(async (trx) => {
    const gone = await trx
      .deleteFrom("award_judges")
      .where("category_id", "=", categoryId)
      .where("user_id", "=", userId)
      .returning("user_id")
      .executeTakeFirst();
    if (!gone) return fail(404, "awards.errors.notJudge");
    await recordAudit(trx, {
      actorId: staffId,
      action: "award.judge.remove",
      targetType: "award_category",
      targetId: categoryId,
      before: { userId },
    });
    return ok({ userId });
  });
}

export const listRounds = () =>
  db
    .selectFrom("award_rounds as r")
    .select(["r.id", "r.year", "r.title", "r.deadline_at", "r.results_published_at"])
    .select((eb) =>
      eb
        .selectFrom("award_nominations as n")
        .whereRef("n.round_id", "=", "r.id")
        .where("n.submitted_at", "is not", null)
        .select((x) => x.fn.countAll<number>().as("n"))
        .as("submitted"),
    )
    .orderBy("r.year", "desc")
    .execute();

/** A round with its categories (and their judges) and criteria, for the staff page. */
export async function getRoundForStaff({ roundId }: { roundId: number }) {
  if (!Number.isSafeInteger(roundId) || roundId < 1) return undefined;
  const round = await db
    .selectFrom("award_rounds")
    .select(["id", "year", "title", "intro", "deadline_at", "results_published_at"])
    .where("id", "=", roundId)
    .executeTakeFirst();
  if (!round) return undefined;
  const [categories, criteria, judges] = await Promise.all([
    db
      .selectFrom("award_categories")
      .select(["id", "name", "description", "min_level", "max_level"])
      .where("round_id", "=", roundId)
      .orderBy("position")
      .orderBy("id")
      .execute(),
    db
      .selectFrom("award_criteria")
      .select(["id", "name"])
      .where("round_id", "=", roundId)
      .orderBy("position")
      .orderBy("id")
      .execute(),
    db
      .selectFrom("award_judges as j")
      .innerJoin("award_categories as c", "c.id", "j.category_id")
      .innerJoin("users as u", "u.id", "j.user_id")
      .select(["j.category_id", "u.id", "u.username", "u.display_name"])
      .where("c.round_id", "=", roundId)
      .orderBy("u.display_name")
      .execute(),
  ]);
  return {
    round,
    criteria,
    categories: categories.map((c) => ({ ...c, judges: judges.filter((j) => j.category_id === c.id) })),
  };
}

export type RankedNomination = {
  nominationId: number;
  userId: number;
  nominee: string;
  username: string;
  reviews: number;
  /** mean over reviews of the sum of criterion scores; null before any review */
  total: number | null;
  /** mean score per criterion id */
  perCriterion: Record<number, number>;
  winner: boolean;
};

/** Per category, the submitted nominations ranked by mean total score (unreviewed last). Staff only. */
export async function getRankedResults({ roundId }: { roundId: number }) {
  const { rows } = await sql<{
    nomination_id: number;
    category_id: number;
    user_id: number;
    display_name: string;
    username: string;
    reviews: number;
    total: string | null;
    winner: boolean;
  }>`
    select n.id as nomination_id, n.category_id, n.user_id, u.display_name, u.username,
      (select count(*)::int from award_reviews v where v.nomination_id = n.id) as reviews,
      (select avg(t.sum)::numeric(6, 2) from (select sum(s.score) as sum from award_reviews v join award_scores s
        on s.review_id = v.id where v.nomination_id = n.id group by v.id) t) as total,
      exists (select 1 from award_winners w where w.nomination_id = n.id) as winner
    from award_nominations n join users u on u.id = n.user_id
    where n.round_id = ${roundId} and n.submitted_at is not null
    order by n.category_id, total desc nulls last, n.submitted_at`.execute(db);
  const per = rows.length
    ? await sql<{ nomination_id: number; criterion_id: number; mean: string }>`
        select v.nomination_id, s.criterion_id, avg(s.score)::numeric(4, 2) as mean
        from award_reviews v join award_scores s on s.review_id = v.id
        join award_nominations n on n.id = v.nomination_id
        where n.round_id = ${roundId}
        group by v.nomination_id, s.criterion_id`.execute(db)
    : { rows: [] };
  const byCategory = new Map<number, RankedNomination[]>();
  for (const r of rows) {
    const list = byCategory.get(r.category_id) ?? [];
    const perCriterion: Record<number, number> = {};
    for (const p of per.rows) if (p.nomination_id === r.nomination_id) perCriterion[p.criterion_id] = Number(p.mean);
    list.push({
      nominationId: r.nomination_id,
      userId: r.user_id,
      nominee: r.display_name,
      username: r.username,
      reviews: r.reviews,
      total: r.total === null ? null : Number(r.total),
      perCriterion,
      winner: r.winner,
    });
    byCategory.set(r.category_id, list);
  }
  return byCategory;
}

/**
 * Staff publish the winners of a round (after its deadline, once): each chosen nomination must be
 * a submitted one of the round. Winners get an "Award winner <year>" badge and a notification.
 */
export async function publishWinners({
  staffId,
  roundId,
  nominationIds,
  now = new Date(),
}: {
  staffId: number;
  roundId: number;
  nominationIds: number[];
  now?: Date;
}): Promise<Result<{ winners: number }>> {
  const ids = [...new Set(nominationIds)].filter((n) => Number.isSafeInteger(n) && n > 0);
  if (!ids.length) return fail(400, "awards.errors.noWinners");
  return db.transaction().execute(async (trx) => {
    const round = await trx
      .selectFrom("award_rounds")
      .select(["id", "year", "deadline_at", "results_published_at"])
      .where("id", "=", roundId)
      .forUpdate()
      .executeTakeFirst();
    if (!round) return fail(404, "awards.errors.roundNotFound");
    if (round.results_published_at) return fail(409, "awards.errors.resultsPublished");
    if (round.deadline_at > now) return fail(409, "awards.errors.beforeDeadline");
    const chosen = await trx
      .selectFrom("award_nominations")
      .select(["id", "user_id", "category_id"])
      .where("id", "in", ids)
      .where("round_id", "=", roundId)
      .where("submitted_at", "is not", null)
      .execute();
    if (chosen.length !== ids.length) return fail(400, "awards.errors.badWinner");
    for (const n of chosen) {
      const badge = await awardWinnerBadge(trx, { userId: n.user_id, year: round.year, awardedBy: staffId, at: now });
      await trx
        .insertInto("award_winners")
        .values({
          category_id: n.category_id!,
          nomination_id: n.id,
          badge_award_id: badge.id,
          published_by: staffId,
          published_at: now,
        })
        .execute();
      await notify(trx, {
        userId: n.user_id,
        kind: "progress",
        actorId: staffId,
        sourceKey: `award:${round.year}:${n.id}:won`,
        data: { text: message("awards.notify.won", { year: round.year }), href: `/badges/${badge.public_id}` },
      });
    }
    await trx.updateTable("award_rounds").set({ results_published_at: now }).where("id", "=", roundId).execute();
    await recordAudit(trx, {
      actorId: staffId,
      action: "award.results.publish",
      targetType: "award_round",
      targetId: roundId,
      after: { winners: chosen.map((n) => ({ nominationId: n.id, userId: n.user_id, categoryId: n.category_id })) },
    });
    return ok({ winners: chosen.length });
  });
}

/** Published winners of every round, newest first (the public awards page). */
export async function listPublishedWinners() {
  const { rows } = await sql<{
    year: number;
    title: string;
    category: string;
    display_name: string;
    username: string;
    badge: string | null;
  }>`
    select r.year, r.title, c.name as category, u.display_name, u.username, b.public_id as badge
    from award_winners w
    join award_categories c on c.id = w.category_id
    join award_rounds r on r.id = c.round_id
    join award_nominations n on n.id = w.nomination_id
    join users u on u.id = n.user_id
    left join badge_awards b on b.id = w.badge_award_id and b.revoked_at is null
    where r.results_published_at is not null and u.deleted_at is null
    order by r.year desc, c.position, u.display_name`.execute(db);
  return rows;
}

/** Years whose winners were published: each is an achievement on /badges (#award-<year>). */
export async function listAwardBadgeYears(): Promise<number[]> {
  const rows = await db
    .selectFrom("award_rounds")
    .select("year")
    .where("results_published_at", "is not", null)
    .orderBy("year", "desc")
    .execute();
  return rows.map((r) => r.year);
}
