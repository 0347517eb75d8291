// What a member's data export contains, one small function per area. Each area reads only rows
// the member owns (or took part in) and returns files for the ZIP; it never includes another
// member's email, nor anything of a topic the member may not see. A feature that stores member
// data adds its own area with `registerExportArea` (or to this list), and names its tables in
// `tables` so the catch-all area at the end does not export them twice.
import { sql } from "kysely";
import type { Db } from "../../db.server";
import { canSeeTopic, type Scope } from "../permissions.server";
import { readUpload } from "../directory/photo.server";

export type ExportContext = { trx: Db; userId: number; scope: Scope; origin: string };
export type ExportFile = { path: string; data: string | Uint8Array };
export type ExportArea = { name: string; tables: string[]; collect: (ctx: ExportContext) => Promise<ExportFile[]> };

export const json = (path: string, value: unknown): ExportFile => ({
  path,
  data: JSON.stringify(value, null, 2) + "\n",
});

// ---- topic visibility, shared by the forum areas ---------------------------------------------------

type TopicRef = {
  topic_id: number;
  topic_user_id: number | null;
  title: string;
  slug: string;
  deleted_at: Date | null;
  see_rule: string;
  post_rule: string;
  reply_rule: string;
  participant: boolean;
};

/** May the member read the topic's title? Their own topics always; others' only while they may see them. */
function titleVisible(
  ctx: ExportContext,
  t: Pick<TopicRef, "topic_user_id" | "deleted_at" | "see_rule" | "post_rule" | "reply_rule" | "participant">,
): boolean {
  if (t.topic_user_id === ctx.userId) return true;
  return canSeeTopic(ctx.scope, {
    category: { see_rule: t.see_rule, post_rule: t.post_rule, reply_rule: t.reply_rule },
    participant: t.participant,
    deleted_at: t.deleted_at,
  });
}

async function topicRefs(
  ctx: ExportContext,
  topicIds: number[],
): Promise<Map<number, { title: string | null; slug: string | null }>> {
  const ids = [...new Set(topicIds)];
  if (!ids.length) return new Map();
  const { rows } = await sql<TopicRef>`
    select t.id as topic_id, t.user_id as topic_user_id, t.title, t.slug, t.deleted_at, c.see_rule, c.post_rule,
      c.reply_rule,
      exists (select 1 from topic_allowed_users a where a.topic_id = t.id and a.user_id = ${ctx.userId}) as participant
    from topics t join categories c on c.id = t.category_id
    where t.id = any(${ids}::int[])`.execute(ctx.trx);
  return new Map(
    rows.map((r) => [
      r.topic_id,
      titleVisible(ctx, r) ? { title: r.title, slug: r.slug } : { title: null, slug: null },
    ]),
  );
}

const postUrl = (ctx: ExportContext, postId: number) => `${ctx.origin}/p/${postId}`;
const safeName = (s: string) =>
  s
    .replace(/[^a-z0-9-]+/gi, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60) || "topic";
const yamlString = (s: string) => JSON.stringify(s);

// ---- the areas ------------------------------------------------------------------------------------

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

const profile: ExportArea = {
  name: "profile",
  tables: ["profiles", "profile_competencies", "endorsements", "designations", "competency_plans"],
  async collect({ trx, userId }) {
    const row = await trx.selectFrom("profiles").selectAll().where("user_id", "=", userId).executeTakeFirst();
    const competencies = await trx
      .selectFrom("profile_competencies")
      .select(["competency", "proficiency", "updated_at"])
      .where("user_id", "=", userId)
      .execute();
    // endorsers are named as on the public profile (username and name), never by email
    const received = await trx
      .selectFrom("endorsements as e")
      .innerJoin("users as u", "u.id", "e.endorser_id")
      .select(["e.competency", "e.created_at", "u.username as endorser_username", "u.display_name as endorser_name"])
      .select(["e.statement", "e.relation", "e.proficiency"])
      .where("e.user_id", "=", userId)
      .execute();
    const given = await trx
      .selectFrom("endorsements as e")
      .innerJoin("users as u", "u.id", "e.user_id")
      .select(["e.competency", "e.created_at", "u.username as member_username", "e.statement"])
      .where("e.endorser_id", "=", userId)
      .execute();
    const plan = await trx
      .selectFrom("competency_plans")
      .select(["competency", "self_assessed", "target", "updated_at"])
      .where("user_id", "=", userId)
      .execute();
    const designations = await trx
      .selectFrom("designations")
      .select(["code", "awarded_on", "created_at"])
      .where("user_id", "=", userId)
      .execute();
    const files = [
      json("profile/profile.json", row ?? null),
      json("profile/competencies.json", { competencies, endorsementsReceived: received, endorsementsGiven: given }),
      json("profile/designations.json", designations),
      json("profile/development-plan.json", plan),
    ];
    if (row?.bio_markdown) files.push({ path: "profile/bio.md", data: row.bio_markdown + "\n" });
    if (row?.photo_key) {
      for (const size of [256, 64] as const) {
        const bytes = await readUpload(`${row.photo_key}-${size}.webp`);
        if (bytes) files.push({ path: `profile/photo-${size}.webp`, data: new Uint8Array(bytes) });
      }
    }
    return files;
  },
};

