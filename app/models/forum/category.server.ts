import { sql } from "kysely";
import { db, type Db } from "../../db.server";
import { keptFor } from "../shared/kept.server";
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

// Categories are few (hundreds at most) and read on every forum page: kept in memory for a moment.
// Writes through this module clear them; other processes see changes within 5 s.
const kept = keptFor(5000, () =>
  db.selectFrom("categories").select(CATEGORY_COLUMNS).orderBy("position").orderBy("id").execute(),
);

export function listAllCategories(): Promise<Category[]> {
  return kept.get();
}

export function clearCategoryCache() {
  kept.clear();
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
export async function visibleCategoryIds(
  scope: Scope,
): Promise<{ open: number[]; participantOnly: number[]; closed: number[]; maxId: number }> {
  const all = await listAllCategories();
  const open: number[] = [];
  const closed: number[] = [];
  for (const c of all) (c.see_rule !== "participants" && canSeeCategory(scope, c) ? open : closed).push(c.id);
  return {
    open,
    participantOnly: all.filter((c) => c.see_rule === "participants").map((c) => c.id),
    // every known category the scope cannot open as a reader (participant-only ones included), and the highest
    // known id: "open" is also "at most maxId and not closed", a category created since is in neither
    closed,
    maxId: all.reduce((m, c) => Math.max(m, c.id), 0),
  };
}

/**
 * Taken in the transaction of every insert into categories while the app serves (seeds run before it does): ids
 * then commit in the order they are drawn, so a process that knows the categories up to id n knows every category
 * with an id below n (see visibilityWhere).
 */
export async function lockCategoriesForInsert(trx: Db) {
  await sql`lock table categories in share row exclusive mode`.execute(trx);
}

/** The categories a member muted (most members: none, and /latest then adds no condition). */
export async function mutedCategoryIds(userId: number): Promise<number[]> {
  const rows = await db
    .selectFrom("category_watches")
    .select("category_id")
    .where("user_id", "=", userId)
    .where("level", "=", "muted")
    .execute();
  return rows.map((r) => r.category_id);
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
