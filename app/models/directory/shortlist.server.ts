// A recruiter's shortlist: candidates added from the directory or a profile, each with a private
// note and a pipeline stage, and its CSV export. Everything is scoped by the recruiter's own id
// (an organisation is one recruiter account here), so no other recruiter and never the candidate
// sees a note or a stage. A candidate who hid their profile, deleted their account or blocked this
// recruiter has withdrawn: they drop out of the views, the export and the alerts at once.
import { sql, type Expression, type SqlBool } from "kysely";
import type { ShortlistStage } from "../../../db/schema";
import { db, type Db } from "../../db.server";
import { canSeeProfile, type Scope } from "../permissions.server";
import { findable, photoUrl } from "./profile-document.server";
import { countryName, languageName } from "./profile.schema";
import { csvLine } from "../journey/progress-report.server";
import { NOTE_MAX, ShortlistEntrySchema } from "./recruiter-desk.schema";
import { fail, ok } from "../shared/result";
import { refused } from "../shared/forms.server";

export const isRecruiter = (scope: Scope) => !!scope.userId && !!scope.isRecruiter;

/** On aliases `u` (users) and `p` (profiles): a member this recruiter may still see and keep. */
export function candidateOf(recruiterId: number): Expression<SqlBool> {
  return sql<SqlBool>`${findable()}
    and not exists (select 1 from recruiter_blocks b where b.member_id = u.id and b.recruiter_id = ${recruiterId})`;
}

async function candidate(trx: Db, scope: Scope, username: string) {
  return trx
    .selectFrom("users as u")
    .leftJoin("profiles as p", "p.user_id", "u.id")
    .select(["u.id", "p.visibility"])
    .where(sql`lower(u.username)`, "=", username.toLowerCase())
    .where(candidateOf(scope.userId!))
    .executeTakeFirst()
    .then((m) => (m && canSeeProfile(scope, { userId: m.id, visibility: m.visibility ?? "members" }) ? m : undefined));
}

/** Adds (keeping the stage, and any note unless a new one comes) or removes a candidate. */
export async function setShortlisted({
  scope,
  username,
  shortlisted,
  note = "",
}: {
  scope: Scope;
  username: string;
  shortlisted: boolean;
  note?: string;
}) {
  if (!isRecruiter(scope)) return fail(403, "errors.forbidden");
  // refused whole rather than cut: user text is never lost
  if (note.length > NOTE_MAX) return fail(422, "desk.errors.noteLong", { note: "desk.errors.noteLong" });
  const member = await candidate(db, scope, username);
  if (!member) return fail(404, "errors.notFound");
  if (shortlisted) {
    const text = note.trim();
    await db
      .insertInto("shortlists")
      .values({ recruiter_id: scope.userId!, member_id: member.id, note: text })
      .onConflict((oc) =>
        text
          ? oc.columns(["recruiter_id", "member_id"]).doUpdateSet({ note: text })
          : oc.columns(["recruiter_id", "member_id"]).doNothing(),
      )
      .execute();
  } else {
    await db
      .deleteFrom("shortlists")
      .where("recruiter_id", "=", scope.userId!)
      .where("member_id", "=", member.id)
      .execute();
  }
  return ok({});
}

/** Saves a shortlisted candidate's stage and note; a note too long is refused whole, never cut. */
export async function updateShortlistEntry({ scope, input }: { scope: Scope; input: Record<string, string> }) {
  if (!isRecruiter(scope)) return fail(403, "errors.forbidden");
  const parsed = ShortlistEntrySchema.safeParse(input);
  if (!parsed.success)
    return refused(
      422,
      parsed.error,
      parsed.error.issues[0].message.startsWith("desk.") ? undefined : "errors.notFound",
    );
  const member = await candidate(db, scope, parsed.data.username);
  if (!member) return fail(404, "errors.notFound");
  const row = await db
    .updateTable("shortlists")
    .set({ stage: parsed.data.stage, note: parsed.data.note, updated_at: new Date() })
    .where("recruiter_id", "=", scope.userId!)
    .where("member_id", "=", member.id)
    .returning("member_id")
    .executeTakeFirst();
  return row ? ok({}) : fail(404, "errors.notFound");
}