const posts: ExportArea = {
  name: "posts",
  tables: ["posts", "topics", "post_revisions"],
  async collect(ctx) {
    const rows = await ctx.trx
      .selectFrom("posts as p")
      .select([
        "p.id",
        "p.topic_id",
        "p.post_number",
        "p.reply_to_post_number",
        "p.body_markdown",
        "p.like_count",
        "p.created_at",
        "p.edited_at",
        "p.deleted_at",
        "p.hidden_at",
      ])
      .where("p.user_id", "=", ctx.userId)
      .orderBy("p.id")
      .execute();
    const refs = await topicRefs(
      ctx,
      rows.map((r) => r.topic_id),
    );
    const files: ExportFile[] = rows.map((p) => {
      const ref = refs.get(p.topic_id);
      const folder = ref?.slug ? `${p.topic_id}-${safeName(ref.slug)}` : String(p.topic_id);
      const front = [
        "---",
        `post_id: ${p.id}`,
        `topic_id: ${p.topic_id}`,
        ...(ref?.title ? [`topic_title: ${yamlString(ref.title)}`] : []),
        `post_number: ${p.post_number}`,
        ...(p.reply_to_post_number ? [`reply_to_post_number: ${p.reply_to_post_number}`] : []),
        `created_at: ${p.created_at.toISOString()}`,
        ...(p.edited_at ? [`edited_at: ${p.edited_at.toISOString()}`] : []),
        ...(p.deleted_at ? [`deleted_at: ${p.deleted_at.toISOString()}`] : []),
        ...(p.hidden_at ? [`hidden_at: ${p.hidden_at.toISOString()}`] : []),
        `likes: ${p.like_count}`,
        `url: ${postUrl(ctx, p.id)}`,
        "---",
        "",
      ].join("\n");
      return {
        path: `posts/${folder}/${String(p.post_number).padStart(4, "0")}.md`,
        data: front + p.body_markdown + "\n",
      };
    });
    const topics = await ctx.trx
      .selectFrom("topics as t")
      .innerJoin("categories as c", "c.id", "t.category_id")
      .select([
        "t.id",
        "t.title",
        "t.slug",
        "t.tags",
        "t.created_at",
        "t.deleted_at",
        "t.reply_count",
        "c.slug as category",
        "c.name as category_name",
      ])
      .where("t.user_id", "=", ctx.userId)
      .orderBy("t.id")
      .execute();
    files.push(
      json(
        "forum/topics-started.json",
        topics.map((t) => ({ ...t, url: `${ctx.origin}/t/${t.slug}/${t.id}` })),
      ),
    );
    return files;
  },
};

