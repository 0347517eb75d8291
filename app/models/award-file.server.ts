// Evidence files of award nominations. A file is judged by its content, never its name or declared
// type: a PDF must start with "%PDF-", an image must be JPEG, PNG or WebP by its first bytes
// (sniffImage, as for profile photos). Files are stored under DATA_DIR/uploads/awards with a random
// key and served only through /awards/files/:id, which asks the permissions module first.
import { randomBytes } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { sniffImage, uploadsDir } from "./photo.server";
import { fail, ok, type Result } from "./result";

export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;
const KEY_RE = /^awards\/[0-9]+-[A-Za-z0-9_-]{16,40}$/;

export type EvidenceType = "application/pdf" | "image/png" | "image/jpeg" | "image/webp";

export function sniffEvidence(b: Uint8Array): EvidenceType | null {
  if (b.length >= 5 && String.fromCharCode(...b.slice(0, 5)) === "%PDF-") return "application/pdf";
  const image = sniffImage(b);
  return image ? (`image/${image}` as EvidenceType) : null;
}

/** A file name safe to show and to send in Content-Disposition. */
export function cleanFileName(name: string, type: EvidenceType): string {
  const ext = type === "application/pdf" ? "pdf" : type.slice(6).replace("jpeg", "jpg");
  const base = name
    .replace(/\.[A-Za-z0-9]{1,5}$/, "")
    .replace(/[^\p{L}\p{N} ._-]+/gu, "")
    .trim()
    .slice(0, 80);
  return `${base || "evidence"}.${ext}`;
}

export type StoredEvidence = { key: string; fileName: string; type: EvidenceType; size: number };

/** Checks and writes one evidence file; nothing is written when it is refused. */
export async function storeEvidence({ userId, file }: { userId: number; file: File }): Promise<Result<{ stored: StoredEvidence }>> {
  if (file.size === 0) return fail(422, "awards.errors.fileEmpty", { files: "awards.errors.fileEmpty" });
  if (file.size > EVIDENCE_MAX_BYTES) return fail(413, "awards.errors.fileTooBig", { files: "awards.errors.fileTooBig" }, { name: file.name.slice(0, 80) });
  const data = new Uint8Array(await file.arrayBuffer());
  const type = sniffEvidence(data);
  if (!type) return fail(415, "awards.errors.fileType", { files: "awards.errors.fileType" }, { name: file.name.slice(0, 80) });
  const key = `awards/${userId}-${randomBytes(18).toString("base64url")}`;
  await mkdir(path.join(uploadsDir(), "awards"), { recursive: true });
  const final = path.join(uploadsDir(), key);
  await writeFile(`${final}.tmp`, data);
  await rename(`${final}.tmp`, final);
  return ok({ stored: { key, fileName: cleanFileName(file.name, type), type, size: data.byteLength } });
}

export async function readEvidence(key: string): Promise<Buffer | null> {
  if (!KEY_RE.test(key)) return null;
  try {
    return await readFile(path.join(uploadsDir(), key));
  } catch {
    return null;
  }
}

export async function deleteEvidence(keys: string[]) {
  await Promise.all(keys.filter((k) => KEY_RE.test(k)).map((k) => rm(path.join(uploadsDir(), k), { force: true })));
}
