// The journey's part of a member's data: activities, reading, field experiences, applications, level
// history, results, webinars, module tasks, award nominations, CPD and portfolios in the export; on
// deletion those records go, and their appeals and portfolios (projects, evidence files, references) with them.
import { sql } from "kysely";
import { jsonArrayFrom } from "kysely/helpers/postgres";
import { deleteEvidence } from "../awards/award-file.server";
import {
  deleteOwnRows,
  deleteOwnRowsLeniently,
  exportArea,
  json,
  type DeletionArea,
  type ExportArea,
} from "../shared/account-data";

const progression: ExportArea = {
  name: "progression",
  tables: [
    "activities",
    "reading_log",
    "applications",
    "level_history",
    "assessment_results",
    "webinar_attendance",
    "module_tasks",
    "award_nominations",
    "cpd_events",
  ],
  async collect({ trx, userId }) {
    const own = async (table: (typeof journeyExport.tables)[number]) =>
      (
        await sql<
          Record<string, unknown>
        >`select * from ${sql.table(table)} where user_id = ${userId} order by id`.execute(trx)
      ).rows;
    const field = await trx
      .selectFrom("topics as t")
      .innerJoin("categories as c", "c.id", "t.category_id")
      .select(["t.id", "t.title", "t.created_at", "t.deleted_at"])
      .where("t.user_id", "=", userId)
      .where("c.slug", "=", "field-experiences")
      .execute();
    return [
      json("progress/activities.json", await own("activities")),
      json("progress/reading-log.json", await own("reading_log")),
      json("progress/field-experiences.json", field),
      json("progress/applications.json", await own("applications")),
      json("progress/level-history.json", await own("level_history")),
      json("progress/assessment-results.json", await own("assessment_results")),
      json("progress/webinar-attendance.json", await own("webinar_attendance")),
      json("progress/module-tasks.json", await own("module_tasks")),
      json("progress/award-nominations.json", await own("award_nominations")),
      json("progress/cpd-history.json", await own("cpd_events")),
    ];
  },
};

/**
 * Portfolios as the member reads them on their page: the decision's reasons, projects, evidence files
 * (with their download link) and references; not the referees' statements (for the panel), the staff
 * member who decided, nor the reviews.
 */
const portfolios: ExportArea = {
  name: "portfolios",
  tables: ["portfolios"],
  async collect({ trx, userId, origin }) {
    const rows = await trx
      .selectFrom("portfolios as p")
      .innerJoin("level_requirements as r", "r.id", "p.requirement_id")
      .select(["p.id", "r.key as requirement", "p.status", "p.submitted_at", "p.interview_starts_at"])
      .select(["p.interview_ends_at", "p.interview_place", "p.decision_reasons", "p.decided_at", "p.created_at"])
      .select((eb) => [
        jsonArrayFrom(
          eb
            .selectFrom("portfolio_projects as x")
            .select(["x.title", "x.description"])
            .whereRef("x.portfolio_id", "=", "p.id")
            .orderBy("x.position")
            .orderBy("x.id"),
        ).as("projects"),
        jsonArrayFrom(
          eb
            .selectFrom("portfolio_files as f")
            .select(["f.id", "f.file_name", "f.content_type", "f.size", "f.created_at"])
            .whereRef("f.portfolio_id", "=", "p.id")
            .orderBy("f.id"),
        ).as("files"),
        jsonArrayFrom(
          eb
            .selectFrom("portfolio_references as f")
            .select(["f.name", "f.email", "f.phone", "f.organisation", "f.relationship"])
            .select(["f.requested_at", "f.answered_at", "f.confirmed"])
            .whereRef("f.portfolio_id", "=", "p.id")
            .orderBy("f.position")
            .orderBy("f.id"),
        ).as("references"),
      ])
      .where("p.user_id", "=", userId)
      .orderBy("p.id")
      .execute();
    const withLinks = rows.map((p) => ({
      ...p,
      files: p.files.map(({ id, ...f }) => ({ ...f, url: `${origin}/portfolio-files/${id}` })),
    }));
    return [json("progress/portfolios.json", withLinks)];
  },
};

export const journeyExport: ExportArea = exportArea("progression", [progression, portfolios]);

/** The member's own records, deleted whole. */
const OWN_TABLES = [
  ...["activities", "reading_log", "level_history", "assessment_results", "webinar_attendance", "module_tasks"],
  ...["cpd_events", "applications"],
];

export const journeyDeletion: DeletionArea = {
  name: "journey",
  // a portfolio's projects, files, references and the panel's reviews of it go with it (foreign keys)
  tables: [...OWN_TABLES, "appeals", "portfolios"],
  keeps: {
    cpd_policies: "updated_by is staff",
    portfolio_reviews: "a panel member's review stays with the portfolio it judged; assigned_by is staff",
  },
  async prepare(trx, userId) {
    const ids = async (table: "appeals" | "applications" | "portfolios") =>
      (await trx.selectFrom(table).select("id").where("user_id", "=", userId).execute()).map((r) => r.id);
    const evidence = await trx
      .selectFrom("portfolio_files as f")
      .innerJoin("portfolios as p", "p.id", "f.portfolio_id")
      .select("f.file_key")
      .where("p.user_id", "=", userId)
      .execute();
    return {
      auditTargets: [
        ["appeal", await ids("appeals")],
        ["application", await ids("applications")],
        ["portfolio", await ids("portfolios")],
      ],
      afterCommit: () => deleteEvidence(evidence.map((f) => f.file_key)),
    };
  },
  async erase({ trx, userId }) {
    await deleteOwnRows(trx, userId, [...OWN_TABLES, "portfolios"]);
    await deleteOwnRowsLeniently(trx, userId, ["appeals"]);
  },
};
