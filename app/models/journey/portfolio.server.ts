// Portfolio with panel review, the member's side (issue 26 point 2): the member writes project
// descriptions, attaches evidence files (the award evidence intake: checked, cleaned, stored under
// portfolios/) and names references; submitting sends each reference a mail with a tokenised link
// to confirm, no account needed (portfolio-references.server.ts). The panel (portfolio-panel.server.ts)
// scores it; staff decide with written reasons the member reads here, and a declined portfolio may be
// appealed.
import type { Db } from "../../db.server";
import { db } from "../../db.server";
import { enqueue } from "../../jobs.server";
import { deleteEvidence, readEvidence, storeEvidence, type StoredEvidence } from "../awards/award-file.server";
import { message } from "../account/notification-text";
import { notify } from "../account/notification.server";
import { listStaffRecipients } from "../groups/learning-group.server";
import { recordAudit } from "../moderation/audit.server";
import { canSeePortfolio, type Scope } from "../permissions.server";
import { fail, ok, type Result } from "../shared/result";
import type { ProjectInput, ReferenceInput } from "./portfolio.schema";
import { parseParams } from "./requirement.schema";

export const MAX_FILES = 10;

/** The live portfolio requirement with this key, and its thresholds. */
export async function getPortfolioRequirement(conn: Db, key: string) {
  const r = await conn
    .selectFrom("level_requirements as r")
    .leftJoin("designation_types as d", "d.code", "r.designation")
    .select(["r.id", "r.key", "r.label", "r.label_fr", "r.params", "r.level", "r.designation", "d.name", "d.name_fr"])
    .where("r.key", "=", key)
    .where("r.kind", "=", "portfolio")
    .where("r.archived_at", "is", null)
    .executeTakeFirst();
  if (!r) return undefined;
  const params = parseParams("portfolio", r.params);
  if (!params.success) return undefined;
  return { ...r, params: params.data };
}

/** Everything on one portfolio; `forMember` leaves out what only the panel and staff read (reviewers, statements). */
export async function loadPortfolio(conn: Db, portfolioId: number) {
  const [portfolio, projects, files, references] = await Promise.all([
    conn.selectFrom("portfolios").selectAll().where("id", "=", portfolioId).executeTakeFirst(),
    conn
      .selectFrom("portfolio_projects")
      .select(["id", "title", "description"])
      .where("portfolio_id", "=", portfolioId)
      .orderBy("position")
      .orderBy("id")
      .execute(),
    conn
      .selectFrom("portfolio_files")
      .select(["id", "file_name", "content_type", "size"])
      .where("portfolio_id", "=", portfolioId)
      .orderBy("id")
      .execute(),
    conn
      .selectFrom("portfolio_references")
      .select([
        "id",
        "name",
        "email",
        "phone",
        "organisation",
        "relationship",
        "requested_at",
        "answered_at",
        "confirmed",
        "statement",
      ])
      .where("portfolio_id", "=", portfolioId)
      .orderBy("position")
      .orderBy("id")
      .execute(),
  ]);
  return portfolio ? { portfolio, projects, files, references } : undefined;
}

