import { z } from "zod";
import { DEFAULT_TRUSTED_PROXIES, parseTrustedProxies } from "./trusted-proxies.server";

const bool = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "a postgres:// URL"),
  MEILI_URL: z.string().url("an http(s) URL").optional(),
  // the app's key: a scoped key (search, documents, index settings); the master key still works
  MEILI_API_KEY: z.string().min(16, "at least 16 characters").optional(),
  MEILI_MASTER_KEY: z.string().min(16, "at least 16 characters").optional(),
  MEILI_INDEX_PREFIX: z
    .string()
    .regex(/^[a-z0-9_]*$/, "lowercase letters, digits and _")
    .default(""),
  APP_ORIGIN: z.string().url("an origin such as https://touchpoints.example").optional(),
  COOKIE_SECURE: bool.optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "an smtp:// or smtps:// URL")
    .optional(),
  MAIL_FROM: z.string().min(3).default("Touchpoints <no-reply@touchpoints.local>"),
  DATA_DIR: z.string().min(1).default(".data"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  JOBS: z.enum(["on", "off"]).default("on"),
  // web processes sharing the port (scripts/server/web-processes.ts); one unless set
  WEB_PROCESSES: z.coerce.number().int().min(1).max(64).optional(),
  // load shedding (scripts/server/load-shed.ts): requests inside the app at once (0: no limit), and the
  // longest a request waits for a place before it is answered 503 with Retry-After
  SHED_CONCURRENCY: z.coerce.number().int().min(0).max(10_000).default(8),
  SHED_QUEUE_MS: z.coerce.number().int().min(1).max(60_000).default(500),
  // the in-process shared cache (scripts/server/shared-cache.ts); off when nginx or a CDN keeps pages instead
  SHARED_CACHE: z.enum(["on", "off"]).default("on"),
  // peers whose X-Forwarded-* headers are believed (app/trusted-proxies.server.ts)
  TRUSTED_PROXIES: z
    .string()
    .default(DEFAULT_TRUSTED_PROXIES)
    .superRefine((v, ctx) => {
      const parsed = parseTrustedProxies(v);
      if (parsed.ok) return;
      const list = "a comma-separated list of addresses and CIDR ranges";
      const message = `${list} such as 10.0.0.0/8, 2001:db8::/32, or loopback or none ("${parsed.entry}" is neither)`;
      ctx.addIssue({ code: "custom", message });
    }),
  // uploads go to S3-compatible storage when S3_BUCKET is set (else DATA_DIR/uploads)
  S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "an S3 bucket name")
    .optional(),
  S3_ENDPOINT: z.string().url("an http(s) URL such as https://s3.eu-west-1.amazonaws.com").optional(),
  S3_REGION: z.string().min(1).default("us-east-1"),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  // the LinkedIn company page id of the issuer: "Add to LinkedIn" then shows its logo
  LINKEDIN_ORGANIZATION_ID: z
    .string()
    .regex(/^\d{1,20}$/, "the numeric id of a LinkedIn company page")
    .optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  // signs unsubscribe links and reply-by-email addresses (app/models/account/mail-token.server.ts); when unset,
  // a secret generated once is kept in the database
  MAIL_TOKEN_SECRET: z.string().min(32, "at least 32 characters (openssl rand -hex 32)").optional(),
  // the inbound SMTP listener for replies by email (app/inbound-mail.server.ts): off when unset in production
  INBOUND_SMTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  INBOUND_SMTP_HOST: z.string().min(1).default("127.0.0.1"),
  // the domain of reply addresses (reply+<token>@domain); defaults to APP_ORIGIN's host
  INBOUND_MAIL_DOMAIN: z
    .string()
    .regex(/^[a-z0-9.-]+$/i, "a domain name such as reply.touchpoints.example")
    .optional(),
  // two-factor secrets are encrypted at rest with it when set (32 bytes: 64 hex characters)
  TWO_FACTOR_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, "32 bytes written as 64 hex characters (openssl rand -hex 32)")
    .optional(),
  // Web Push (app/models/account/push.server.ts): the VAPID key pair (npx web-push generate-vapid-keys);
  // unset, a pair is generated at first start and kept in the database. The subject is who push services
  // may contact: a mailto: or https: URL (default: APP_ORIGIN when https, else MAIL_FROM's address)
  VAPID_PUBLIC_KEY: z
    .string()
    .regex(/^[A-Za-z0-9_-]{87}$/, "a P-256 public key in URL-safe base64 (87 characters)")
    .optional(),
  VAPID_PRIVATE_KEY: z
    .string()
    .regex(/^[A-Za-z0-9_-]{43}$/, "a P-256 private key in URL-safe base64 (43 characters)")
    .optional(),
  VAPID_SUBJECT: z
    .string()
    .regex(/^(mailto:\S(?=\S*@\S)\S+|https:\/\/\S+)$/, "a mailto: or https: URL")
    .optional(),
  // push endpoints accepted besides the browsers' push services (host[:port], comma-separated); http is
  // accepted only for these, for a test or a self-hosted push relay
  PUSH_ENDPOINT_HOSTS: z.string().default(""),
});

export type Env = z.infer<typeof EnvSchema> & { COOKIE_SECURE: boolean; APP_ORIGIN: string };

/** Parses the environment once; a bad value stops start-up with one sentence naming the variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ""));
  const result = EnvSchema.safeParse(cleaned);
  if (!result.success) {
    const issue = result.error.issues[0];
    const name = String(issue.path[0] ?? "environment");
    throw new EnvError(
      `Environment variable ${name} is invalid: expected ${issue.message.replace(/^Invalid input: /, "")}` +
        ` (got ${JSON.stringify(source[name] ?? null)}).`,
    );
  }
  const env = result.data;
  if (env.S3_BUCKET) {
    for (const name of ["S3_ENDPOINT", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"] as const) {
      if (!env[name])
        throw new EnvError(`Environment variable ${name} is missing: it is needed because S3_BUCKET is set.`);
    }
  }
  if (!env.VAPID_PUBLIC_KEY !== !env.VAPID_PRIVATE_KEY) {
    const missing = env.VAPID_PUBLIC_KEY ? "VAPID_PRIVATE_KEY" : "VAPID_PUBLIC_KEY";
    throw new EnvError(`Environment variable ${missing} is missing: the VAPID keys are set as a pair.`);
  }
  return {
    ...env,
    COOKIE_SECURE: env.COOKIE_SECURE ?? env.NODE_ENV === "production",
    APP_ORIGIN: env.APP_ORIGIN ?? `http://localhost:${env.PORT}`,
  };
}

export class EnvError extends Error {}

let cached: Env | undefined;
export function env(): Env {
  if (!cached) cached = parseEnv(process.env);
  return cached;
}
