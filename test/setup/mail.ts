// Mail the app wrote to DATA_DIR/mail (SMTP_URL unset): read one as text, or wait for one to arrive.
import fs from "node:fs";
import path from "node:path";
import { mailDir } from "~/mail.server";

/** A mail file's text: quoted-printable decoded, so non-ASCII quotes and long lines read as written. */
export function mailText(file: string) {
  const raw = fs.readFileSync(file, "latin1").replace(/=\r?\n/g, "");
  return Buffer.from(
    raw.replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16))),
    "latin1",
  ).toString("utf8");
}

/** The text of the first mail whose file name starts with `prefix` and names `email`, once it is written. */
export async function waitForMailFile(prefix: string, email: string, timeoutMs = 20_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const files = fs.existsSync(mailDir())
      ? fs.readdirSync(mailDir()).filter((f) => f.startsWith(prefix) && f.includes(email))
      : [];
    if (files.length) return mailText(path.join(mailDir(), files[0]));
    if (Date.now() > deadline) throw new Error(`no ${prefix} mail to ${email}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Every mail written to `email`, as one text (empty when none): privacy tests look for words absent from it. */
export function mailsTo(email: string): string {
  const dir = mailDir();
  if (!fs.existsSync(dir)) return "";
  return fs
    .readdirSync(dir)
    .filter((f) => f.includes(email.replace(/[^a-zA-Z0-9@._-]/g, "_")))
    .map((f) => fs.readFileSync(path.join(dir, f), "utf8"))
    .join("\n");
}
