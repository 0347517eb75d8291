// A portfolio's references: the mail with a tokenised link (sent by the worker once the portfolio is
// submitted; only the token's hash is kept), what the reference sees behind it, and their answer,
// given once, no account needed. The member is told; the statement is for the panel.
import { createHash, randomBytes } from "node:crypto";
import { db, type Db } from "../../db.server";
import { env } from "../../env.server";
import { isLocale, sharedI18n } from "../../i18n";
import { sendMail } from "../../mail.server";
import { message } from "../account/notification-text";
import { notify } from "../account/notification.server";
import { fail, ok, type Result } from "../shared/result";

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

/**
 * The worker's half of a reference request: a fresh token (only its hash is kept) and the mail with
 * the link, in the member's language. A request already answered is not sent again.
 */
export async function deliverReferenceRequest(trx: Db, { referenceId }: { referenceId: number }) {
  const r = await trx
    .selectFrom("portfolio_references as f")
    .innerJoin("portfolios as p", "p.id", "f.portfolio_id")
    .innerJoin("users as u", "u.id", "p.user_id")
    .select(["f.id", "f.name", "f.email", "f.answered_at", "u.display_name", "u.locale", "p.status"])
    .where("f.id", "=", referenceId)
    .executeTakeFirst();
  if (!r || r.answered_at || r.status !== "submitted") return;
  const token = randomBytes(32).toString("base64url");
  await trx
    .updateTable("portfolio_references")
    .set({ token_hash: sha256(token), requested_at: new Date() })
    .where("id", "=", r.id)
    .execute();
  const { t } = sharedI18n(isLocale(r.locale) ? r.locale : "en");
  await sendMail({
    key: `portfolio-reference-${r.id}`,
    to: r.email,
    subject: t("portfolio.mail.subject", { member: r.display_name }),
    text: t("portfolio.mail.body", {
      name: r.name,
      member: r.display_name,
      url: `${env().APP_ORIGIN}/references/${token}`,
    }),
  });
}

/** What a reference sees behind their link: who asks, about which projects, and whether they answered. */
export async function getReferenceRequest(token: string) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
  const r = await db
    .selectFrom("portfolio_references as f")
    .innerJoin("portfolios as p", "p.id", "f.portfolio_id")
    .innerJoin("users as u", "u.id", "p.user_id")
    .select([
      "f.id",
      "f.name",
      "f.relationship",
      "f.organisation",
      "f.answered_at",
      "f.confirmed",
      "p.id as portfolio_id",
      "p.status",
      "u.display_name as member",
      "u.locale",
    ])
    .where("f.token_hash", "=", sha256(token))
    .executeTakeFirst();
  if (!r) return undefined;
  const projects = await db
    .selectFrom("portfolio_projects")
    .select(["title", "description"])
    .where("portfolio_id", "=", r.portfolio_id)
    .orderBy("position")
    .execute();
  return { ...r, projects };
}

/** The reference's answer, once; the member is told (without the statement, which is for the panel). */
export async function answerReference({
  token,
  answer,
  statement,
}: {
  token: string;
  answer: "confirm" | "decline";
  statement: string;
}): Promise<Result<{ confirmed: boolean }>> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return fail(404, "portfolio.errors.linkUnknown");
  return db.transaction().execute(async (trx) => {
    const r = await trx
      .selectFrom("portfolio_references as f")
      .innerJoin("portfolios as p", "p.id", "f.portfolio_id")
      .select(["f.id", "f.name", "f.answered_at", "p.id as portfolio_id", "p.user_id", "p.status"])
      .where("f.token_hash", "=", sha256(token))
      .forUpdate()
      .executeTakeFirst();
    if (!r) return fail(404, "portfolio.errors.linkUnknown");
    if (r.answered_at) return fail(409, "portfolio.errors.alreadyAnswered");
    if (r.status !== "submitted") return fail(409, "portfolio.errors.closed");
    const confirmed = answer === "confirm";
    await trx
      .updateTable("portfolio_references")
      .set({ answered_at: new Date(), confirmed, statement: statement || null })
      .where("id", "=", r.id)
      .execute();
    await notify(trx, {
      userId: r.user_id,
      kind: "progress",
      data: {
        text: message(confirmed ? "portfolio.notify.confirmed" : "portfolio.notify.declinedReference", {
          name: r.name,
        }),
        href: "/progress",
      },
      sourceKey: `portfolio-reference:${r.id}`,
    });
    return ok({ confirmed });
  });
}
