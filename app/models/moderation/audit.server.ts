import { sql, type Kysely } from "kysely";
import type { Database } from "../../../db/schema";
import { db } from "../../db.server";

export type AuditEntry = {
  actorId: number | null;
  action: string;
  targetType: string;
  targetId?: string | number | null;
  before?: unknown;
  after?: unknown;
};

/** Written inside the caller's transaction, so the change and its audit row commit together. */
export async function recordAudit(trx: Kysely<Database>, e: AuditEntry): Promise<void> {
  await trx
    .insertInto("audit_log")
    .values({
      actor_id: e.actorId,
      action: e.action,
      target_type: e.targetType,
      target_id: e.targetId == null ? null : String(e.targetId),
      before: e.before === undefined ? null : JSON.stringify(e.before),
      after: e.after === undefined ? null : JSON.stringify(e.after),
    })
    .execute();
}

export type AuditFilter = { staffId?: number; memberId?: number; kind?: string; from?: Date; to?: Date };
export type AuditRow = {
  id: number;
  at: Date;
  action: string;
  target_type: string;
  target_id: string | null;
  actor_username: string | null;
  actor_name: string | null;
  subject_username: string | null;
  subject_name: string | null;
  before: unknown;
  after: unknown;
  /** the words of a private thread were withheld from before/after */
  withheld: boolean;
};

// Values under these keys never leave the server, whoever reads the log.
const SECRET_KEY = /secret|token|hash|password|recovery|public_?key|challenge/i;
// Keys that hold the words of a post or topic: withheld when the thread is private.
const WORDS_KEY = /^(body|raw|title|note|reason|text|message)$/i;

function redact(value: unknown, words: boolean): unknown {
  if (Array.isArray(value)) return value.map((v) => redact(v, words));
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => !(words && WORDS_KEY.test(k)))
        .map(([k, v]) => [k, SECRET_KEY.test(k) ? "•••" : redact(v, words)]),
    );
  }
  return value;
}

/**
 * Private threads (participants-only categories): which of these post or topic ids live in one.
 * Staff may act on them, but the log does not make their words browsable.
 */
async function privateTargets(rows: { target_type: string; target_id: string | null }[]) {
  const ids = (type: string) =>
    rows.filter((r) => r.target_type === type && /^\d{1,9}$/.test(r.target_id ?? "")).map((r) => Number(r.target_id));
  const [posts, topics] = [ids("post"), ids("topic")];
  const { rows: hits } = await sql<{ kind: string; id: number }>`
    select 'post' as kind, p.id from posts p join topics t on t.id = p.topic_id join categories c
      on c.id = t.category_id
    where p.id = any(${posts}::int[]) and c.see_rule = 'participants'
    union all
    select 'topic', t.id from topics t join categories c on c.id = t.category_id
    where t.id = any(${topics}::int[]) and c.see_rule = 'participants'`.execute(db);
  return new Set(hits.map((h) => `${h.kind}:${h.id}`));
}

/** A page of the audit log, newest first; `before` is the previous page's last id (keyset). */
export async function listAuditEntries({
  before,
  limit = 50,
  ...f
}: AuditFilter & { before?: number; limit?: number }) {
  const rows = await db
    .selectFrom("audit_log as a")
    .leftJoin("users as actor", "actor.id", "a.actor_id")
    .leftJoin("users as subject", (j) => j.on(sql<boolean>`a.target_type = 'user' and a.target_id = subject.id::text`))
    .select(["a.id", "a.at", "a.action", "a.target_type", "a.target_id", "a.before", "a.after"])
    .select(["actor.username as actor_username", "actor.display_name as actor_name"])
    .select(["subject.username as subject_username", "subject.display_name as subject_name"])
    .$if(before !== undefined, (q) => q.where("a.id", "<", before!))
    .$if(f.staffId !== undefined, (q) => q.where("a.actor_id", "=", f.staffId!))
    .$if(f.memberId !== undefined, (q) =>
      q.where((eb) =>
        eb.or([
          eb("a.actor_id", "=", f.memberId!),
          eb.and([eb("a.target_type", "=", "user"), eb("a.target_id", "=", String(f.memberId))]),
        ]),
      ),
    )
    .$if(!!f.kind, (q) => q.where(sql`split_part(a.action, '.', 1)`, "=", f.kind!))
    .$if(!!f.from, (q) => q.where("a.at", ">=", f.from!))
    .$if(!!f.to, (q) => q.where("a.at", "<", f.to!))
    .orderBy("a.id", "desc")
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const hidden = await privateTargets(page);
  return {
    rows: page.map((r): AuditRow => {
      const words = hidden.has(`${r.target_type}:${r.target_id}`);
      return {
        ...r,
        id: Number(r.id),
        before: redact(r.before, words),
        after: redact(r.after, words),
        withheld: words,
      };
    }),
    next: rows.length > limit ? Number(page[page.length - 1].id) : null,
  };
}

/** The kinds of entry in the log (the action's first word), by a loose scan of `audit_log_kind_id_idx`. */
export async function listAuditKinds(): Promise<string[]> {
  const { rows } = await sql<{ kind: string | null }>`
    with recursive k as (
      select min(split_part(action, '.', 1)) as kind from audit_log
      union all
      select (select min(split_part(action, '.', 1)) from audit_log where split_part(action, '.', 1) > k.kind) from k
        where k.kind is not null
    )
    select kind from k where kind is not null`.execute(db);
  return rows.map((r) => r.kind!);
}

/** Staff accounts, for the "by staff" filter. */
export async function listStaffAccounts() {
  return db
    .selectFrom("users as u")
    .innerJoin("user_roles as r", "r.user_id", "u.id")
    .select(["u.id", "u.username", "u.display_name"])
    .where("r.role", "=", "admin")
    .orderBy("u.username")
    .execute();
}

/** A member's id by username (any case), for the "member" filter. */
export async function findUserIdByUsername(username: string): Promise<number | undefined> {
  const row = await db
    .selectFrom("users")
    .select("id")
    .where(sql`lower(username)`, "=", username.trim().replace(/^@/, "").toLowerCase())
    .executeTakeFirst();
  return row?.id;
}
