// Tags are the competency framework's slugs; pages show their names (a few dozen rows, one query).
import { db } from "../db.server";

export async function getTagNames(): Promise<Map<string, string>> {
  const rows = await db.selectFrom("competencies").select(["slug", "name"]).execute();
  return new Map(rows.map((r) => [r.slug, r.name]));
}

/** A topic's tags as links want them: the slug for the address, the name to read. */
export async function namedTags(slugs: string[]) {
  if (!slugs.length) return [];
  const names = await getTagNames();
  return slugs.map((slug) => ({ slug, name: names.get(slug) ?? slug }));
}
