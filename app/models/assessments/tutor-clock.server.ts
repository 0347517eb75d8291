// The tutor response clock, stored: a learner's new topic in their group space, or a reply there
// that mentions the tutor, is a question (written in the post's transaction); the first reply in
// that topic by the tutor or staff answers it. Statuses are derived at read time (tutor-clock.ts);
// reminders (tutor at 20 h, staff at 48 h) come from a recurring job that never notifies twice.
import { sql } from "kysely";
import { db, type Db } from "../../db.server";
import { enqueue } from "../../jobs.server";
import type { Scope } from "../permissions.server";
import { recordAudit } from "../moderation/audit.server";
import { listStaffRecipients } from "../groups/learning-group.server";
import { notify } from "../account/notification.server";
import {
  BREACH_MS,
  clockElapsed,
  clockFigures,
  clockOf,
  DEFAULT_CLOCK_SETTINGS,
  TUTOR_ALERT_MS,
  type ClockSettings,
} from "./tutor-clock";
import { message, type NotificationMessage } from "../account/notification-text";

type ForumPost = {
  scope: Scope;
  seeRule: string;
  topicId: number;
  postId: number;
  postNumber: number;
  at: Date;
  mentionedUserIds: number[];
};

/** Called by post creation inside its transaction; does nothing outside group spaces. */
export async function recordTutorClock(trx: Db, p: ForumPost) {
  if (!p.seeRule.startsWith("group:") || !p.scope.userId) return;
  const groupId = Number(p.seeRule.slice("group:".length));
  const group = await trx
    .selectFrom("learning_groups")
    .select(["id", "tutor_id"])
    .where("id", "=", groupId)
    .executeTakeFirst();
  if (!group) return;
  const userId = p.scope.userId;
  if (userId === group.tutor_id || p.scope.isStaff) {
    await trx
      .updateTable("tutor_questions")
      .set({ answered_at: p.at, answered_by: userId, answer_post_id: p.postId })
      .where("topic_id", "=", p.topicId)
      .where("answered_at", "is", null)
      .where("asked_at", "<=", p.at)
      .execute();
    return;
  }
  if (!p.scope.groupIds.includes(groupId)) return;
  const mentioned = p.mentionedUserIds.includes(group.tutor_id);
  if (p.postNumber !== 1 && !mentioned) return;
  const question = await trx
    .insertInto("tutor_questions")
    .values({ group_id: groupId, topic_id: p.topicId, post_id: p.postId, asked_by: userId, asked_at: p.at })
    .returning("id")
    .executeTakeFirstOrThrow();
  // a mention already tells the tutor (post.created); otherwise the tutor hears of it now, not at 20 h
  if (!mentioned) await enqueue(trx, "tutor.question", { questionId: question.id });
}

/** The tutor is told of a new question (in-app, and mail per their settings), once, while it waits. */
export async function notifyTutorOfQuestion(trx: Db, questionId: number) {
  const q = await questionsQuery(trx)
    .select(["q.post_id", "q.asked_by", "g.tutor_id"])
    .where("q.id", "=", questionId)
    .where("q.answered_at", "is", null)
    .executeTakeFirst();
  if (!q) return undefined;
  const tutor = await trx
    .selectFrom("users")
    .select("id")
    .where("id", "=", q.tutor_id)
    .where("deleted_at", "is", null)
    .executeTakeFirst();
  if (!tutor) return undefined;
  const text = message("clock.alerts.asked", { name: q.display_name ?? "", group: q.group_name, title: q.title });
  const data = { title: q.title, slug: q.slug, postNumber: q.post_number, text };
  const base = {
    userId: q.tutor_id,
    kind: "mentorship",
    topicId: q.topic_id,
    postId: q.post_id,
    actorId: q.asked_by,
  } as const;
  return notify(trx, { ...base, data, sourceKey: `tutor-clock:asked:${q.id}` });
}

// ---- settings -------------------------------------------------------------------------------

