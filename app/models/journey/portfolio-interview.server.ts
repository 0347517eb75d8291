// A portfolio's interview: staff set (or move) a time slot and a place, the member is told, and both
// can fetch it as an iCalendar file (the events' renderer).
import { db } from "../../db.server";
import { renderIcs } from "../events/event-calendar.server";
import { message } from "../account/notification-text";
import { notify } from "../account/notification.server";
import { recordAudit } from "../moderation/audit.server";
import { canSeePortfolio, type Scope } from "../permissions.server";
import { ok, type Result } from "../shared/result";
import { getPortfolioRequirement } from "./portfolio.server";
import { staffChange } from "./portfolio-review.server";

/** Staff set (or move) the interview: a time slot and a place; the member is told and gets an .ics. */
export async function scheduleInterview({
  scope,
  portfolioId,
  startsAt,
  minutes,
  place,
}: {
  scope: Scope;
  portfolioId: number;
  startsAt: Date;
  minutes: number;
  place: string;
}): Promise<Result<object>> {
  return staffChange(scope, portfolioId, async (trx, p, adminId) => {
    const endsAt = new Date(startsAt.getTime() + minutes * 60_000);
    await trx
      .updateTable("portfolios")
      .set((eb) => ({
        interview_starts_at: startsAt,
        interview_ends_at: endsAt,
        interview_place: place,
        interview_sequence: eb("interview_sequence", "+", 1),
        updated_at: new Date(),
      }))
      .where("id", "=", p.id)
      .execute();
    await recordAudit(trx, {
      actorId: adminId,
      action: "portfolio.interview",
      targetType: "portfolio",
      targetId: p.id,
      after: { startsAt: startsAt.toISOString(), minutes, place },
    });
    await notify(trx, {
      userId: p.user_id,
      kind: "progress",
      actorId: adminId,
      data: { text: message("portfolio.notify.interview"), href: `/portfolio/${p.key}` },
      sourceKey: `portfolio-interview:${p.id}:${startsAt.getTime()}`,
    });
    return ok({});
  });
}

/** The interview as an iCalendar file (the events' renderer), for the member and staff. */
export async function interviewIcs({
  scope,
  userId,
  requirementKey,
  origin,
  title,
}: {
  scope: Scope;
  userId: number;
  requirementKey: string;
  origin: string;
  title: string;
}) {
  const requirement = await getPortfolioRequirement(db, requirementKey);
  if (!requirement) return undefined;
  const p = await db
    .selectFrom("portfolios")
    .selectAll()
    .where("user_id", "=", userId)
    .where("requirement_id", "=", requirement.id)
    .executeTakeFirst();
  if (!p?.interview_starts_at || !p.interview_ends_at) return undefined;
  if (!canSeePortfolio(scope, { userId: p.user_id, assignedReviewer: false })) return undefined;
  return renderIcs(
    [
      {
        id: p.id,
        uid: `portfolio-interview-${p.id}`,
        url: `${origin}/portfolio/${encodeURIComponent(requirementKey)}`,
        title,
        description_markdown: "",
        starts_at: p.interview_starts_at,
        ends_at: p.interview_ends_at,
        time_zone: "UTC",
        place: p.interview_place,
        status: "published",
        updated_at: p.updated_at,
        sequence: p.interview_sequence,
      },
    ],
    { origin, name: title },
  );
}
