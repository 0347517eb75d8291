// Re-renders stored posts after a markdown pipeline change (RENDER_VERSION bumped), in batches,
// with the same render pool and deadline as posting: a post that exceeds it keeps its stored HTML
// and old render_version, and is reported (the next run tries it again).
import { db } from "../../db.server";
import { RENDER_VERSION } from "../../markdown/index.server";
import { VISITOR, type Scope } from "../permissions.server";
import { renderPostBody } from "./render.server";
import { linkPostUploads } from "./uploads.server";

type Options = {
  all?: boolean;
  batch?: number;
  deadlineMs?: number;
  log?: (m: string) => void;
  /** each post left as it was, with the refusal's message key */
  onRefused?: (postId: number, message: string) => void;
};

/** Posts whose stored HTML came from an older pipeline (or all, with `all`). Returns how many changed. */
export async function rerenderPosts({
  all = false,
  batch = 500,
  deadlineMs,
  log = () => {},
  onRefused = () => {},
}: Options = {}) {
  let lastId = 0;
  let rerendered = 0;
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
    // Render first (nothing locked meanwhile), then write the batch in one transaction.
    const done: { id: number; html: string; uploadIds: number[] }[] = [];
    for (const r of rows) {
      // #category links resolve as the author would see them: staff-only names stay unlinked.
      const author: Scope = r.user_id ? { ...VISITOR, userId: r.user_id, isMember: true } : VISITOR;
      const rendered = await renderPostBody(db, r.body_markdown, author, { deadlineMs });
      if (rendered.ok) done.push({ id: r.id, html: rendered.html, uploadIds: rendered.uploadIds });
      else onRefused(r.id, rendered.message);
    }
    await db.transaction().execute(async (trx) => {
      for (const { id, html, uploadIds } of done) {
        await trx
          .updateTable("posts")
          .set({ body_html: html, render_version: RENDER_VERSION })
          .where("id", "=", id)
          .execute();
        // edits keep the links; a re-render restores any a post should have (one statement per image post)
        if (uploadIds.length) await linkPostUploads(trx, id, uploadIds);
      }
    });
    rerendered += done.length;
    lastId = rows[rows.length - 1].id;
    log(`re-rendered ${rerendered} posts`);
  }
  return rerendered;
}