const SETTINGS_KEY = "tutor.clock";

export async function getClockSettings(conn: Db): Promise<ClockSettings> {
  const row = await conn.selectFrom("settings").select("value").where("key", "=", SETTINGS_KEY).executeTakeFirst();
  const v = (row?.value ?? {}) as Partial<ClockSettings>;
  return {
    excludeWeekends: v.excludeWeekends === true,
    timeZone: typeof v.timeZone === "string" ? v.timeZone : DEFAULT_CLOCK_SETTINGS.timeZone,
  };
}

export async function updateClockSettings({ actorId, settings }: { actorId: number; settings: ClockSettings }) {
  await db.transaction().execute(async (trx) => {
    const before = await getClockSettings(trx);
    const value = JSON.stringify(settings);
    await trx
      .insertInto("settings")
      .values({ key: SETTINGS_KEY, value })
      .onConflict((oc) => oc.column("key").doUpdateSet({ value, updated_at: new Date() }))
      .execute();
    await recordAudit(trx, {
      actorId,
      action: "settings.tutorClock",
      targetType: "settings",
      targetId: SETTINGS_KEY,
      before,
      after: settings,
    });
  });
}

// ---- reading --------------------------------------------------------------------------------

function questionsQuery(conn: Db) {
  return conn
    .selectFrom("tutor_questions as q")
    .innerJoin("topics as t", "t.id", "q.topic_id")
    .innerJoin("posts as p", "p.id", "q.post_id")
    .innerJoin("learning_groups as g", "g.id", "q.group_id")
    .leftJoin("users as u", "u.id", "q.asked_by")
    .select([
      "q.id",
      "q.group_id",
      "q.topic_id",
      "q.asked_at",
      "q.answered_at",
      "t.title",
      "t.slug",
      "p.post_number",
      "g.name as group_name",
      "u.username",
      "u.display_name",
    ])
    .where("t.deleted_at", "is", null)
    .where("p.deleted_at", "is", null);
}

/** Waiting questions, oldest first, with their clock at `now`: the tutor's groups (staff: all). */
export async function listWaitingQuestions({ scope, now = new Date() }: { scope: Scope; now?: Date }) {
  if (!scope.userId || (!scope.isStaff && !scope.tutorGroupIds.length)) return [];
  let q = questionsQuery(db).where("q.answered_at", "is", null).orderBy("q.asked_at").orderBy("q.id").limit(200);
  if (!scope.isStaff) q = q.where("q.group_id", "in", scope.tutorGroupIds);
  const [rows, settings] = await Promise.all([q.execute(), getClockSettings(db)]);
  return rows.map((r) => ({ ...r, clock: clockOf({ askedAt: r.asked_at, answeredAt: null }, now, settings) }));
}

/** The clock of one topic's open questions (shown on the group's pages). */
export async function getQuestionClock({ questionId, now = new Date() }: { questionId: number; now?: Date }) {
  const row = await db
    .selectFrom("tutor_questions")
    .select(["asked_at", "answered_at"])
    .where("id", "=", questionId)
    .executeTakeFirst();
  if (!row) return undefined;
  return clockOf({ askedAt: row.asked_at, answeredAt: row.answered_at }, now, await getClockSettings(db));
}

