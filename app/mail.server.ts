import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Transporter } from "nodemailer";
import { env } from "./env.server";
import { logger } from "./logger.server";

/**
 * `key` names a mail that must go out once (e.g. "notification-42"): a job retried after a crash
 * between sending and committing sends it again under the same Message-ID (receivers drop the
 * repeat) and, without SMTP, overwrites the same file rather than writing a second one.
 */
export type Mail = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  key?: string;
  headers?: Record<string, string>;
};

// nodemailer is loaded with the first mail, not with the app (about 0.2 s of CPU at every start)
let transport: Promise<Transporter> | undefined;

function getTransport(): Promise<Transporter> {
  transport ??= import("nodemailer").then(({ default: nodemailer }) => {
    const { SMTP_URL } = env();
    return SMTP_URL
      ? nodemailer.createTransport(SMTP_URL)
      : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  });
  return transport;
}

export function mailDir() {
  return path.resolve(env().DATA_DIR, "mail");
}

/** Sends through SMTP when SMTP_URL is set; otherwise writes an .eml file under DATA_DIR/mail. */
export async function sendMail(mail: Mail): Promise<void> {
  const { key, ...message } = mail;
  const messageId = key ? `<${key}@${new URL(env().APP_ORIGIN).hostname}>` : undefined;
  const mailer = await getTransport();
  const info = await mailer.sendMail({
    from: env().MAIL_FROM,
    ...message,
    ...(messageId ? { messageId } : {}),
  });
  if (!env().SMTP_URL) {
    const dir = mailDir();
    fs.mkdirSync(dir, { recursive: true });
    const safeTo = mail.to.replace(/[^a-zA-Z0-9@._-]/g, "_");
    const file = path.join(
      dir,
      key
        ? `${key.replace(/[^a-zA-Z0-9_-]/g, "_")}-${safeTo}.eml`
        : `${new Date().toISOString().replace(/[:.]/g, "-")}-${safeTo}.eml`,
    );
    // written whole, then named: whoever watches the folder (a test, a developer's mail viewer) never reads half a mail
    const partial = path.join(dir, `.${randomUUID()}.partial`);
    fs.writeFileSync(partial, (info as unknown as { message: Buffer }).message);
    fs.renameSync(partial, file);
    logger.info({ to: mail.to, subject: mail.subject, file }, "mail written to file (SMTP_URL unset)");
  } else {
    logger.info({ to: mail.to, subject: mail.subject }, "mail sent");
  }
}
