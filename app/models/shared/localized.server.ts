// Seeding the programme's French columns (see localized.ts) on rows that may already exist.
import { sql } from "kysely";

/** In an upsert: the row's French text is filled in once, and only while its English is still the seed's
 * (staff who reworded the English wrote their own French, or will). */
export const fillFrench = (table: string, field: string) =>
  sql<string>`coalesce(${sql.ref(`${table}.${field}_fr`)}, case
      when ${sql.ref(`${table}.${field}`)} = ${sql.ref(`excluded.${field}`)} then
      ${sql.ref(`excluded.${field}_fr`)} end)`;
