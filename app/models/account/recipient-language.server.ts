// Texts written for someone else (notifications, emails) go out in *their* language: their setting,
// else English (there is no Accept-Language when a job or another member's action writes to them).
import type { TFunction } from "i18next";
import type { Db } from "../../db.server";
import { pickLocale, sharedI18n, type Locale } from "../../i18n";

export async function localeOfUser(conn: Db, userId: number): Promise<Locale> {
  const row = await conn.selectFrom("users").select("locale").where("id", "=", userId).executeTakeFirst();
  return pickLocale(row?.locale, null);
}

/** The translation function in a member's language. */
export async function translatorFor(conn: Db, userId: number): Promise<TFunction> {
  return sharedI18n(await localeOfUser(conn, userId)).t;
}
