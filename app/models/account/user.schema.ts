// Shared by the sign-up form and its action (browser-safe). Messages are i18n keys.
import { z } from "zod";

export const USERNAME_RE = /^[A-Za-z0-9_]{3,30}$/;

export const SignupSchema = z.object({
  email: z
    .string({ error: "signup.errors.email" })
    .trim()
    .max(254, "signup.errors.emailTooLong")
    .pipe(z.email("signup.errors.email")),
  username: z.string({ error: "signup.errors.username" }).trim().regex(USERNAME_RE, "signup.errors.username"),
  displayName: z
    .string({ error: "signup.errors.displayName" })
    .trim()
    .min(1, "signup.errors.displayName")
    .max(80, "signup.errors.displayName"),
  password: z
    .string({ error: "signup.errors.passwordShort" })
    .min(10, "signup.errors.passwordShort")
    .max(200, "signup.errors.passwordLong"),
});
export type SignupInput = z.infer<typeof SignupSchema>;

export const LoginSchema = z.object({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(200),
  redirectTo: z.string().max(500).optional(),
});

export const ForgotSchema = z.object({
  email: z.string().trim().max(254).pipe(z.email("signup.errors.email")),
});

export const ResetSchema = z.object({
  password: z.string().min(10, "signup.errors.passwordShort").max(200, "signup.errors.passwordLong"),
});

/** /my/security: change the password, end one session, or end them all. */
export const SecurityActionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("password"),
    currentPassword: z
      .string()
      .min(1, "accountSecurity.errors.currentMissing")
      .max(200, "accountSecurity.errors.current"),
    password: z.string().min(10, "signup.errors.passwordShort").max(200, "signup.errors.passwordLong"),
  }),
  z.object({ intent: z.literal("end"), session: z.string().max(100) }),
  z.object({ intent: z.literal("everywhere") }),
]);
