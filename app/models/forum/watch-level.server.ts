// A member's watching level in a topic, as SQL: the topic's own, else its category's (null: normal). Shared by
// the watching module and the topic page's reader state, which reads it in the same round trip.
import { sql } from "kysely";
import type { WatchLevel } from "../../../db/schema";

export const watchLevelSql = (userId: number, topicId: number) => sql<WatchLevel | null>`coalesce(
      (select level from topic_watches where user_id = ${userId} and topic_id = ${topicId}),
      (select w.level from category_watches w join topics t on t.category_id = w.category_id
        where w.user_id = ${userId} and t.id = ${topicId}))`;
