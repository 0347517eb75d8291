// Categories and competency tags from the programme, on every start (staff edits are kept).
import { sql } from "kysely";
import { db } from "../../app/db.server";
import { seedCategories } from "../../app/models/forum/category.server";
import { fillFrench } from "../../app/models/shared/localized.server";
import { categories, competencies, proficiencyLevels, type CategoryPostRule, type ProficiencyLevel } from "./programme";
import { categoriesFr, competenciesFr, competencyLevelsFr, frenchSpacing as fr } from "./programme-fr";

const rule = (r: CategoryPostRule) => (typeof r === "string" ? r : `level:${r.minLevel}`);

/** Forum categories and competency tags as PROGRAM.md defines them (staff edits are kept). */
export async function seedForumStructure(log: (m: string) => void) {
  await seedCategories(
    db,
    categories.map((c) => ({
      slug: c.slug,
      name: c.name,
      description: c.description,
      name_fr: fr(categoriesFr[c.slug].name),
      description_fr: fr(categoriesFr[c.slug].description),
      colour: c.colour,
      position: c.position,
      see_rule: c.access.see,
      post_rule: rule(c.access.post),
      reply_rule: rule(c.access.reply),
    })),
  );
  for (const [i, c] of competencies.entries()) {
    const french = competenciesFr[c.slug];
    await db
      .insertInto("competencies")
      .values({
        slug: c.slug,
        name: c.name,
        description: c.description,
        name_fr: fr(french.name),
        description_fr: fr(french.description),
        ...proficiencyWords(c),
        position: i + 1,
      })
      .onConflict((oc) =>
        oc.column("slug").doUpdateSet({
          name_fr: fillFrench("competencies", "name"),
          description_fr: fillFrench("competencies", "description"),
          ...fillProficiencyWords(),
        }),
      )
      .execute();
  }
  log(`forum: ${categories.length} categories, ${competencies.length} tags`);
}

/** The framework's description of each proficiency, English and French (seed 001). */
const proficiencyWords = (c: (typeof competencies)[number]) =>
  Object.fromEntries(
    proficiencyLevels.flatMap((p) => [
      [p, c.levels[p]],
      [`${p}_fr`, fr(competencyLevelsFr[c.slug][p])],
    ]),
  ) as Record<ProficiencyLevel | `${ProficiencyLevel}_fr`, string>;

/** Rows seeded before the descriptions existed get them once; staff wording is kept. */
const fillProficiencyWords = () =>
  Object.fromEntries(
    proficiencyLevels.flatMap((p) => [
      [
        p,
        sql<string>`case when ${sql.ref(`competencies.${p}`)} = '' then ${sql.ref(`excluded.${p}`)}
        else ${sql.ref(`competencies.${p}`)} end`,
      ],
      [
        `${p}_fr`,
        sql<string>`coalesce(${sql.ref(`competencies.${p}_fr`)}, case when ${sql.ref(`competencies.${p}`)}
        in ('', ${sql.ref(`excluded.${p}`)}) then ${sql.ref(`excluded.${p}_fr`)} end)`,
      ],
    ]),
  );
