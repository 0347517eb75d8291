// Loads the programme definition (programme.ts) into its tables on every start. Idempotent:
// rows are matched on their stable key/slug; requirement labels and thresholds are inserted once
// and never overwritten, because staff edit them in /admin/requirements.
import { sql } from "kysely";
import { newBadgeId } from "../../app/models/badges/badge.server";
import { db, type Db } from "../../app/db.server";
import { parseParams } from "../../app/models/journey/requirement.schema";
import { fillFrench } from "../../app/models/shared/localized.server";
import {
  assessments,
  levels,
  recommendedBooks,
  requirements,
  trainingProgrammes,
  untrackedDuties,
  webinars,
} from "./programme";
import {
  designationAssessments,
  designationProgrammes,
  designationRequirements,
  designationRoutes,
  designationTypes,
} from "./programme-designations";
import {
  assessmentsFr,
  frenchSpacing as fr,
  levelsFr,
  requirementsFr,
  trainingProgrammesFr,
  webinarsFr,
} from "./programme-fr";

export async function seedProgramme(log: (m: string) => void) {
  for (const r of requirements) {
    const parsed = parseParams(r.kind, r.params);
    if (!parsed.success)
      throw new Error(`programme.ts: requirement ${r.key} has invalid params: ${parsed.error.message}`);
  }
  await db.transaction().execute(async (trx) => {
    for (const l of levels) {
      const row = {
        number: l.number,
        slug: l.slug,
        name: l.name,
        short_name: l.shortName,
        badge_inscription: l.badgeInscription,
        description: l.description,
        criteria_narrative: l.criteriaNarrative,
        entry_conditions: l.entryConditions,
        designations: l.designations,
        untracked_duties: untrackedDuties[l.number],
        name_fr: fr(levelsFr[l.number].name),
        short_name_fr: fr(levelsFr[l.number].shortName),
        badge_inscription_fr: fr(levelsFr[l.number].badgeInscription),
        description_fr: fr(levelsFr[l.number].description),
        criteria_narrative_fr: fr(levelsFr[l.number].criteriaNarrative),
        entry_conditions_fr: fr(levelsFr[l.number].entryConditions),
        untracked_duties_fr: levelsFr[l.number].untrackedDuties.map(fr),
      };
      await trx
        .insertInto("levels")
        .values(row)
        .onConflict((oc) => oc.column("number").doUpdateSet(row))
        .execute();
    }
    for (const w of webinars) {
      await trx
        .insertInto("webinars")
        .values({ slug: w.slug, level: w.level, title: w.title, title_fr: fr(webinarsFr[w.slug]) })
        .onConflict((oc) => oc.column("slug").doUpdateSet({ title_fr: fillFrench("webinars", "title") }))
        .execute();
    }
    for (const a of assessments) {
      await trx
        .insertInto("assessments")
        .values({
          slug: a.slug,
          level: a.level,
          title: a.title,
          title_fr: fr(assessmentsFr[a.slug]),
          pass_mark: a.passMark,
          grants_designation: a.grantsDesignation ?? null,
          competencies: a.competencies ?? [],
        })
        .onConflict((oc) =>
          oc.column("slug").doUpdateSet({
            title_fr: fillFrench("assessments", "title"),
            // the alignment is seeded once; staff changes are kept
            competencies: sql<string[]>`case when assessments.competencies = '{}' then excluded.competencies
              else assessments.competencies end`,
          }),
        )
        .execute();
    }
    for (const p of trainingProgrammes) {
      const french = trainingProgrammesFr[p.slug];
      for (const m of p.modules) {
        await trx
          .insertInto("training_modules")
          .values({
            programme: p.slug,
            number: m.number,
            programme_title: p.title,
            programme_title_fr: fr(french.title),
            title: m.title,
            title_fr: fr(french.modules[m.number]),
            level: p.level,
          })
          .onConflict((oc) =>
            oc.columns(["programme", "number"]).doUpdateSet({
              programme_title_fr: fillFrench("training_modules", "programme_title"),
              title_fr: fillFrench("training_modules", "title"),
            }),
          )
          .execute();
      }
    }
    let inserted = 0;
    for (const [i, r] of requirements.entries()) {
      const label_fr = fr(requirementsFr[r.key]);
      const res = await trx
        .insertInto("level_requirements")
        .values({
          key: r.key,
          level: r.level,
          kind: r.kind,
          phase: r.phase,
          label: r.label,
          label_fr,
          params: JSON.stringify(r.params),
          position: i + 1,
        })
        .onConflict((oc) => oc.column("key").doUpdateSet({ label_fr: fillFrench("level_requirements", "label") }))
        .returning(sql<boolean>`xmax = 0`.as("inserted"))
        .executeTakeFirst();
      if (res?.inserted) inserted++;
    }
    for (const b of recommendedBooks) {
      await trx
        .insertInto("recommended_books")
        .values({ slug: b.slug, title: b.title, author: b.author })
        .onConflict((oc) => oc.column("slug").doNothing())
        .execute();
    }
    await seedDesignations(trx);
    log(
      `programme: ${levels.length} levels, ${requirements.length} requirements (${inserted} new), ` +
        `${recommendedBooks.length} recommended books`,
    );
  });
}