/** The member's portfolio for a requirement (or none yet), with the panel's progress and any appeal. */
export async function getMyPortfolio({ userId, requirementKey }: { userId: number; requirementKey: string }) {
  const requirement = await getPortfolioRequirement(db, requirementKey);
  if (!requirement) return undefined;
  const row = await db
    .selectFrom("portfolios")
    .select("id")
    .where("user_id", "=", userId)
    .where("requirement_id", "=", requirement.id)
    .executeTakeFirst();
  const loaded = row ? await loadPortfolio(db, row.id) : undefined;
  const [reviews, appeal] = row
    ? await Promise.all([
        db
          .selectFrom("portfolio_reviews")
          .select((eb) => [
            eb.fn.countAll<number>().as("assigned"),
            eb.fn.count<number>("submitted_at").as("submitted"),
          ])
          .where("portfolio_id", "=", row.id)
          .executeTakeFirstOrThrow(),
        db
          .selectFrom("appeals")
          .select(["id", "status", "decision_reason"])
          .where("user_id", "=", userId)
          .where("subject_type", "=", "portfolio")
          .where("subject_id", "=", row.id)
          .orderBy("id", "desc")
          .executeTakeFirst(),
      ])
    : [undefined, undefined];
  return {
    requirement,
    ...(loaded
      ? {
          ...loaded,
          // a reference's own words are for the panel; the member sees who answered
          references: loaded.references.map(({ statement: _statement, ...r }) => r),
        }
      : { portfolio: null, projects: [], files: [], references: [] }),
    reviews: { assigned: Number(reviews?.assigned ?? 0), submitted: Number(reviews?.submitted ?? 0) },
    appeal: appeal ?? null,
  };
}

type Save = {
  userId: number;
  requirementKey: string;
  projects: ProjectInput[];
  references: ReferenceInput[];
  files: File[];
  /** evidence files of the draft to take out */
  removeFileIds?: number[];
  submit: boolean;
};

/**
 * Saves the draft (projects and references replace the earlier ones, files are added), and with
 * `submit` sends it to the panel. A submission that lacks something is still saved as a draft and
 * refused with the sentence saying what is missing, so nothing typed or attached is lost.
 */
