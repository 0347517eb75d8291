// The directory's part of a member's data: profile, photo, competencies, endorsements, designations
// and development plan, and both sides of the recruiter desk. On deletion recruiters lose access at
// once (contact requests, shortlists, blocks) and the profile, photo and search copy go.
import { db, type Db } from "../../db.server";
import { enqueue } from "../../jobs.server";
import { logger } from "../../logger.server";
import { deleteOwnRows, exportArea, json, type DeletionArea, type ExportArea } from "../shared/account-data";
import { indexProfiles } from "./directory-index.server";
import { deletePhoto, readUpload } from "./photo.server";

const profile: ExportArea = {
  name: "profile",
  tables: ["profiles", "profile_competencies", "endorsements", "designations", "competency_plans"],
  async collect({ trx, userId }) {
    const row = await trx.selectFrom("profiles").selectAll().where("user_id", "=", userId).executeTakeFirst();
    const competencies = await trx
      .selectFrom("profile_competencies")
      .select(["competency", "proficiency", "updated_at"])
      .where("user_id", "=", userId)
      .execute();
    // endorsers are named as on the public profile (username and name), never by email
    const received = await trx
      .selectFrom("endorsements as e")
      .innerJoin("users as u", "u.id", "e.endorser_id")
      .select(["e.competency", "e.created_at", "u.username as endorser_username", "u.display_name as endorser_name"])
      .select(["e.statement", "e.relation", "e.proficiency"])
      .where("e.user_id", "=", userId)
      .execute();
    const given = await trx
      .selectFrom("endorsements as e")
      .innerJoin("users as u", "u.id", "e.user_id")
      .select(["e.competency", "e.created_at", "u.username as member_username", "e.statement"])
      .where("e.endorser_id", "=", userId)
      .execute();
    const plan = await trx
      .selectFrom("competency_plans")
      .select(["competency", "self_assessed", "target", "updated_at"])
      .where("user_id", "=", userId)
      .execute();
    const designations = await trx
      .selectFrom("designations")
      .select(["code", "awarded_on", "created_at"])
      .where("user_id", "=", userId)
      .execute();
    const files = [
      json("profile/profile.json", row ?? null),
      json("profile/competencies.json", { competencies, endorsementsReceived: received, endorsementsGiven: given }),
      json("profile/designations.json", designations),
      json("profile/development-plan.json", plan),
    ];
    if (row?.bio_markdown) files.push({ path: "profile/bio.md", data: row.bio_markdown + "\n" });
    if (row?.photo_key) {
      for (const size of [256, 64] as const) {
        const bytes = await readUpload(`${row.photo_key}-${size}.webp`);
        if (bytes) files.push({ path: `profile/photo-${size}.webp`, data: new Uint8Array(bytes) });
      }
    }
    return files;
  },
};