const reactions: ExportArea = {
  name: "reactions",
  tables: ["post_likes", "bookmarks", "topic_reads", "flags"],
  async collect(ctx) {
    // others' posts are referred to by link only: their text is theirs
    const likes = await ctx.trx
      .selectFrom("post_likes as l")
      .innerJoin("posts as p", "p.id", "l.post_id")
      .select(["l.post_id", "p.topic_id", "l.created_at"])
      .where("l.user_id", "=", ctx.userId)
      .execute();
    const bookmarks = await ctx.trx
      .selectFrom("bookmarks as b")
      .innerJoin("posts as p", "p.id", "b.post_id")
      .select(["b.post_id", "p.topic_id", "b.reminder_at", "b.reminded_at", "b.created_at"])
      .where("b.user_id", "=", ctx.userId)
      .execute();
    const reads = await ctx.trx
      .selectFrom("topic_reads")
      .select(["topic_id", "last_read_post_number", "first_visited_at", "last_visited_at"])
      .where("user_id", "=", ctx.userId)
      .execute();
    const flags = await ctx.trx
      .selectFrom("flags")
      .select(["post_id", "reason", "note", "created_at", "resolved_at", "resolution"])
      .where("user_id", "=", ctx.userId)
      .execute();
    const refs = await topicRefs(
      ctx,
      [...likes, ...bookmarks, ...reads].map((r) => r.topic_id),
    );
    const withRef = <T extends { topic_id: number }>(r: T) => ({
      ...r,
      topic_title: refs.get(r.topic_id)?.title ?? null,
    });
    return [
      json(
        "forum/likes.json",
        likes.map((l) => ({ ...withRef(l), url: postUrl(ctx, l.post_id) })),
      ),
      json(
        "forum/bookmarks.json",
        bookmarks.map((b) => ({ ...withRef(b), url: postUrl(ctx, b.post_id) })),
      ),
      json("forum/read-positions.json", reads.map(withRef)),
      json(
        "forum/flags-raised.json",
        flags.map((f) => ({ ...f, url: postUrl(ctx, f.post_id) })),
      ),
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
    const own = async (table: (typeof progression.tables)[number]) =>
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

const badges: ExportArea = {
  name: "badges",
  tables: ["badge_awards"],
  async collect({ trx, userId, origin }) {
    const rows = await trx
      .selectFrom("badge_awards")
      .select(["public_id", "kind", "level", "awarded_at", "revoked_at", "revoke_reason"])
      .where("user_id", "=", userId)
      .orderBy("id")
      .execute();
    return [
      json(
        "badges.json",
        rows.map((b) => ({ ...b, verify_url: `${origin}/badges/${b.public_id}` })),
      ),
    ];
  },
};

const recruiters: ExportArea = {
  name: "recruiters",
  tables: [
    "contact_requests",
    "contact_messages",
    "shortlists",
    "saved_searches",
    "recruiter_blocks",
    "recruiter_organisations",
  ],
  async collect({ trx, userId }) {
    // requests the member received: the organisation and its message, never the recruiter's email
    const received = await trx
      .selectFrom("contact_requests as c")
      .leftJoin("recruiter_organisations as o", "o.user_id", "c.recruiter_id")
      .select(["c.id", "o.name as organisation", "c.message", "c.status", "c.created_at", "c.decided_at"])
      .where("c.member_id", "=", userId)
      .execute();
    const sent = await trx
      .selectFrom("contact_requests as c")
      .innerJoin("users as m", "m.id", "c.member_id")
      .select(["c.id", "m.username as member_username", "c.message", "c.status", "c.created_at", "c.decided_at"])
      .where("c.recruiter_id", "=", userId)
      .execute();
    const blocked = await trx
      .selectFrom("recruiter_blocks as b")
      .leftJoin("recruiter_organisations as o", "o.user_id", "b.recruiter_id")
      .select(["o.name as organisation", "b.created_at"])
      .where("b.member_id", "=", userId)
      .execute();
    const shortlist = await trx
      .selectFrom("shortlists as s")
      .innerJoin("users as m", "m.id", "s.member_id")
      .select(["m.username as member_username", "s.stage", "s.note", "s.created_at"])
      .where("s.recruiter_id", "=", userId)
      .execute();
    const searches = await trx
      .selectFrom("saved_searches")
      .select(["name", "query", "created_at"])
      .where("user_id", "=", userId)
      .execute();
    const organisation = await trx
      .selectFrom("recruiter_organisations")
      .selectAll()
      .where("user_id", "=", userId)
      .execute();
    // the threads' later messages, both ways, in the member's threads (never a recruiter's email)
    const messages = await trx
      .selectFrom("contact_messages as m")
      .innerJoin("contact_requests as c", "c.id", "m.request_id")
      .select(["m.request_id", "m.body", "m.created_at"])
      .select((eb) => eb.case().when("m.sender_id", "=", userId).then("you").else("recruiter").end().as("from"))
      .where("c.member_id", "=", userId)
      .orderBy("m.id")
      .execute();
    const files = [
      json("contacts/requests-received.json", received),
      json("contacts/messages.json", messages),
      json("contacts/recruiters-blocked.json", blocked),
    ];
    if (sent.length || shortlist.length || searches.length || organisation.length) {
      files.push(
        json("recruiter/organisation.json", organisation),
        json("recruiter/requests-sent.json", sent),
        json("recruiter/shortlist.json", shortlist),
        json("recruiter/saved-searches.json", searches),
      );
    }
    return files;
  },
};

const mentorships: ExportArea = {
  name: "mentorships",
  // goals and session logs are shared with the other participant: not exported (posts/ has the member's own words)
  tables: [
    "mentorships",
    "mentorship_cycles",
    "mentorship_goals",
    "mentorship_sessions",
    "mentorship_requests",
    "mentor_registrations",
    "mentorship_feedback",
  ],
  async collect({ trx, userId }) {
    // the fact of each mentorship and who with
    const { rows } = await sql<Record<string, unknown>>`
      select m.id, case when m.mentor_id = ${userId} then 'mentor' else 'mentee' end as role,
        o.username as other_username, o.display_name as other_name, m.status, m.started_at, m.ended_at, m.end_reason,
          m.topic_id,
        c.id as cycle_id, c.ends_on as cycle_ends_on, c.status as cycle_status
      from mentorships m
      join users o on o.id = case when m.mentor_id = ${userId} then m.mentee_id else m.mentor_id end
      left join mentorship_cycles c on c.id = m.cycle_id
      where m.mentor_id = ${userId} or m.mentee_id = ${userId}
      order by m.id`.execute(trx);
    const requests = await trx
      .selectFrom("mentorship_requests")
      .select([
        "id",
        "goals",
        "competencies",
        "language",
        "availability",
        "time_zone",
        "status",
        "created_at",
        "closed_at",
      ])
      .where("mentee_id", "=", userId)
      .execute();
    const registration = await trx
      .selectFrom("mentor_registrations")
      .select(["capacity", "competencies", "languages", "time_zone", "pitch", "status", "created_at", "updated_at"])
      .where("user_id", "=", userId)
      .executeTakeFirst();
    const feedback = await trx
      .selectFrom("mentorship_feedback")
      .select(["cycle_id", "role", "rating", "comment", "created_at"])
      .where("user_id", "=", userId)
      .execute();
    return [
      json("mentorships.json", {
        mentorships: rows,
        requests,
        mentorRegistration: registration ?? null,
        feedbackGiven: feedback,
      }),
    ];
  },
};

/**
 * Personal messages: every conversation the member takes part in, with the posts they can read there
 * (others' withdrawn, deleted or hidden posts without their words), and the members they ignore.
 */
const messages: ExportArea = {
  name: "messages",
  tables: ["topic_allowed_users", "user_ignores"],
  async collect({ trx, userId, origin }) {
    const { rows } = await sql<{
      id: number;
      slug: string;
      title: string;
      created_at: Date;
      participants: string[];
      posts: {
        post_number: number;
        author: string | null;
        created_at: string;
        body_markdown: string | null;
        state: string;
      }[];
    }>`
      select t.id, t.slug, t.title, t.created_at,
        (select coalesce(array_agg(u.username order by u.username), '{}') from topic_allowed_users o
          join users u on u.id = o.user_id where o.topic_id = t.id) as participants,
        (select coalesce(json_agg(json_build_object('post_number', p.post_number, 'author', u.username,
            'created_at', p.created_at,
            'body_markdown', case when p.user_id = ${userId} or (p.deleted_at is null and p.hidden_at is null)
              then p.body_markdown end,
            'state', case when p.deleted_at is not null then 'deleted' when p.hidden_at is not null then 'hidden'
              else 'visible' end) order by p.post_number), '[]'::json)
          from posts p left join users u on u.id = p.user_id where p.topic_id = t.id) as posts
      from topic_allowed_users a join topics t on t.id = a.topic_id
      where a.user_id = ${userId} and t.archetype = 'private_message'
      order by t.id`.execute(trx);
    const ignored = await trx
      .selectFrom("user_ignores as i")
      .innerJoin("users as u", "u.id", "i.ignored_user_id")
      .select(["u.username", "i.created_at"])
      .where("i.user_id", "=", userId)
      .orderBy("u.username")
      .execute();
    return [
      json(
        "messages/conversations.json",
        rows.map((r) => ({ ...r, url: `${origin}/t/${r.slug}/${r.id}` })),
      ),
      json("messages/ignored.json", ignored),
    ];
  },
};

export const exportAreas: ExportArea[] = [
  account,
  profile,
  posts,
  reactions,
  notifications,
  progression,
  badges,
  recruiters,
  mentorships,
  messages,
];

/** Another feature's area (learning groups, events, awards...) joins the export. */
export function registerExportArea(area: ExportArea) {
  if (!exportAreas.some((a) => a.name === area.name)) exportAreas.splice(exportAreas.length, 0, area);
}

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
