// The passkey forms and their actions (browser-safe). Messages are i18n keys.
import { z } from "zod";

/** What @simplewebauthn/browser answered, as JSON text (app/models/account/passkeys.server.ts checks it). */
const responseJson = z.string().min(2, "passkeys.errors.failed").max(20_000, "passkeys.errors.failed");

export const PasskeySignInSchema = z.object({ intent: z.literal("passkey"), response: responseJson });

export const PasskeySettingsSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("passkey-options") }),
  z.object({
    intent: z.literal("passkey-add"),
    name: z.string().trim().min(1, "passkeys.errors.nameMissing").max(60, "passkeys.errors.nameTooLong"),
    response: responseJson,
  }),
  z.object({
    intent: z.literal("passkey-remove"),
    passkeyId: z.coerce
      .number()
      .int()
      .positive()
      .max(2 ** 53),
    confirm: z.string().min(1, "twoFactor.errors.confirmMissing").max(200, "twoFactor.errors.confirmWrong"),
  }),
]);

export const PASSKEY_INTENTS = ["passkey-options", "passkey-add", "passkey-remove"];