const recruiters: ExportArea = {
  name: "recruiters",
  tables: [
    "contact_requests",
    "contact_messages",
    "shortlists",
    "saved_searches",
    "recruiter_blocks",
    "recruiter_organisations",
    "saved_search_seen",
  ],
  async collect({ trx, userId }) {
    // requests the member received: the organisation and its message, never the recruiter's email
    const received = await trx
      .selectFrom("contact_requests as c")
      .leftJoin("recruiter_organisations as o", "o.user_id", "c.recruiter_id")
      .select(["c.id", "o.name as organisation", "c.message", "c.status", "c.created_at", "c.decided_at"])
      .where("c.member_id", "=", userId)
      .execute();
    const sent = await trx
      .selectFrom("contact_requests as c")
      .innerJoin("users as m", "m.id", "c.member_id")
      .select(["c.id", "m.username as member_username", "c.message", "c.status", "c.created_at", "c.decided_at"])
      .where("c.recruiter_id", "=", userId)
      .execute();
    const blocked = await trx
      .selectFrom("recruiter_blocks as b")
      .leftJoin("recruiter_organisations as o", "o.user_id", "b.recruiter_id")
      .select(["o.name as organisation", "b.created_at"])
      .where("b.member_id", "=", userId)
      .execute();
    const shortlist = await trx
      .selectFrom("shortlists as s")
      .innerJoin("users as m", "m.id", "s.member_id")
      .select(["m.username as member_username", "s.stage", "s.note", "s.created_at"])
      .where("s.recruiter_id", "=", userId)
      .execute();
    const searches = await trx
      .selectFrom("saved_searches")
      .select(["name", "query", "created_at"])
      .where("user_id", "=", userId)
      .execute();
    // recruiters' saved searches that found the member: which organisation, and when (never the search)
    const matched = await trx
      .selectFrom("saved_search_seen as s")
      .innerJoin("saved_searches as q", "q.id", "s.saved_search_id")
      .leftJoin("recruiter_organisations as o", "o.user_id", "q.user_id")
      .select(["o.name as organisation", "s.created_at as found_at", "s.notified_at"])
      .where("s.member_id", "=", userId)
      .orderBy("s.created_at")
      .execute();
    const organisation = await trx
      .selectFrom("recruiter_organisations")
      .selectAll()
      .where("user_id", "=", userId)
      .execute();
    // the threads' later messages, both ways, in the member's threads (never a recruiter's email)
    const messages = await trx
      .selectFrom("contact_messages as m")
      .innerJoin("contact_requests as c", "c.id", "m.request_id")
      .select(["m.request_id", "m.body", "m.created_at"])
      .select((eb) => eb.case().when("m.sender_id", "=", userId).then("you").else("recruiter").end().as("from"))
      .where("c.member_id", "=", userId)
      .orderBy("m.id")
      .execute();
    const files = [
      json("contacts/requests-received.json", received),
      json("contacts/messages.json", messages),
      json("contacts/recruiters-blocked.json", blocked),
      json("contacts/saved-search-matches.json", matched),
    ];
    if (sent.length || shortlist.length || searches.length || organisation.length) {
      files.push(
        json("recruiter/organisation.json", organisation),
        json("recruiter/requests-sent.json", sent),
        json("recruiter/shortlist.json", shortlist),
        json("recruiter/saved-searches.json", searches),
      );
    }
    return files;
  },
};

export const directoryExport: ExportArea = exportArea("directory", [profile, recruiters]);

export const directoryDeletion: DeletionArea = {
  name: "directory",
  tables: [
    ...["contact_requests", "contact_messages", "shortlists", "recruiter_blocks", "saved_searches"],
    ...["recruiter_organisations", "endorsements", "profile_competencies", "competency_plans", "designations"],
    ...["saved_search_seen", "profiles"],
  ],
  async prepare(trx, userId) {
    const photo = await trx.selectFrom("profiles").select("photo_key").where("user_id", "=", userId).executeTakeFirst();
    const organisations = await trx
      .selectFrom("recruiter_organisations")
      .select("id")
      .where("user_id", "=", userId)
      .execute();
    return {
      auditTargets: [["recruiter_organisation", organisations.map((r) => r.id)]],
      async afterCommit() {
        await deletePhoto(photo?.photo_key ?? null);
        // Recruiters lose the profile at once: the outbox job would do it within a second, this does it now.
        try {
          await indexProfiles(db, [userId]);
        } catch (e) {
          logger.warn({ userId, err: (e as Error).message }, "account deletion: directory removal left to the outbox");
        }
      },
    };
  },
  async erase({ trx, userId }) {
    // recruiters lose access; the member's own recruiter records go too (their messages with the requests)
    for (const table of ["contact_requests", "shortlists", "recruiter_blocks"] as const) {
      await trx
        .deleteFrom(table)
        .where((eb) => eb.or([eb("member_id", "=", userId), eb("recruiter_id", "=", userId)]))
        .execute();
    }
    // recruiters' record of having seen them in a saved search (their own searches' records go with the searches)
    await trx.deleteFrom("saved_search_seen").where("member_id", "=", userId).execute();
    await deleteOwnRows(trx, userId, ["saved_searches", "recruiter_organisations"]);
    await trx
      .deleteFrom("endorsements")
      .where((eb) => eb.or([eb("user_id", "=", userId), eb("endorser_id", "=", userId)]))
      .execute();
    await deleteOwnRows(trx, userId, ["profile_competencies", "competency_plans", "designations", "profiles"]);
    return { queue: (q: Db) => enqueue(q, "profile.reindex", { userId }) };
  },
};