export async function savePortfolio(input: Save): Promise<Result<{ portfolioId: number; submitted: boolean }>> {
  const requirement = await getPortfolioRequirement(db, input.requirementKey);
  if (!requirement) return fail(404, "portfolio.errors.notFound");
  const files = input.files.filter((f) => f.size > 0 || f.name);
  const stored: StoredEvidence[] = [];
  // files are checked and written before the transaction; a refusal removes the ones already written
  for (const file of files) {
    const s = await storeEvidence({ userId: input.userId, file, folder: "portfolios" });
    if (!s.ok) {
      await deleteEvidence(stored.map((f) => f.key));
      return s;
    }
    stored.push(s.stored);
  }
  const removed: string[] = [];
  let filesKept = false;
  try {
    const result = await db.transaction().execute(async (trx) => {
      await trx
        .insertInto("portfolios")
        .values({ user_id: input.userId, requirement_id: requirement.id })
        .onConflict((oc) => oc.columns(["user_id", "requirement_id"]).doNothing())
        .execute();
      const p = await trx
        .selectFrom("portfolios")
        .select(["id", "status"])
        .where("user_id", "=", input.userId)
        .where("requirement_id", "=", requirement.id)
        .forUpdate()
        .executeTakeFirstOrThrow();
      if (p.status !== "draft") return fail(409, "portfolio.errors.alreadySubmitted");
      if (input.removeFileIds?.length) {
        const gone = await trx
          .deleteFrom("portfolio_files")
          .where("portfolio_id", "=", p.id)
          .where("id", "in", input.removeFileIds)
          .returning("file_key")
          .execute();
        removed.push(...gone.map((g) => g.file_key));
      }
      const already = await trx
        .selectFrom("portfolio_files")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("portfolio_id", "=", p.id)
        .executeTakeFirstOrThrow();
      if (Number(already.n) + stored.length > MAX_FILES)
        return fail(
          422,
          "portfolio.errors.tooManyFiles",
          { files: "portfolio.errors.tooManyFiles" },
          { max: MAX_FILES },
        );
      await trx.deleteFrom("portfolio_projects").where("portfolio_id", "=", p.id).execute();
      if (input.projects.length)
        await trx
          .insertInto("portfolio_projects")
          .values(input.projects.map((x, i) => ({ portfolio_id: p.id, ...x, position: i })))
          .execute();
      await trx.deleteFrom("portfolio_references").where("portfolio_id", "=", p.id).execute();
      if (input.references.length)
        await trx
          .insertInto("portfolio_references")
          .values(
            input.references.map((r, i) => ({
              portfolio_id: p.id,
              name: r.name,
              email: r.email,
              phone: r.phone || null,
              organisation: r.organisation,
              relationship: r.relationship,
              position: i,
            })),
          )
          .execute();
      if (stored.length)
        await trx
          .insertInto("portfolio_files")
          .values(
            stored.map((f) => ({
              portfolio_id: p.id,
              file_key: f.key,
              file_name: f.fileName,
              content_type: f.type,
              size: f.size,
            })),
          )
          .execute();
      filesKept = true;
      await trx.updateTable("portfolios").set({ updated_at: new Date() }).where("id", "=", p.id).execute();
      if (!input.submit) return ok({ portfolioId: p.id, submitted: false });

      const fileCount = Number(already.n) + stored.length;
      const minReferences = requirement.params.references;
      if (!input.projects.length)
        return fail(422, "portfolio.errors.needProject", { "project.0.title": "portfolio.errors.needProject" });
      if (!fileCount) return fail(422, "portfolio.errors.needFile", { files: "portfolio.errors.needFile" });
      if (input.references.length < minReferences)
        return fail(
          422,
          "portfolio.errors.needReferences",
          { [`reference.${input.references.length}.name`]: "portfolio.errors.needReferences" },
          { count: minReferences },
        );
      const now = new Date();
      await trx
        .updateTable("portfolios")
        .set({ status: "submitted", submitted_at: now, updated_at: now })
        .where("id", "=", p.id)
        .execute();
      const refs = await trx.selectFrom("portfolio_references").select("id").where("portfolio_id", "=", p.id).execute();
      for (const r of refs) await enqueue(trx, "portfolio.reference_request", { referenceId: r.id });
      await recordAudit(trx, {
        actorId: input.userId,
        action: "portfolio.submit",
        targetType: "portfolio",
        targetId: p.id,
        after: { projects: input.projects.length, files: fileCount, references: refs.length },
      });
      const member = await trx
        .selectFrom("users")
        .select("display_name")
        .where("id", "=", input.userId)
        .executeTakeFirstOrThrow();
      for (const s of await listStaffRecipients(trx))
        await notify(trx, {
          userId: s.id,
          kind: "application",
          actorId: input.userId,
          data: {
            text: message("portfolio.notify.submitted", { name: member.display_name }),
            href: `/admin/portfolios/${p.id}`,
          },
          sourceKey: `portfolio-submitted:${p.id}`,
        });
      return ok({ portfolioId: p.id, submitted: true });
    });
    // a refusal before anything was written leaves the new files unused; removed files go after commit
    if (!filesKept) await deleteEvidence(stored.map((f) => f.key));
    await deleteEvidence(removed);
    return result;
  } catch (e) {
    await deleteEvidence(stored.map((f) => f.key));
    throw e;
  }
}

/** An evidence file for a viewer allowed to see its portfolio (member, staff, assigned reviewer). */
export async function readPortfolioFile({ scope, fileId }: { scope: Scope; fileId: number }) {
  const f = await db
    .selectFrom("portfolio_files as f")
    .innerJoin("portfolios as p", "p.id", "f.portfolio_id")
    .select(["f.file_key", "f.file_name", "f.content_type", "p.user_id", "p.id as portfolio_id"])
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom("portfolio_reviews as v")
            .select("v.id")
            .whereRef("v.portfolio_id", "=", "p.id")
            .where("v.reviewer_id", "=", scope.userId ?? 0),
        )
        .as("assigned"),
    )
    .where("f.id", "=", fileId)
    .executeTakeFirst();
  if (!f || !canSeePortfolio(scope, { userId: f.user_id, assignedReviewer: !!f.assigned })) return undefined;
  const body = await readEvidence(f.file_key);
  return body ? { body, fileName: f.file_name, contentType: f.content_type } : undefined;
}
