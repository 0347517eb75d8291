// The language switch: a member's choice is their setting (users.locale, which also sets the language
// of their emails); a visitor's is a cookie. "auto" goes back to the browser's Accept-Language.
import { z } from "zod";
import { db } from "../../db.server";
import { env } from "../../env.server";
import { LOCALE_COOKIE, localeCookie, supportedLocales } from "../../locale";

export const LanguageSchema = z.object({
  locale: z.enum([...supportedLocales, "auto"]),
  returnTo: z.string().max(2000).optional(),
});
export type LanguageChoice = z.infer<typeof LanguageSchema>["locale"];

/** Saves the choice; returns the Set-Cookie header that goes with it. */
export async function chooseLanguage(userId: number | null, locale: LanguageChoice): Promise<string> {
  if (userId !== null)
    await db
      .updateTable("users")
      .set({ locale: locale === "auto" ? null : locale })
      .where("id", "=", userId)
      .execute();
  const secure = env().COOKIE_SECURE;
  return locale === "auto"
    ? `${LOCALE_COOKIE}=; Path=/; Max-Age=0; SameSite=Lax${secure ? "; Secure" : ""}`
    : localeCookie(locale, secure);
}
