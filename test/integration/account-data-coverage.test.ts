// Every table that points at a member is named by a deletion area (app/models/account/
// account-data-registry.server.ts): erased, blanked, or kept on purpose with the reason. A table
// added later with a user column and no area fails here, before a deleted member's rows outlive them.
import { sql } from "kysely";
import { describe, expect, test } from "vitest";
import { db } from "~/db.server";
import { deletionAreas } from "~/models/account/account-data-registry.server";

/** Columns that name a member by the schema's conventions, with or without a foreign key. */
const MEMBER_COLUMN = /^(user_id|[a-z]+_user_id|member_id|author_id|mentee_id|mentor_id|endorser_id|recruiter_id)$/;

const namedTables = () => deletionAreas.flatMap((a) => [...a.tables, ...Object.keys(a.keeps ?? {})]);

/** The columns that point at `users` (by foreign key or by name) in tables no deletion area names. */
async function uncoveredColumns() {
  const { rows } = await sql<{ table_name: string; column_name: string; fk: boolean }>`
    select c.table_name, c.column_name, exists (
        select 1 from information_schema.key_column_usage k
        join information_schema.referential_constraints r
          on r.constraint_name = k.constraint_name and r.constraint_schema = k.constraint_schema
        join information_schema.constraint_column_usage u
          on u.constraint_name = r.unique_constraint_name and u.constraint_schema = r.unique_constraint_schema
        where k.table_schema = c.table_schema and k.table_name = c.table_name and k.column_name = c.column_name
          and u.table_name = 'users' and u.column_name = 'id') as fk
    from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = current_schema() and t.table_type = 'BASE TABLE' and c.table_name <> 'users'
    order by 1, 2`.execute(db);
  const named = new Set(namedTables());
  const columns = rows.filter((r) => r.fk || MEMBER_COLUMN.test(r.column_name));
  expect(columns.length).toBeGreaterThan(50);
  return columns.filter((c) => !named.has(c.table_name)).map((c) => `${c.table_name}.${c.column_name}`);
}

describe("account deletion covers every table", () => {
  test("each table with a column pointing at a member is named by a deletion area", async () => {
    expect(await uncoveredColumns()).toEqual([]);
  });

  test("a table added with a member column and no area is reported, by foreign key or by name", async () => {
    await sql`create table test_member_badges (id serial primary key, holder integer references users(id))`.execute(db);
    await sql`create table test_member_marks (id serial primary key, member_id integer)`.execute(db);
    expect(await uncoveredColumns()).toEqual(["test_member_badges.holder", "test_member_marks.member_id"]);
    await sql`drop table test_member_badges, test_member_marks`.execute(db);
  });

  test("every table an area names exists, and only one area names it", async () => {
    const { rows } = await sql<{ name: string }>`
      select table_name as name from information_schema.tables where table_schema = current_schema()`.execute(db);
    const tables = new Set(rows.map((r) => r.name));
    const named = namedTables();
    expect(named.filter((t) => !tables.has(t))).toEqual([]);
    expect(named.filter((t, i) => named.indexOf(t) !== i)).toEqual([]);
  });
});
