// Admins create, edit, reorder and archive categories. Every write is audited and clears the
// category cache; a change of who may see a category queues its topics for re-indexing.
import { sql } from "kysely";
import { z } from "zod";
import { db, type Db } from "../../db.server";
import { enqueue } from "../../jobs.server";
import type { Scope } from "../permissions.server";
import { recordAudit } from "../moderation/audit.server";
import { CATEGORY_COLUMNS, clearCategoryCache, listAllCategories, lockCategoriesForInsert } from "./category.server";
import { fail, ok } from "../shared/result";
import { fieldErrors } from "../shared/forms.server";
import { MESSAGES_CATEGORY } from "./messages.schema";

const RULE = /^(everyone|members|staff|participants|level:[1-4]|group:[1-9]\d{0,8})$/;
const rule = (key: string) => z.string({ error: key }).trim().regex(RULE, key);

export const CategoryFormSchema = z.object({
  slug: z
    .string({ error: "adminForum.errors.slug" })
    .trim()
    .toLowerCase()
    .min(2, "adminForum.errors.slug")
    .max(60, "adminForum.errors.slug")
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "adminForum.errors.slug"),
  name: z
    .string({ error: "adminForum.errors.name" })
    .trim()
    .min(2, "adminForum.errors.name")
    .max(80, "adminForum.errors.name"),
  description: z.string().trim().max(1000, "adminForum.errors.description").default(""),
  // the French name and description: empty means "not translated", French readers see the English
  name_fr: z
    .string()
    .trim()
    .max(80, "adminForum.errors.nameFr")
    .refine((s) => s === "" || s.length >= 2, "adminForum.errors.nameFr")
    .default("")
    .transform((s) => s || null),
  description_fr: z
    .string()
    .trim()
    .max(1000, "adminForum.errors.description")
    .default("")
    .transform((s) => s || null),
  colour: z
    .string({ error: "adminForum.errors.colour" })
    .trim()
    .regex(/^#[0-9a-fA-F]{6}$/, "adminForum.errors.colour")
    .transform((s) => s.toLowerCase()),
  see_rule: rule("adminForum.errors.rule"),
  post_rule: rule("adminForum.errors.rule"),
  reply_rule: rule("adminForum.errors.rule"),
});
export type CategoryForm = z.infer<typeof CategoryFormSchema>;

type Fields = Partial<Record<keyof CategoryForm, string>>;

function validate(input: Record<string, unknown>) {
  const parsed = CategoryFormSchema.safeParse(input);
  if (parsed.success) {
    // "participants" (private topics) only makes sense for who may see; posting then follows the list.
    if (parsed.data.post_rule === "participants" && parsed.data.see_rule !== "participants")
      return { fields: { post_rule: "adminForum.errors.participants" } as Fields };
    if (parsed.data.reply_rule === "participants" && parsed.data.see_rule !== "participants")
      return { fields: { reply_rule: "adminForum.errors.participants" } as Fields };
    return { data: parsed.data };
  }
  return { fields: fieldErrors(parsed.error) as Fields };
}

const denied = () => fail(404, "adminForum.errors.notFound");

// Personal messages' home is no category to administer: made public, renamed or archived, it would
// expose or break every conversation. It is left out of the list and each write answers "not found".
const administered = (slug: string) => slug !== MESSAGES_CATEGORY;

export async function listCategoriesForAdmin({ scope }: { scope: Scope }) {
  if (!scope.isStaff) return undefined;
  return db
    .selectFrom("categories")
    .select(CATEGORY_COLUMNS)
    .where("slug", "!=", MESSAGES_CATEGORY)
    .orderBy("position")
    .orderBy("id")
    .execute();
}

export async function getCategoryForAdmin({ scope, slug }: { scope: Scope; slug: string }) {
  if (!scope.isStaff || !administered(slug)) return undefined;
  return (await listAllCategories()).find((c) => c.slug === slug);
}

async function slugTaken(trx: Db, slug: string, exceptId?: number) {
  let q = trx.selectFrom("categories").select("id").where("slug", "=", slug);
  if (exceptId) q = q.where("id", "!=", exceptId);
  return !!(await q.executeTakeFirst());
}

type CategoryData = NonNullable<ReturnType<typeof validate>["data"]>;

const slugTakenError = () => fail(409, "adminForum.errors.slugTaken", { slug: "adminForum.errors.slugTaken" });

/**
 * A staff member's save of a category: the form validated, then `write` under the table lock that makes "is the
 * slug free" and the write one step (and ids commit in the order they are drawn); the category cache cleared after.
 */
