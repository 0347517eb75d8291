// Moving around a topic: /t/:slug without an id, and "jump to a date" inside a topic.
import { sql } from "kysely";
import { z } from "zod";
import { db } from "../../db.server";
import type { Scope } from "../permissions.server";
import { getTopic } from "./topic.server";

/** A day typed in the "jump to a date" field (yyyy-mm-dd, a real date). */
export const DaySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s) && d.getUTCFullYear() >= 1970;
  });

// a slug shared by more topics than this is a title so common that the newest ones will do
const SLUG_CANDIDATES = 10;

/**
 * The newest topic with this slug that the viewer may see, or undefined (the route answers 404, the same
 * whether no topic has the slug or only ones the viewer may not see).
 */
export async function findTopicBySlug({ scope, slug }: { scope: Scope; slug: string }) {
  // topics_slug_idx
  const candidates = await db
    .selectFrom("topics")
    .select("id")
    .where("slug", "=", slug)
    .where("deleted_at", "is", null)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(SLUG_CANDIDATES)
    .execute();
  // the permission module decides topic by topic (private topics by their participant list)
  for (const { id } of candidates) {
    const topic = await getTopic({ scope, topicId: id });
    if (topic) return topic;
  }
  return undefined;
}

/** The first post written on or after `day` (a UTC date) in a topic, or its last post when none is. */
export async function postNumberAtDate({ topicId, day }: { topicId: number; day: string }) {
  const { rows } = await sql<{ post_number: number | null }>`
    select coalesce(
      (select post_number from posts where topic_id = ${topicId} and created_at >= ${day}::date
        order by post_number limit 1),
      (select max(post_number) from posts where topic_id = ${topicId})) as post_number`.execute(db);
  return rows[0]?.post_number ?? 1;
}
