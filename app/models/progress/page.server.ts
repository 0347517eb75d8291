// Everything the progress page shows for one member, loaded in parallel.
import { db } from "../../db.server";
import { listMyApplications } from "../application.server";
import { listResults } from "../results.server";
import { contributionsByMonth, getStanding } from "./index.server";

export async function getProgressPage({ userId, now = new Date(), itemLimit = 20 }: { userId: number; now?: Date; itemLimit?: number }) {
  const [standing, months, applications, results] = await Promise.all([
    getStanding({ userId, now, itemLimit }),
    contributionsByMonth({ userId, now }),
    listMyApplications({ userId }),
    listResults({ userId }),
  ]);
  if (!standing) return undefined;
  return { standing, months, applications, results };
}

export type ProgressPageData = NonNullable<Awaited<ReturnType<typeof getProgressPage>>>;

export async function getUserIdByUsername(username: string) {
  const row = await db.selectFrom("users").select("id").where((eb) => eb(eb.fn("lower", ["username"]), "=", username.toLowerCase())).where("deleted_at", "is", null).executeTakeFirst();
  return row?.id;
}
