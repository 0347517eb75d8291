// The app's connections name (prepare) every query that has values, so PostgreSQL plans it once per
// connection (app/db.server.ts, docs/decisions/007-prepared-statements.md). What must hold: the statement
// really is prepared and reused, a query without values is not, and a migration that changes a prepared
// statement's result type costs no request (outside a transaction the query runs again, unnamed).
import { sql } from "kysely";
import { describe, expect, test } from "vitest";
import { compiledOnce, db } from "~/db.server";
import { createUser } from "../factories/users";

/** Runs `fn` on one connection of the app's pool (a transaction keeps it), with its prepared statements. */
const onOneConnection = <T>(fn: (conn: typeof db) => Promise<T>) => db.connection().execute(fn);

const preparedOn = async (conn: typeof db) =>
  (
    await sql<{ statement: string }>`select statement from pg_prepared_statements where not from_sql`.execute(conn)
  ).rows.map((r) => r.statement);

describe("prepared statements", () => {
  test("a query with values is prepared once per connection and reused; one without values is not", async () => {
    const u = await createUser();
    await onOneConnection(async (conn) => {
      const read = () => conn.selectFrom("users").select("username").where("id", "=", u.id).executeTakeFirstOrThrow();
      expect((await read()).username).toBe(u.username);
      expect((await read()).username).toBe(u.username);
      const prepared = await preparedOn(conn);
      const mine = prepared.filter((s) => s.includes(`select "username" from "users" where "id" = $1`));
      expect(mine).toHaveLength(1);
      await sql`select 1 as unprepared_marker`.execute(conn);
      expect((await preparedOn(conn)).some((s) => s.includes("unprepared_marker"))).toBe(false);
    });
  });

  test("a migration that changes a prepared statement's result type costs no request", async () => {
    await sql`create table prepared_probe (id int primary key, a text)`.execute(db);
    await sql`insert into prepared_probe values (1, 'one')`.execute(db);
    await onOneConnection(async (conn) => {
      const read = () => sql<Record<string, unknown>>`select * from prepared_probe where id = ${1}`.execute(conn);
      expect((await read()).rows[0]).toEqual({ id: 1, a: "one" });
      // another session migrates: the prepared `select *` now has another result type
      await sql`alter table prepared_probe add column b text default 'two'`.execute(db);
      expect((await read()).rows[0]).toEqual({ id: 1, a: "one", b: "two" });
      // and the next call prepares it again under a new name
      expect((await read()).rows[0]).toEqual({ id: 1, a: "one", b: "two" });
    });
  });
});

describe("queries compiled once", () => {
  test("built once, each call with its own values, constants kept, the same rows as the built query", async () => {
    const [a, b] = [await createUser(), await createUser()];
    let builds = 0;
    const byId = compiledOnce(2, (id: number, level: number) => {
      builds++;
      return db
        .selectFrom("users")
        .select(["username", sql<number>`${level}::int`.as("asked")])
        .where("id", "=", id)
        .where("username", "<>", "a constant kept as written");
    });
    expect(await byId(db, a.id, 3)).toEqual([{ username: a.username, asked: 3 }]);
    expect(await byId(db, b.id, 4)).toEqual([{ username: b.username, asked: 4 }]);
    expect(await db.transaction().execute((trx) => byId(trx, a.id, 1))).toEqual([{ username: a.username, asked: 1 }]);
    expect(builds).toBe(1);
  });
});
