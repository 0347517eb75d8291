// Browser-safe: the admin page lists the kinds and their fields; the model writes them.
/** What staff may reword, per kind of programme row: its table, how a row is named, its fields (longest text last). */
export const PROGRAMME_KINDS = {
  level: {
    table: "levels",
    key: ["number"],
    fields: { name: 120, short_name: 60, badge_inscription: 200, description: 4000, criteria_narrative: 4000 },
  },
  competency: {
    table: "competencies",
    key: ["slug"],
    // the framework's description of each proficiency (profiles show the claimed one)
    fields: { name: 120, description: 1000, emerging: 1000, proficient: 1000, advanced: 1000 },
  },
  webinar: { table: "webinars", key: ["slug"], fields: { title: 200 } },
  assessment: { table: "assessments", key: ["slug"], fields: { title: 200 } },
  module: { table: "training_modules", key: ["programme", "number"], fields: { programme_title: 200, title: 200 } },
} as const;
export type ProgrammeKind = keyof typeof PROGRAMME_KINDS;
