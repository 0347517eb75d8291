import { sql } from "kysely";
import { db, type Db } from "../../db.server";
import { canSeeCategory, canStartTopic, type Scope } from "../permissions.server";
import { fillFrench } from "../shared/localized.server";

export type Category = {
  id: number;
  slug: string;
  name: string;
  description: string;
  name_fr: string | null;
  description_fr: string | null;
  colour: string;
  position: number;
  see_rule: string;
  post_rule: string;
  reply_rule: string;
  archived_at: Date | null;
  topic_count: number;
  post_count: number;
};

export const CATEGORY_COLUMNS = [
  "id",
  "slug",
  "name",
  "description",
  "name_fr",
  "description_fr",
  "colour",
  "position",
  "see_rule",
  "post_rule",
  "reply_rule",
  "archived_at",
  "topic_count",
  "post_count",
] as const;

// Categories are few (hundreds at most) and read on every forum page: keep them in memory for a
// moment. Writes through this module clear the cache; other processes see changes within 5 s.
let cache: { at: number; rows: Category[] } | undefined;
const TTL_MS = 5000;

export async function listAllCategories(): Promise<Category[]> {
  if (cache && Date.now() - cache.at < TTL_MS) return cache.rows;
  const rows = await db.selectFrom("categories").select(CATEGORY_COLUMNS).orderBy("position").orderBy("id").execute();
  cache = { at: Date.now(), rows };
  return rows;
}

export function clearCategoryCache() {
  cache = undefined;
}

export async function listVisibleCategories(scope: Scope, { includeArchived = false } = {}) {
  return (await listAllCategories()).filter(
    (c) => (includeArchived || !c.archived_at) && canSeeCategory(scope, c) && c.see_rule !== "participants",
  );
}

// A category another process created in the last few seconds is not in this process's cache yet:
// a miss reloads once, so a new category's topics are found (and their emails sent) at once.
export async function getCategoryBySlug(slug: string) {
  const found = (await listAllCategories()).find((c) => c.slug === slug);
  if (found) return found;
  clearCategoryCache();
  return (await listAllCategories()).find((c) => c.slug === slug);
}

export async function getCategoryById(id: number) {
  const found = (await listAllCategories()).find((c) => c.id === id);
  if (found) return found;
  clearCategoryCache();
  return (await listAllCategories()).find((c) => c.id === id);
}

export async function listPostableCategories(scope: Scope) {
  return (await listAllCategories()).filter((c) => c.see_rule !== "participants" && canStartTopic(scope, c));
}

/** Category ids whose topics the viewer may see in lists, and the private ones seen topic by topic. */
export async function visibleCategoryIds(scope: Scope): Promise<{ open: number[]; participantOnly: number[] }> {
  const all = await listAllCategories();
  return {
    open: all.filter((c) => c.see_rule !== "participants" && canSeeCategory(scope, c)).map((c) => c.id),
    participantOnly: all.filter((c) => c.see_rule === "participants").map((c) => c.id),
  };
}

export type CategoryInput = Omit<Category, "id" | "archived_at" | "topic_count" | "post_count">;

/** Seeds categories from the programme definition; existing ones (by slug) are left as staff edited them. */
export async function seedCategories(trx: Db, categories: CategoryInput[]) {
  for (const c of categories) {
    await trx
      .insertInto("categories")
      .values(c)
      .onConflict((oc) =>
        oc.column("slug").doUpdateSet({
          name_fr: fillFrench("categories", "name"),
          description_fr: fillFrench("categories", "description"),
        }),
      )
      .execute();
  }
  clearCategoryCache();
}

export async function recountCategory(trx: Db, categoryId: number) {
  await sql`
    update categories c set
      topic_count = (select count(*) from topics t where t.category_id = c.id and t.deleted_at is null),
      post_count = (select count(*) from posts p join topics t on t.id = p.topic_id where t.category_id = c.id
        and t.deleted_at is null and p.deleted_at is null)
    where c.id = ${categoryId}`.execute(trx);
}
