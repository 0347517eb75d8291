// Everything the progress page shows for one member, loaded in parallel.
import { db } from "../../../db.server";
import type { Scope } from "../../permissions.server";
import { listMyApplications } from "../application.server";
import { listResults } from "../results.server";
import { contributionsByMonth, getStanding } from "./index.server";
import { withNextSteps } from "./next-step.server";
import { getDesignationStandings } from "./designations.server";
import type { EvaluatedRequirement } from "./types";

/** `nextStepsFor`: the member reading their own page, to whom each open requirement says what to do next. */
type PageQuery = { userId: number; now?: Date; itemLimit?: number; nextStepsFor?: Scope };

export async function getProgressPage({ userId, now = new Date(), itemLimit = 20, nextStepsFor }: PageQuery) {
  const [standing, months, applications, results] = await Promise.all([
    getStanding(db, { userId, now, itemLimit }),
    contributionsByMonth(db, { userId, now }),
    listMyApplications({ userId }),
    listResults({ userId }),
  ]);
  if (!standing) return undefined;
  const { requirements: evaluated, canApplyForNext } = standing;
  const steps = <R extends EvaluatedRequirement>(list: R[], canApply: boolean) =>
    nextStepsFor
      ? withNextSteps({ scope: nextStepsFor, userId, requirements: list, canApplyForNext: canApply, now })
      : list.map((r) => ({ ...r, next: null }));
  const [requirements, designations] = await Promise.all([
    steps(evaluated, canApplyForNext),
    getDesignationStandings(db, { standing, now, itemLimit }).then((list) =>
      // a designation's declared experience is asked on its own form, not /apply's
      Promise.all(list.map(async (d) => ({ ...d, requirements: await steps(d.requirements, false) }))),
    ),
  ]);
  return { standing: { ...standing, requirements }, designations, months, applications, results };
}

export type ProgressPageData = NonNullable<Awaited<ReturnType<typeof getProgressPage>>>;

export async function getUserIdByUsername(username: string) {
  const row = await db
    .selectFrom("users")
    .select("id")
    .where((eb) => eb(eb.fn("lower", ["username"]), "=", username.toLowerCase()))
    .where("deleted_at", "is", null)
    .executeTakeFirst();
  return row?.id;
}
