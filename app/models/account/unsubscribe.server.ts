// One-click unsubscribe (RFC 8058): the signed token names the member and the kind of mail; GET shows
// what it would stop, POST stops it. No session: the token is the key to this one act. Idempotent.
import { db } from "../../db.server";
import { NOTIFICATION_KINDS, type NotificationKind } from "./notification.schema";
import { readUnsubscribeToken, type UnsubscribeKind } from "./mail-token.server";

async function isOff(userId: number, kind: UnsubscribeKind) {
  if (kind === "digest") {
    const u = await db.selectFrom("users").select("digest").where("id", "=", userId).executeTakeFirst();
    return u?.digest === "never";
  }
  const row = await db
    .selectFrom("notification_settings")
    .select("delivery")
    .where("user_id", "=", userId)
    .where("kind", "=", kind)
    .executeTakeFirst();
  return row?.delivery === "never";
}

/** What a token would unsubscribe from, and whether it already has; undefined for a bad token or a gone member. */
export async function getUnsubscribe({ token }: { token: string }) {
  const read = await readUnsubscribeToken(token);
  if (!read) return undefined;
  const user = await db
    .selectFrom("users")
    .select("id")
    .where("id", "=", read.userId)
    .where("deleted_at", "is", null)
    .executeTakeFirst();
  if (!user) return undefined;
  return { kind: read.kind, done: await isOff(read.userId, read.kind) };
}

export async function unsubscribe({ token }: { token: string }) {
  const found = await getUnsubscribe({ token });
  if (!found) return undefined;
  const { userId } = (await readUnsubscribeToken(token))!;
  if (found.kind === "digest") {
    await db.updateTable("users").set({ digest: "never" }).where("id", "=", userId).execute();
  } else if ((NOTIFICATION_KINDS as readonly string[]).includes(found.kind)) {
    await db
      .insertInto("notification_settings")
      .values({ user_id: userId, kind: found.kind as NotificationKind, delivery: "never" })
      .onConflict((oc) => oc.columns(["user_id", "kind"]).doUpdateSet({ delivery: "never" }))
      .execute();
  }
  return { kind: found.kind, done: true };
}
