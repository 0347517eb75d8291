// Mentorship notifications: in the recipient's language, pointing at the mentorship page.
import type { Db } from "../../db.server";
import { notify } from "../account/notification.server";
import { message } from "../account/notification-text";

export async function tell(
  trx: Db,
  userId: number,
  key: string,
  values: Record<string, string | number>,
  href: string,
  sourceKey: string,
  actorId: number | null = null,
) {
  const u = await trx.selectFrom("users").select(["locale", "deleted_at"]).where("id", "=", userId).executeTakeFirst();
  if (!u || u.deleted_at) return;
  await notify(trx, {
    userId,
    kind: "mentorship",
    actorId,
    sourceKey,
    data: { text: message(`mentorship.notify.${key}`, values), href },
  });
}

export const nameOf = async (trx: Db, userId: number) =>
  (await trx.selectFrom("users").select("display_name").where("id", "=", userId).executeTakeFirstOrThrow())
    .display_name;
