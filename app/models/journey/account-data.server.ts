// The journey's part of a member's data: activities, reading, field experiences, applications, level
// history, results, webinars, module tasks, award nominations and CPD in the export; on deletion
// those records go, and their appeals with them.
import { sql } from "kysely";
import {
  deleteOwnRows,
  deleteOwnRowsLeniently,
  json,
  type DeletionArea,
  type ExportArea,
} from "../shared/account-data";

export const journeyExport: ExportArea = {
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

/** The member's own records, deleted whole. */
const OWN_TABLES = [
  ...["activities", "reading_log", "level_history", "assessment_results", "webinar_attendance", "module_tasks"],
  ...["cpd_events", "applications"],
];

export const journeyDeletion: DeletionArea = {
  name: "journey",
  tables: [...OWN_TABLES, "appeals"],
  keeps: {
    cpd_policies: "updated_by is staff",
    portfolio_reviews: "a panel member's review stays with the portfolio it judged; assigned_by is staff",
  },
  notErasedYet: { portfolios: "their portfolios, with projects, files and references (decided_by is staff)" },
  async prepare(trx, userId) {
    const ids = async (table: "appeals" | "applications") =>
      (await trx.selectFrom(table).select("id").where("user_id", "=", userId).execute()).map((r) => r.id);
    return {
      auditTargets: [
        ["appeal", await ids("appeals")],
        ["application", await ids("applications")],
      ],
    };
  },
  async erase({ trx, userId }) {
    await deleteOwnRows(trx, userId, OWN_TABLES);
    await deleteOwnRowsLeniently(trx, userId, ["appeals"]);
  },
};
