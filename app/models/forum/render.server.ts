// Members' markdown, rendered once per submission through the one pipeline, in the render pool
// (off the request thread, with a deadline): posts resolve which @mentions and #categories exist.
// Callers render before their transaction, so no row lock waits on a render.
import { sql } from "kysely";
import type { Db } from "../../db.server";
import { logger } from "../../logger.server";
import { referenceCandidates, type MarkdownAnalysis, type MarkdownRefs } from "../../markdown/index.server";
import { renderInPool, type Rendered } from "../../markdown/pool.server";
import { canSeeCategory, type Scope } from "../permissions.server";
import { listAllCategories } from "./category.server";
import { uploadsIn } from "./uploads.server";
import { fail, ok, type Fail, type Result } from "../shared/result";

type Options = { deadlineMs?: number };

/** A refusal naming why, on `field` (the form field holding the text); nothing was written. */
function refusal(rendered: Extract<Rendered, { ok: false }>, field: string, length: number): Fail {
  if (rendered.reason === "busy") return fail(503, "markdown.errors.busy", { [field]: "markdown.errors.busy" });
  if (rendered.reason === "deadline") {
    logger.warn({ field, length }, "markdown render exceeded its deadline: refused");
    return fail(422, "markdown.errors.tooSlow", { [field]: "markdown.errors.tooSlow" });
  }
  logger.error({ field, length, reason: rendered.reason, detail: rendered.detail }, "markdown render failed: refused");
  return fail(422, "markdown.errors.failed", { [field]: "markdown.errors.failed" });
}

async function render(
  markdown: string,
  refs: MarkdownRefs,
  field: string,
  options: Options,
): Promise<Result<{ html: string; analysis: MarkdownAnalysis }>> {
  const rendered = await renderInPool(markdown, refs, options);
  return rendered.ok
    ? ok({ html: rendered.html, analysis: rendered.analysis })
    : refusal(rendered, field, markdown.length);
}

/** A post's HTML, what the limits count, and who it mentions; or a refusal for the `body` field. */
export async function renderPostBody(executor: Db, markdown: string, author: Scope, options: Options = {}) {
  // Lookups first, for every name and slug the text could use; the render keeps those it does use.
  const candidates = referenceCandidates(markdown);
  const users = candidates.usernames.length
    ? await executor
        .selectFrom("users")
        .select(["id", "username"])
        .where(sql<string>`lower(username)`, "=", sql<string>`any(${candidates.usernames})`)
        .where("deleted_at", "is", null)
        .execute()
    : [];
  const slugs = new Set(candidates.slugs);
  const categories = new Set(
    slugs.size
      ? (await listAllCategories())
          .filter((c) => slugs.has(c.slug) && canSeeCategory(author, c) && c.see_rule !== "participants")
          .map((c) => c.slug)
      : [],
  );
  const images = await uploadsIn(executor, markdown);
  const rendered = await render(
    markdown,
    { usernames: new Set(users.map((u) => u.username.toLowerCase())), categories, images },
    "body",
    options,
  );
  if (!rendered.ok) return rendered;
  const mentioned = new Set(rendered.analysis.mentions);
  return ok({
    ...rendered,
    mentionedUserIds: users.filter((u) => mentioned.has(u.username.toLowerCase())).map((u) => u.id),
    /** our uploads the text names (kept while a post shows them, see uploads.server.ts) */
    uploadIds: [...images.values()].map((i) => i.id),
  });
}

/** Any other member-written markdown (a bio, an event description): its HTML, or a refusal on `field`. */
export async function renderMarkdownField(
  markdown: string,
  field: string,
  options: Options = {},
): Promise<Result<{ html: string }>> {
  if (!markdown) return ok({ html: "" });
  const rendered = await render(markdown, {}, field, options);
  return rendered.ok ? ok({ html: rendered.html }) : rendered;
}