/** Staff figures for questions asked from `from` to `to` (whole UTC days), per group and overall. */
export async function getClockFigures({ from, to, now = new Date() }: { from: string; to: string; now?: Date }) {
  const start = new Date(`${from}T00:00:00Z`);
  const end = new Date(`${to}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() + 1);
  const [rows, groups, settings] = await Promise.all([
    db
      .selectFrom("tutor_questions as q")
      .innerJoin("topics as t", "t.id", "q.topic_id")
      .select(["q.group_id", "q.asked_at", "q.answered_at"])
      .where("q.asked_at", ">=", start)
      .where("q.asked_at", "<", end)
      .where("t.deleted_at", "is", null)
      .execute(),
    db
      .selectFrom("learning_groups as g")
      .innerJoin("users as u", "u.id", "g.tutor_id")
      .select(["g.id", "g.name", "u.display_name as tutor"])
      .orderBy("g.name")
      .execute(),
    getClockSettings(db),
  ]);
  const toInput = (r: (typeof rows)[number]) => ({ askedAt: r.asked_at, answeredAt: r.answered_at });
  return {
    settings,
    overall: clockFigures(rows.map(toInput), now, settings),
    groups: groups.map((g) => ({
      ...g,
      figures: clockFigures(rows.filter((r) => r.group_id === g.id).map(toInput), now, settings),
    })),
  };
}

// ---- reminders (recurring job) --------------------------------------------------------------

async function openQuestionsOlderThan(
  trx: Db,
  column: "tutor_notified_at" | "staff_notified_at",
  wallMs: number,
  now: Date,
) {
  return questionsQuery(trx)
    .select(["q.post_id", "g.tutor_id"])
    .where("q.answered_at", "is", null)
    .where(`q.${column}`, "is", null)
    .where("q.asked_at", "<=", new Date(now.getTime() - wallMs)) // wall time >= clock time, so this is a superset
    .orderBy("q.asked_at")
    .limit(500)
    .forUpdate("q")
    .skipLocked()
    .execute();
}

type OpenQuestion = Awaited<ReturnType<typeof openQuestionsOlderThan>>[number];

/** One alert about an unanswered question (a notification with its link); true when it is new. */
function alertAbout(trx: Db, q: OpenQuestion, userId: number, stage: "20h" | "48h", text: NotificationMessage) {
  return notify(trx, {
    userId,
    kind: "mentorship",
    topicId: q.topic_id,
    postId: q.post_id,
    data: { title: q.title, slug: q.slug, postNumber: q.post_number, text },
    sourceKey: `tutor-clock:${stage}:${q.id}`,
  });
}

/** Tells tutors at 20 h and staff at 48 h; a question is marked when told, and notifications carry a source key. */
export async function sendClockAlerts(trx: Db, now = new Date()) {
  const settings = await getClockSettings(trx);
  let sent = 0;
  for (const q of await openQuestionsOlderThan(trx, "tutor_notified_at", TUTOR_ALERT_MS, now)) {
    if (clockElapsed(q.asked_at, now, settings) < TUTOR_ALERT_MS) continue;
    const text = message("clock.alerts.tutor", { title: q.title, name: q.display_name ?? "" });
    if (await alertAbout(trx, q, q.tutor_id, "20h", text)) sent++;
    await trx.updateTable("tutor_questions").set({ tutor_notified_at: now }).where("id", "=", q.id).execute();
  }
  const breached = await openQuestionsOlderThan(trx, "staff_notified_at", BREACH_MS, now);
  if (breached.length) {
    const staff = await listStaffRecipients(trx);
    for (const q of breached) {
      if (clockElapsed(q.asked_at, now, settings) < BREACH_MS) continue;
      for (const s of staff) {
        const text = message("clock.alerts.staff", { title: q.title, group: q.group_name });
        if (await alertAbout(trx, q, s.id, "48h", text)) sent++;
      }
      await trx.updateTable("tutor_questions").set({ staff_notified_at: now }).where("id", "=", q.id).execute();
    }
  }
  return sent;
}

/**
 * Reminders are checked every 10 minutes (the recurring "tutor.clock" job): a 20 h reminder is at most 10 minutes
 * late.
 */
export const CLOCK_INTERVAL_MS = 10 * 60_000;

export const countOpenQuestions = async (groupId: number) =>
  (
    await db
      .selectFrom("tutor_questions")
      .select(sql<number>`count(*)::int`.as("n"))
      .where("group_id", "=", groupId)
      .where("answered_at", "is", null)
      .executeTakeFirstOrThrow()
  ).n;
