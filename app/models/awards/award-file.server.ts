// Evidence files of award nominations, checked by the file intake: an image (JPEG, PNG, WebP or
// GIF by content) is measured from its header, refused above the pixel limit, and re-encoded
// without its metadata (a GIF becomes a PNG of its first frame); a PDF is kept as sent when it
// parses and holds nothing active (scripts, launch actions, embedded files). Anything else is
// refused with the list of accepted types. Files go through the file store (DATA_DIR/uploads/awards
// or the S3 bucket) under a random key and are served only through /awards/files/:id, which asks
// the permissions module first.
import { randomBytes } from "node:crypto";
import { fileStore } from "../../storage.server";
import { checkPdf, cleanImage, inspectImage, isPdf, type Problem } from "../shared/file-intake.server";
import { fail, ok, type Result } from "../shared/result";

export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;
// portfolios (issue 26) keep their evidence the same way, in their own folder
const KEY_RE = /^(?:awards|portfolios)\/[0-9]+-[A-Za-z0-9_-]{16,40}$/;
const IMAGE_KINDS = ["jpeg", "png", "webp", "gif"] as const;

export type EvidenceType = "application/pdf" | "image/png" | "image/jpeg" | "image/webp";

/** A file name safe to show and to send in Content-Disposition, with the extension of what is stored. */
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

/** The sentence for a refused file (awards.errors.*), naming the file. */
function refuse(name: string, p: Problem) {
  const file = { name: name.slice(0, 80) };
  switch (p.problem) {
    case "type":
      return fail(415, "awards.errors.fileType", { files: "awards.errors.fileType" }, file);
    case "tooLarge":
      return fail(
        422,
        "awards.errors.fileImageTooLarge",
        { files: "awards.errors.fileImageTooLarge" },
        { ...file, width: p.width, height: p.height, maxPixels: p.maxPixels, maxSide: p.maxSide },
      );
    case "pdfActive":
      return fail(422, "awards.errors.pdfActive", { files: "awards.errors.pdfActive" }, file);
    case "pdfUnreadable":
      return fail(422, "awards.errors.pdfUnreadable", { files: "awards.errors.pdfUnreadable" }, file);
    default:
      return fail(422, "awards.errors.imageUnreadable", { files: "awards.errors.imageUnreadable" }, file);
  }
}

/** Checks (and for images cleans) one evidence file, then writes it; nothing is written when it is refused. */
export async function storeEvidence({
  userId,
  file,
  folder = "awards",
}: {
  userId: number;
  file: File;
  folder?: "awards" | "portfolios";
}): Promise<Result<{ stored: StoredEvidence }>> {
  if (file.size === 0) return fail(422, "awards.errors.fileEmpty", { files: "awards.errors.fileEmpty" });
  if (file.size > EVIDENCE_MAX_BYTES)
    return fail(
      413,
      "awards.errors.fileTooBig",
      { files: "awards.errors.fileTooBig" },
      { name: file.name.slice(0, 80) },
    );
  const data = new Uint8Array(await file.arrayBuffer());
  let body: Uint8Array;
  let type: EvidenceType;
  if (isPdf(data)) {
    const checked = await checkPdf(data);
    if (!checked.ok) return refuse(file.name, checked);
    [body, type] = [data, "application/pdf"];
  } else {
    const image = await inspectImage(data, { kinds: IMAGE_KINDS });
    if (!image.ok) return refuse(file.name, image);
    const clean = await cleanImage(image);
    if (!clean.ok) return refuse(file.name, clean);
    [body, type] = [clean.body, clean.type];
  }
  const key = `${folder}/${userId}-${randomBytes(18).toString("base64url")}`;
  await fileStore().put(key, body, type);
  return ok({ stored: { key, fileName: cleanFileName(file.name, type), type, size: body.byteLength } });
}

export async function readEvidence(key: string): Promise<Buffer | null> {
  if (!KEY_RE.test(key)) return null;
  return fileStore().get(key);
}

export async function deleteEvidence(keys: string[]) {
  await fileStore().delete(keys.filter((k) => KEY_RE.test(k)));
}
