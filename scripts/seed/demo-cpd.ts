// Demo: CPD to keep a credential. The CCSM designation asks for 12 CPD points a year; Fatou Diop
// holds it since 20 months ago with no CPD since (lapsed, with its history), Thandi Dlamini since 7
// months ago with a conference (3 points), a course (4) and a book (2) logged: 9 of 12, in good
// standing. Through the models only; idempotent (a policy is replaced whole, entries are added
// once, reviews record a change once).
import { db } from "../../app/db.server";
import { createActivity } from "../../app/models/journey/activity.server";
import { reviewCpd, saveCpdPolicy } from "../../app/models/journey/cpd/cpd.server";
import { createReadingEntry } from "../../app/models/journey/reading.server";
import { recordDesignation } from "../../app/models/directory/profile.server";
import { ActivitySchema, ReadingSchema } from "../../app/models/moderation/logs.schema";
import { scopeOfUser } from "../../app/viewer.server";

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

export async function seedDemoCpd(log: (m: string) => void) {
  const people = await db
    .selectFrom("users")
    .select(["id", "username"])
    .where("username", "in", ["amara_admin", "fatou_diop", "thandi_dlamini"])
    .execute();
  const id = (u: string) => people.find((p) => p.username === u)?.id;
  const admin = id("amara_admin");
  const lapsed = id("fatou_diop");
  const current = id("thandi_dlamini");
  if (!admin || !lapsed || !current) return log("demo CPD: skipped (demo accounts missing)");
  const staff = await scopeOfUser(db, admin);
  const policy = await saveCpdPolicy({
    staffId: admin,
    input: {
      ...{ intent: "save", target: "designation:CCSM", pointsPerYear: 12, countsFrom: "2024-01-01" },
      ...{ activityPoints: 3, eventPoints: 3, coursePoints: 4, bookPoints: 2 },
    },
  });
  if (!policy.ok) throw new Error(`demo CPD policy refused: ${policy.message}`);
  const held = await db
    .selectFrom("designations")
    .select("user_id")
    .where("code", "=", "CCSM")
    .where("user_id", "in", [lapsed, current])
    .execute();
  const holds = (userId: number) => held.some((h) => h.user_id === userId);
  if (!holds(lapsed))
    await recordDesignation({ scope: staff, username: "fatou_diop", code: "CCSM", awardedOn: daysAgo(610) });
  if (!holds(current)) {
    await recordDesignation({ scope: staff, username: "thandi_dlamini", code: "CCSM", awardedOn: daysAgo(210) });
    const scope = await scopeOfUser(db, current);
    for (const [kind, title, ago] of [
      ["conference", "Customer Experience Africa Summit, Nairobi", 150],
      ["training", "Complaint handling masterclass", 60],
    ] as const)
      await createActivity({
        userId: current,
        input: ActivitySchema.parse({ kind, title, occurredOn: daysAgo(ago), organiser: "CISCSM" }),
      });
    await createReadingEntry({
      scope,
      input: ReadingSchema.parse({
        title: "The Effortless Experience",
        author: "Matthew Dixon",
        finishedOn: daysAgo(90),
      }),
    });
  }
  let changes = 0;
  for (const userId of [lapsed, current])
    changes += (await db.transaction().execute((trx) => reviewCpd(trx, { userId }))).changes;
  log(`demo CPD: CCSM asks 12 points a year; fatou_diop lapsed, thandi_dlamini current (${changes} changes recorded)`);
}
