// Every domain's part of a member's data, in one list: what each adds to the data export and what
// each erases when the member deletes their account. A domain that stores member rows adds them to
// its own account-data file; a domain new to member data adds one line here. The deletion runs the
// areas in this order: moderation and account come last, since the others may write audit rows,
// notifications or queued mails as they erase, which those two then clear of the member's name.
import { sql } from "kysely";
import { accountDeletion, accountExport } from "./account-data.server";
import { assessmentsDeletion } from "../assessments/account-data.server";
import { awardsDeletion } from "../awards/account-data.server";
import { badgesDeletion, badgesExport } from "../badges/account-data.server";
import { directoryDeletion, directoryExport } from "../directory/account-data.server";
import { eventsDeletion, eventsExport } from "../events/account-data.server";
import { forumDeletion, forumExport } from "../forum/account-data.server";
import { groupsDeletion } from "../groups/account-data.server";
import { journeyDeletion, journeyExport } from "../journey/account-data.server";
import { mentorshipDeletion, mentorshipExport } from "../mentorship/account-data.server";
import { moderationDeletion } from "../moderation/account-data.server";
import { json, type DeletionArea, type ExportArea, type ExportFile } from "../shared/account-data";

/** A domain without an export area of its own is exported by the catch-all area below. */
export type AccountDataDomain = { name: string; deletion: DeletionArea; export?: ExportArea };

export const accountDataDomains: AccountDataDomain[] = [
  { name: "forum", deletion: forumDeletion, export: forumExport },
  { name: "badges", deletion: badgesDeletion, export: badgesExport },
  { name: "directory", deletion: directoryDeletion, export: directoryExport },
  { name: "mentorship", deletion: mentorshipDeletion, export: mentorshipExport },
  { name: "journey", deletion: journeyDeletion, export: journeyExport },
  { name: "awards", deletion: awardsDeletion },
  { name: "assessments", deletion: assessmentsDeletion },
  { name: "events", deletion: eventsDeletion, export: eventsExport },
  { name: "groups", deletion: groupsDeletion },
  { name: "moderation", deletion: moderationDeletion },
  { name: "account", deletion: accountDeletion, export: accountExport },
];

export const deletionAreas: DeletionArea[] = accountDataDomains.map((d) => d.deletion);
export const exportAreas: ExportArea[] = accountDataDomains.flatMap((d) => (d.export ? [d.export] : []));

// ---- the catch-all: tables added by features with no area of their own ----------------------------

/** Columns that say "this row is the member's" (not decided_by, recorded_by... which point at staff). */
const OWNER_COLUMNS = [
  "user_id",
  "member_id",
  "author_id",
  "asked_by",
  "learner_id",
  "nominee_id",
  "attendee_id",
  "applicant_id",
  "participant_id",
];
/** Never exported whatever the table: secrets and other people's contact details. */
const SECRET_COLUMN = /password|token|secret|private|hash|email|phone/i;
/** Infrastructure tables that hold nothing the member wrote. */
const SYSTEM_TABLES = [
  "audit_log",
  "outbox",
  "login_failures",
  "password_reset_tokens",
  "sessions",
  "signing_keys",
  "settings",
];
const GENERIC_ROW_LIMIT = 10_000;

export const otherTables: ExportArea = {
  name: "other",
  tables: [],
  async collect({ trx, userId }) {
    const covered = new Set([...SYSTEM_TABLES, ...exportAreas.flatMap((a) => a.tables)]);
    const { rows: refs } = await sql<{ table_name: string; column_name: string }>`
      select cl.relname as table_name, a.attname as column_name
      from pg_constraint c
      join pg_class cl on cl.oid = c.conrelid
      join pg_namespace n on n.oid = cl.relnamespace and n.nspname = current_schema()
      join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
      where c.contype = 'f' and c.confrelid = 'users'::regclass and array_length(c.conkey, 1) = 1
      order by cl.relname, a.attname`.execute(trx);
    const files: ExportFile[] = [];
    for (const { table_name, column_name } of refs) {
      if (covered.has(table_name) || !OWNER_COLUMNS.includes(column_name)) continue;
      const { rows } = await sql<
        Record<string, unknown>
      >`select * from ${sql.table(table_name)} where ${sql.ref(column_name)} = ${userId} limit
          ${GENERIC_ROW_LIMIT}`.execute(trx);
      if (!rows.length) continue;
      const clean = rows.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !SECRET_COLUMN.test(k))));
      files.push(json(`other/${table_name}${column_name === "user_id" ? "" : `.${column_name}`}.json`, clean));
    }
    return files;
  },
};
