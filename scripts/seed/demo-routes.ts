// Demo: a level-3 member on each CCSM route. Chinedu (exam route) has the customer-facing years
// verified, the four courses evaluated and the exam passed: he can apply. Zanele (experience
// route) has submitted her portfolio (two projects, a PDF of evidence, two references), through
// the same model the portfolio page uses; the panel has not scored it yet. Idempotent.
import { sql } from "kysely";
import { PDFDocument } from "pdf-lib";
import { db } from "../../app/db.server";
import { getMyPortfolio, savePortfolio } from "../../app/models/journey/portfolio.server";

export async function seedDemoRoutes(log: (m: string) => void) {
  const members = await db
    .selectFrom("users")
    .select(["id", "username"])
    .where("username", "in", ["chinedu_eze", "zanele_khumalo"])
    .where("level", "=", 3)
    .execute();
  const exam = members.find((m) => m.username === "chinedu_eze");
  const experience = members.find((m) => m.username === "zanele_khumalo");
  await db.transaction().execute(async (trx) => {
    for (const m of members) {
      // the level-3 application that verified the member's years (the demo history has none)
      const verified = await trx
        .selectFrom("applications")
        .select("id")
        .where("user_id", "=", m.id)
        .where("level", "=", 3)
        .executeTakeFirst();
      if (!verified) {
        await trx
          .insertInto("applications")
          .values({
            user_id: m.id,
            level: 3,
            status: "approved",
            customer_facing_years: m === exam ? 3 : 9,
            managing_years: m === exam ? 1 : 6,
            experience_verified: true,
            decided_at: sql<Date>`now() - interval '90 days'`,
          })
          .execute();
      }
    }
    const task = async (userId: number, programme: string, module: number, evaluated: boolean) => {
      const has = await trx
        .selectFrom("module_tasks")
        .select("id")
        .where("user_id", "=", userId)
        .where("programme", "=", programme)
        .where("module", "=", module)
        .executeTakeFirst();
      if (!has)
        await trx
          .insertInto("module_tasks")
          .values({
            user_id: userId,
            programme,
            module,
            evaluated_at: evaluated ? sql<Date>`now() - interval '20 days'` : null,
          })
          .execute();
    };
    if (exam) {
      for (const module of [1, 2, 3, 4]) await task(exam.id, "ccsm-courses", module, true);
      const taken = await trx
        .selectFrom("assessment_results")
        .select("id")
        .where("user_id", "=", exam.id)
        .where("assessment", "=", "ccsm-exam")
        .executeTakeFirst();
      if (!taken)
        await trx
          .insertInto("assessment_results")
          .values({
            user_id: exam.id,
            assessment: "ccsm-exam",
            score: 84,
            taken_on: sql<string>`(now() - interval '10 days')::date`,
            attempt: 1,
          })
          .execute();
    }
  });
  if (experience) await seedDemoPortfolio(experience.id);
  log(`demo routes: ${members.length} members on the CCSM routes`);
}

async function seedDemoPortfolio(userId: number) {
  const mine = await getMyPortfolio({ userId, requirementKey: "ccsm-experience-portfolio" });
  if (!mine || mine.portfolio) return;
  const doc = await PDFDocument.create();
  doc.addPage([420, 200]).drawText("Contact centre CSAT: 71% to 86% in 12 months", { x: 20, y: 100, size: 12 });
  const evidence = new File([new Uint8Array(await doc.save())], "csat-report-2025.pdf", { type: "application/pdf" });
  const saved = await savePortfolio({
    userId,
    requirementKey: "ccsm-experience-portfolio",
    submit: true,
    files: [evidence],
    projects: [
      {
        title: "Rebuilt the contact centre's quality programme",
        description:
          "Led a team of 24 agents through a new quality framework: weekly calibration, a shared scorecard and " +
          "coaching plans. Customer satisfaction rose from 71% to 86% in twelve months.",
      },
      {
        title: "Customer journey mapping for account opening",
        description:
          "Mapped the account-opening journey with branch, digital and back-office teams; removed three hand-offs " +
          "and cut the average time to open an account from nine days to four.",
      },
    ],
    references: [
      {
        name: "Thabo Nkosi",
        email: "thabo.nkosi@example.org",
        phone: "",
        organisation: "Ubuntu Bank",
        relationship: "supervisor",
      },
      {
        name: "Amara Diallo",
        email: "amara.diallo@example.org",
        phone: "",
        organisation: "Sahel Retail",
        relationship: "client",
      },
    ],
  });
  if (!saved.ok) throw new Error(`demo portfolio refused: ${saved.message}`);
}
