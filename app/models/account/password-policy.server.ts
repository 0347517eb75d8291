import { createRequire } from "node:module";

// Mozilla's list of the 50,000 most common passwords (fxa-common-password-list), loaded once.
let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  if (!common) {
    const require = createRequire(import.meta.url);
    const { Decoder } = require("incremental-encoder").default;
    const encoded: string = require("fxa-common-password-list/src/encoded-passwords");
    common = new Set<string>(new Decoder().decode(encoded.split("\n")));
  }
  return common;
}

/** An i18n key saying what is wrong with the password, or null when it is acceptable. */
export function passwordProblem(password: string, personal: { username?: string; email?: string } = {}): string | null {
  if (password.length < 10) return "signup.errors.passwordShort";
  if (password.length > 200) return "signup.errors.passwordLong";
  const lower = password.toLowerCase();
  if (commonPasswords().has(password) || commonPasswords().has(lower)) return "signup.errors.passwordCommon";
  if (/^(.)\1+$/.test(password)) return "signup.errors.passwordCommon";
  const local = personal.email?.split("@")[0]?.toLowerCase();
  if (
    (personal.username && personal.username.length >= 3 && lower.includes(personal.username.toLowerCase())) ||
    (local && local.length >= 4 && lower.includes(local))
  )
    return "signup.errors.passwordPersonal";
  return null;
}
