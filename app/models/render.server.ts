// Markdown for posts: resolves which @mentions and #categories exist, then the one pipeline.
import { sql } from "kysely";
import type { Db } from "../db.server";
import { extractCategoryRefs, extractMentions, renderMarkdown } from "../markdown.server";
import { canSeeCategory, type Scope } from "../permissions.server";
import { listAllCategories } from "./category.server";

export async function renderPostBody(trx: Db, markdown: string, author: Scope) {
  const mentioned = extractMentions(markdown);
  const users = mentioned.length
    ? await trx
        .selectFrom("users")
        .select(["id", "username"])
        .where(sql`lower(username)`, "in", mentioned)
        .where("deleted_at", "is", null)
        .execute()
    : [];
  const slugs = extractCategoryRefs(markdown);
  const categories = new Map(
    slugs.length ? (await listAllCategories()).filter((c) => slugs.includes(c.slug) && canSeeCategory(author, c) && c.see_rule !== "participants").map((c) => [c.slug, c.name] as const) : [],
  );
  const html = renderMarkdown(markdown, { usernames: new Set(users.map((u) => u.username.toLowerCase())), categories });
  return { html, mentionedUserIds: users.map((u) => u.id) };
}