/** Designations (CCSM), their routes and requirements: inserted once, then kept by staff. */
async function seedDesignations(trx: Db) {
  for (const r of designationRequirements) {
    if (!parseParams(r.kind, r.params).success)
      throw new Error(`programme-designations.ts: requirement ${r.key} has invalid params`);
  }
  for (const [i, t] of designationTypes.entries()) {
    const row = {
      code: t.code,
      name: t.name,
      name_fr: fr(t.name_fr),
      description: t.description,
      description_fr: fr(t.description_fr),
      min_level: t.minLevel,
      position: i + 1,
    };
    await trx
      .insertInto("designation_types")
      .values(row)
      .onConflict((oc) => oc.column("code").doNothing())
      .execute();
  }
  for (const a of designationAssessments) {
    await trx
      .insertInto("assessments")
      .values({ slug: a.slug, level: a.level, title: a.title, title_fr: fr(a.title_fr), pass_mark: a.passMark })
      .onConflict((oc) => oc.column("slug").doNothing())
      .execute();
  }
  for (const p of designationProgrammes) {
    for (const m of p.modules) {
      await trx
        .insertInto("training_modules")
        .values({
          programme: p.slug,
          number: m.number,
          programme_title: p.title,
          programme_title_fr: fr(p.title_fr),
          title: m.title,
          title_fr: fr(m.title_fr),
          level: p.level,
        })
        .onConflict((oc) => oc.columns(["programme", "number"]).doNothing())
        .execute();
    }
  }
  const routeIds = new Map<string, number>();
  for (const [i, r] of designationRoutes.entries()) {
    await trx
      .insertInto("requirement_routes")
      .values({ key: r.key, designation: r.designation, name: r.name, name_fr: fr(r.name_fr), position: i + 1 })
      .onConflict((oc) => oc.column("key").doNothing())
      .execute();
    const row = await trx
      .selectFrom("requirement_routes")
      .select("id")
      .where("key", "=", r.key)
      .executeTakeFirstOrThrow();
    routeIds.set(r.key, row.id);
  }
  for (const [i, r] of designationRequirements.entries()) {
    await trx
      .insertInto("level_requirements")
      .values({
        key: r.key,
        level: null,
        designation: r.designation,
        route_id: routeIds.get(r.route)!,
        kind: r.kind,
        phase: "completion",
        label: r.label,
        label_fr: fr(r.label_fr),
        params: JSON.stringify(r.params),
        position: i + 1,
      })
      .onConflict((oc) => oc.column("key").doNothing())
      .execute();
  }
}

/**
 * Demo mode: members whose users.level is set (demo content) but who have no level history get
 * one consistent with it: levels 1..N entered in the past, each closed when the next began, and
 * a badge award for each level.
 */
export async function seedDemoLevelHistory(log: (m: string) => void) {
  const members = await db
    .selectFrom("users")
    .select(["id", "level", "created_at"])
    .where("level", "is not", null)
    .where((eb) =>
      eb.not(eb.exists(eb.selectFrom("level_history").select("id").whereRef("level_history.user_id", "=", "users.id"))),
    )
    .execute();
  for (const m of members) {
    await db.transaction().execute(async (trx) => {
      const level = m.level!;
      // each earlier level lasted about 200 days; the current one started 60 to 150 days ago
      const currentDaysAgo = 60 + ((m.id * 37) % 90);
      for (let l = 1; l <= level; l++) {
        const enteredDaysAgo = currentDaysAgo + (level - l) * 200;
        const leftDaysAgo = l < level ? currentDaysAgo + (level - l - 1) * 200 : null;
        await trx
          .insertInto("level_history")
          .values({
            user_id: m.id,
            level: l,
            entered_at: sql<Date>`now() - make_interval(days => ${enteredDaysAgo})`,
            left_at: leftDaysAgo === null ? null : sql<Date>`now() - make_interval(days => ${leftDaysAgo})`,
          })
          .execute();
        await trx
          .insertInto("badge_awards")
          .values({
            public_id: newBadgeId(),
            user_id: m.id,
            kind: "level",
            level: l,
            awarded_at: sql<Date>`now() - make_interval(days => ${enteredDaysAgo})`,
          })
          .execute();
      }
    });
  }
  log(`demo level history: ${members.length} members`);
}
