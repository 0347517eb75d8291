// Shared by the two-factor forms and their actions (browser-safe). Messages are i18n keys.
import { z } from "zod";

/** A six-digit code or a recovery code, as typed (spaces and dashes allowed). */
export const SecondStepSchema = z.object({
  code: z
    .string({ error: "twoFactor.errors.codeMissing" })
    .trim()
    .min(1, "twoFactor.errors.codeMissing")
    .max(64, "twoFactor.errors.codeWrong"),
});

export const TwoFactorSettingsSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("start") }),
  z.object({ intent: z.literal("cancel") }),
  z.object({
    intent: z.literal("confirm"),
    code: z.string().trim().min(1, "twoFactor.errors.codeMissing").max(64, "twoFactor.errors.codeWrong"),
  }),
  z.object({
    intent: z.literal("regenerate"),
    confirm: z.string().min(1, "twoFactor.errors.confirmMissing").max(200, "twoFactor.errors.confirmWrong"),
  }),
  z.object({
    intent: z.literal("disable"),
    confirm: z.string().min(1, "twoFactor.errors.confirmMissing").max(200, "twoFactor.errors.confirmWrong"),
  }),
]);
