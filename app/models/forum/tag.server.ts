// Tags are the competency framework's slugs; pages show their names (a few dozen rows, one query).
import { db } from "../../db.server";
import { localized } from "../shared/localized";

/** slug → the competency's name in the reader's language. */
export async function getTagNames(lang: string): Promise<Map<string, string>> {
  const rows = await db.selectFrom("competencies").select(["slug", "name", "name_fr"]).execute();
  return new Map(rows.map((r) => [r.slug, localized(r, "name", lang)]));
}

/** A topic's tags as links want them: the slug for the address, the name to read. */
export async function namedTags(slugs: string[], lang: string) {
  if (!slugs.length) return [];
  const names = await getTagNames(lang);
  return slugs.map((slug) => ({ slug, name: names.get(slug) ?? slug }));
}
