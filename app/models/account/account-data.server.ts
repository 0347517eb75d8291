// The account's part of a member's data: the account, roles, sessions, settings and notifications in
// the export; on deletion their sign-in records, settings, notifications, second factors and push
// subscriptions go, and so do the copies of their name anywhere in notifications, queued jobs and
// rate limits. Runs last among the areas: the others may queue mails or notify as they erase.
import { sql } from "kysely";
import { topicRefs } from "../forum/account-data.server";
import {
  deleteOwnRows,
  deleteOwnRowsLeniently,
  exportArea,
  json,
  type DeletionArea,
  type ExportArea,
} from "../shared/account-data";

const account: ExportArea = {
  name: "account",
  tables: ["users", "user_roles", "sessions", "notification_settings", "topic_watches", "category_watches"],
  async collect({ trx, userId }) {
    const user = await trx
      .selectFrom("users")
      .select([
        "id",
        "username",
        "email",
        "display_name",
        "time_zone",
        "locale",
        "digest",
        "digest_sent_at",
        "level",
        "created_at",
        "last_seen_at",
        "silenced_until",
        "suspended_until",
        "sanction_reason",
      ])
      .where("id", "=", userId)
      .executeTakeFirstOrThrow();
    const roles = await trx
      .selectFrom("user_roles")
      .select(["role", "granted_at"])
      .where("user_id", "=", userId)
      .execute();
    // never the session ids: when each session started, was last used and ends, and its browser
    const sessions = await trx
      .selectFrom("sessions")
      .select(["created_at", "last_seen_at", "expires_at", "user_agent"])
      .where("user_id", "=", userId)
      .execute();
    const settings = await trx
      .selectFrom("notification_settings")
      .select(["kind", "delivery"])
      .where("user_id", "=", userId)
      .execute();
    const topicWatches = await trx
      .selectFrom("topic_watches")
      .select(["topic_id", "level"])
      .where("user_id", "=", userId)
      .execute();
    const categoryWatches = await trx
      .selectFrom("category_watches")
      .select(["category_id", "level"])
      .where("user_id", "=", userId)
      .execute();
    return [
      json("account.json", { ...user, roles, sessions }),
      json("settings.json", {
        notificationEmails: settings,
        watching: { topics: topicWatches, categories: categoryWatches },
      }),
    ];
  },
};

const notifications: ExportArea = {
  name: "notifications",
  tables: ["notifications"],
  async collect(ctx) {
    const rows = await ctx.trx
      .selectFrom("notifications")
      .select(["kind", "topic_id", "post_id", "data", "read_at", "emailed_at", "created_at"])
      .where("user_id", "=", ctx.userId)
      .orderBy("id")
      .execute();
    const refs = await topicRefs(
      ctx,
      rows.flatMap((r) => (r.topic_id ? [r.topic_id] : [])),
    );
    // others' words (post excerpts, likers' names) stay out; a notification about a topic the
    // member may no longer see keeps its kind and date only
    return [
      json(
        "notifications.json",
        rows.map((r) => {
          if (r.topic_id && !refs.get(r.topic_id)?.title) return { ...r, data: null };
          const { excerpt: _e, names: _n, ...data } = (r.data ?? {}) as Record<string, unknown>;
          return { ...r, data };
        }),
      ),
    ];
  },
};

export const accountExport: ExportArea = exportArea("account", [account, notifications]);

/**
 * Sign-in records, settings and forms held for a sign-in (held_forms), deleted first; second factors and push
 * subscriptions, leniently, last.
 */
const OWN_TABLES = ["notification_settings", "password_reset_tokens", "sessions", "user_roles", "held_forms"];
const FACTOR_TABLES = [
  ...["two_factor_challenges", "two_factor_recovery_codes", "user_two_factor", "passkey_challenges", "passkeys"],
  ...["push_subscriptions", "push_preferences"],
];

export const accountDeletion: DeletionArea = {
  name: "account",
  tables: [...OWN_TABLES, "notifications", "outbox", "rate_events", "login_failures", ...FACTOR_TABLES],
  keeps: { users: "the row stays as a tombstone, so that posts, revoked badges and the audit log point at something" },
  async erase({ trx, userId, identity, names }) {
    await deleteOwnRows(trx, userId, OWN_TABLES);
    // their notifications, and others' notifications that carry their name or words
    await trx
      .deleteFrom("notifications")
      .where((eb) =>
        eb.or([
          eb("user_id", "=", userId),
          eb("actor_id", "=", userId),
          eb.and([
            eb("kind", "=", "like"),
            sql<boolean>`(data -> 'names') @> jsonb_build_array(${identity.display_name}::text)`,
          ]),
          sql<boolean>`data::text ~* ${names}`,
        ]),
      )
      .execute();
    // queued or finished jobs that carry them (mails, digests); their own reindex is queued afterwards
    await trx
      .deleteFrom("outbox")
      .where(sql<boolean>`payload::text ~* ${names}`)
      .execute();
    // limits and sign-in failures keyed by their email, username or id ("resetByEmail:ada@…", "account:ada")
    const suffixes = [identity.email, identity.username].map((k) => `%:${k.toLowerCase().replace(/[\\%_]/g, "\\$&")}`);
    for (const table of ["rate_events", "login_failures"] as const) {
      await trx
        .deleteFrom(table)
        .where((eb) =>
          eb.or([
            eb("key", "in", [`user:${userId}`, `account:${userId}`]),
            ...suffixes.map((s) => eb("key", "like", s)),
          ]),
        )
        .execute();
    }
    await deleteOwnRowsLeniently(trx, userId, FACTOR_TABLES);
  },
};