async function shortlistRows(scope: Scope, stage?: ShortlistStage) {
  let q = db
    .selectFrom("shortlists as s")
    .innerJoin("users as u", "u.id", "s.member_id")
    .leftJoin("profiles as p", "p.user_id", "u.id")
    .leftJoin("contact_requests as c", (j) =>
      j
        .onRef("c.member_id", "=", "s.member_id")
        .onRef("c.recruiter_id", "=", "s.recruiter_id")
        .on("c.status", "=", "accepted"),
    )
    .select(["u.id", "u.username", "u.display_name", "u.level", "p.visibility", "p.photo_key"])
    .select([
      "p.job_title",
      "p.organisation",
      "p.city",
      "p.country",
      "p.languages",
      "p.years_customer_facing",
      "p.years_managing",
    ])
    .select(["p.open_to_opportunities", "s.note", "s.stage", "s.created_at", "s.updated_at"])
    // the email only when this member accepted this recruiter's contact request
    .select(sql<string | null>`case when c.id is not null then u.email end`.as("email"))
    .where("s.recruiter_id", "=", scope.userId!)
    .where(candidateOf(scope.userId!));
  if (stage) q = q.where("s.stage", "=", stage);
  const rows = await q.orderBy("s.created_at", "desc").orderBy("u.id").execute();
  // one row per member even if several requests were accepted over time
  const seen = new Set<number>();
  return rows.filter(
    (r) =>
      !seen.has(r.id) &&
      seen.add(r.id) &&
      canSeeProfile(scope, { userId: r.id, visibility: r.visibility ?? "members" }),
  );
}

/** The recruiter's shortlist, newest first, optionally one stage; withdrawn candidates are left out. */
export async function listShortlist({ scope, stage }: { scope: Scope; stage?: ShortlistStage }) {
  if (!isRecruiter(scope)) return [];
  const rows = await shortlistRows(scope, stage);
  return rows.map(
    ({ visibility: _v, photo_key, email: _e, years_customer_facing: _y, years_managing: _m, languages: _l, ...r }) => ({
      ...r,
      photo: photoUrl(photo_key, 64),
    }),
  );
}

type T = (key: string, values?: Record<string, unknown>) => string;

/**
 * The shortlist as CSV: only what the candidates show recruiters on their profile (never a phone
 * number; the email only after they accepted a contact request), with the recruiter's own stage and
 * note. Cells a spreadsheet would read as a formula are prefixed with a quote (csvLine).
 */
export async function shortlistCsv({
  scope,
  t,
  locale,
  origin,
}: {
  scope: Scope;
  t: T;
  locale: string;
  origin: string;
}) {
  if (!isRecruiter(scope)) return undefined;
  const rows = await shortlistRows(scope);
  const columns = [
    "name",
    "profile",
    "jobTitle",
    "organisation",
    "city",
    "country",
    "languages",
    "level",
    "yearsCustomerFacing",
    "yearsManaging",
    "open",
    "email",
    "stage",
    "note",
    "added",
  ];
  let out = "\uFEFF" + csvLine(columns.map((c) => t(`desk.csv.${c}`)));
  for (const r of rows) {
    out += csvLine([
      r.display_name,
      `${origin}/u/${r.username}`,
      r.job_title,
      r.organisation,
      r.city,
      r.country ? countryName(r.country, locale) : "",
      (r.languages ?? []).map((l) => languageName(l, locale)).join("; "),
      r.level ?? "",
      r.years_customer_facing === null ? "" : Math.floor(Number(r.years_customer_facing)),
      r.years_managing === null ? "" : Math.floor(Number(r.years_managing)),
      t(r.open_to_opportunities ? "desk.csv.yes" : "desk.csv.no"),
      r.email,
      t(`desk.stage.${r.stage}`),
      r.note,
      r.created_at.toISOString().slice(0, 10),
    ]);
  }
  return out;
}

/** The ids of the candidates on this recruiter's shortlist among `ids` (the directory's cards). */
export async function shortlistedAmong({ scope, ids }: { scope: Scope; ids: number[] }): Promise<number[]> {
  if (!isRecruiter(scope) || !ids.length) return [];
  const rows = await db
    .selectFrom("shortlists")
    .select("member_id")
    .where("recruiter_id", "=", scope.userId!)
    .where("member_id", "in", ids)
    .execute();
  return rows.map((r) => r.member_id);
}
