// Re-renders stored posts after a markdown pipeline change (RENDER_VERSION bumped), in batches.
import { sql } from "kysely";
import { db } from "../db.server";
import { RENDER_VERSION } from "../markdown.server";
import { VISITOR, type Scope } from "../permissions.server";
import { renderPostBody } from "./render.server";

/** Posts whose stored HTML came from an older pipeline (or all, with `all`). Returns how many changed. */
export async function rerenderPosts({ all = false, batch = 500, log = (_: string) => {} }: { all?: boolean; batch?: number; log?: (m: string) => void } = {}) {
  let lastId = 0;
  let done = 0;
  for (;;) {
    const rows = await db
      .selectFrom("posts")
      .select(["id", "body_markdown", "user_id"])
      .where("id", ">", lastId)
      .$if(!all, (q) => q.where("render_version", "<", RENDER_VERSION))
      .orderBy("id")
      .limit(batch)
      .execute();
    if (!rows.length) break;
    await db.transaction().execute(async (trx) => {
      for (const r of rows) {
        // #category links resolve as the author would see them: staff-only names stay unlinked.
        const author: Scope = r.user_id ? { ...VISITOR, userId: r.user_id, isMember: true } : VISITOR;
        const { html } = await renderPostBody(trx, r.body_markdown, author);
        await trx.updateTable("posts").set({ body_html: html, render_version: RENDER_VERSION }).where("id", "=", r.id).execute();
      }
    });
    done += rows.length;
    lastId = rows[rows.length - 1].id;
    log(`re-rendered ${done} posts`);
  }
  await sql`select 1`.execute(db);
  return done;
}