async function saveCategory<T>(
  scope: Scope,
  input: Record<string, unknown>,
  write: (trx: Db, actorId: number, data: CategoryData) => Promise<T>,
) {
  if (!scope.isStaff || !scope.userId) return denied();
  const actorId = scope.userId;
  const v = validate(input);
  if (!v.data) return fail(422, "form.fixErrors", v.fields, { count: Object.keys(v.fields).length });
  const data = v.data;
  const result = await db.transaction().execute(async (trx) => {
    await lockCategoriesForInsert(trx);
    return write(trx, actorId, data);
  });
  clearCategoryCache();
  return result;
}

export async function createCategory({ scope, input }: { scope: Scope; input: Record<string, unknown> }) {
  return saveCategory(scope, input, async (trx, actorId, data) => {
    if (await slugTaken(trx, data.slug)) return slugTakenError();
    const { next } = await trx
      .selectFrom("categories")
      .select(sql<number>`coalesce(max(position) + 1, 0)::int`.as("next"))
      .executeTakeFirstOrThrow();
    const row = await trx
      .insertInto("categories")
      .values({ ...data, position: next })
      .returning(["id", "slug"])
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actorId,
      action: "category.create",
      targetType: "category",
      targetId: row.id,
      after: data,
    });
    return ok({ slug: row.slug });
  });
}

export async function updateCategory({
  scope,
  slug,
  input,
}: {
  scope: Scope;
  slug: string;
  input: Record<string, unknown>;
}) {
  if (!administered(slug)) return denied();
  return saveCategory(scope, input, async (trx, actorId, data) => {
    const before = await trx
      .selectFrom("categories")
      .select([
        "id",
        "slug",
        "name",
        "description",
        "name_fr",
        "description_fr",
        "colour",
        "see_rule",
        "post_rule",
        "reply_rule",
      ])
      .where("slug", "=", slug)
      .executeTakeFirst();
    if (!before) return denied();
    if (data.slug !== before.slug && (await slugTaken(trx, data.slug, before.id))) return slugTakenError();
    await trx.updateTable("categories").set(data).where("id", "=", before.id).execute();
    await recordAudit(trx, {
      actorId,
      action: "category.update",
      targetType: "category",
      targetId: before.id,
      before,
      after: data,
    });
    // Who may read, or the name, changed: every topic's search document carries the old one.
    if (before.see_rule !== data.see_rule || before.name !== data.name || before.slug !== data.slug)
      await enqueue(trx, "search.category", { categoryId: before.id });
    return ok({ slug: data.slug });
  });
}

/** Moves a category one place up or down; positions are renumbered 0..n on the way. */
export async function moveCategory({
  scope,
  slug,
  direction,
}: {
  scope: Scope;
  slug: string;
  direction: "up" | "down";
}) {
  if (!scope.isStaff || !scope.userId || !administered(slug)) return denied();
  const actorId = scope.userId;
  const result = await db.transaction().execute(async (trx) => {
    await sql`lock table categories in share row exclusive mode`.execute(trx);
    const rows = await trx
      .selectFrom("categories")
      .select(["id", "slug", "position"])
      .where("slug", "!=", MESSAGES_CATEGORY)
      .orderBy("position")
      .orderBy("id")
      .execute();
    const i = rows.findIndex((r) => r.slug === slug);
    if (i < 0) return denied();
    const j = direction === "up" ? i - 1 : i + 1;
    if (j < 0 || j >= rows.length) return ok({ moved: false });
    [rows[i], rows[j]] = [rows[j], rows[i]];
    for (const [position, r] of rows.entries()) {
      if (r.position !== position)
        await trx.updateTable("categories").set({ position }).where("id", "=", r.id).execute();
    }
    await recordAudit(trx, {
      actorId,
      action: "category.move",
      targetType: "category",
      targetId: rows[j].id,
      before: { position: i },
      after: { position: j },
    });
    return ok({ moved: true });
  });
  clearCategoryCache();
  return result;
}

/** An archived category is read-only: no new topics or replies, still readable. */
export async function setCategoryArchived({
  scope,
  slug,
  archived,
}: {
  scope: Scope;
  slug: string;
  archived: boolean;
}) {
  if (!scope.isStaff || !scope.userId || !administered(slug)) return denied();
  const actorId = scope.userId;
  const result = await db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom("categories")
      .select(["id", "archived_at"])
      .where("slug", "=", slug)
      .forUpdate()
      .executeTakeFirst();
    if (!row) return denied();
    if (!!row.archived_at === archived) return ok({});
    await trx
      .updateTable("categories")
      .set({ archived_at: archived ? new Date() : null })
      .where("id", "=", row.id)
      .execute();
    await recordAudit(trx, {
      actorId,
      action: archived ? "category.archive" : "category.unarchive",
      targetType: "category",
      targetId: row.id,
    });
    return ok({});
  });
  clearCategoryCache();
  return result;
}
