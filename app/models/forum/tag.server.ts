// Tags are the competency framework's slugs; pages show their names (a few dozen rows, read on every
// topic and list page: kept for a moment, cleared when staff rename a competency in this process).
import { db } from "../../db.server";
import { keptFor } from "../shared/kept.server";
import { localized } from "../shared/localized";

const kept = keptFor(5000, () => db.selectFrom("competencies").select(["slug", "name", "name_fr"]).execute());

export function clearTagNames() {
  kept.clear();
}

/** slug → the competency's name in the reader's language. */
export async function getTagNames(lang: string): Promise<Map<string, string>> {
  const rows = await kept.get();
  return new Map(rows.map((r) => [r.slug, localized(r, "name", lang)]));
}

/** A topic's tags as links want them: the slug for the address, the name to read. */
export async function namedTags(slugs: string[], lang: string) {
  if (!slugs.length) return [];
  const names = await getTagNames(lang);
  return slugs.map((slug) => ({ slug, name: names.get(slug) ?? slug }));
}
