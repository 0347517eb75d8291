// Profile photos. An upload is judged by its content, never its name or declared type: the first
// bytes must be JPEG, PNG or WebP, and sharp must read its header with sane dimensions. The image
// is then re-encoded (metadata stripped, EXIF orientation applied) into 256 px and 64 px WebP
// squares, stored through the file store (DATA_DIR/uploads, or an S3 bucket when configured).
// Anything refused is answered with a sentence and nothing is written.
import { randomBytes } from "node:crypto";
import path from "node:path";
import sharp from "sharp";
import { env } from "../env.server";
import { fileStore } from "../storage.server";
import { fail, ok, type Result } from "./result";

export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
/** Larger than any camera: a 20,000 px image is refused from its header, before decoding. */
export const PHOTO_MAX_SIDE = 10_000;
const MAX_INPUT_PIXELS = 50_000_000;
export const PHOTO_SIZES = [256, 64] as const;

type Kind = "jpeg" | "png" | "webp";

/** What the first bytes say the file is. */
export function sniffImage(b: Uint8Array): Kind | null {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return "jpeg";
  if (b.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((x, i) => b[i] === x)) return "png";
  if (b.length >= 12 && String.fromCharCode(...b.slice(0, 4)) === "RIFF" && String.fromCharCode(...b.slice(8, 12)) === "WEBP") return "webp";
  return null;
}

export const uploadsDir = () => path.resolve(env().DATA_DIR, "uploads");

const KEY_RE = /^profiles\/[0-9]+-[A-Za-z0-9_-]{10,40}$/;

/** The file of a stored size, or null for anything that is not one of ours (no path tricks). */
export function uploadPath(file: string): string | null {
  const m = /^(profiles\/[0-9]+-[A-Za-z0-9_-]{10,40})-(256|64)\.webp$/.exec(file);
  if (!m) return null;
  return path.join(uploadsDir(), `${m[1]}-${m[2]}.webp`);
}

/** A stored photo size by its file name ("profiles/12-abc-256.webp"), from disk or the bucket. */
export async function readUpload(file: string): Promise<Buffer | null> {
  if (!uploadPath(file)) return null;
  return fileStore().get(file);
}

/** Checks, re-encodes and stores a photo; returns its key. Nothing is written unless every size is ready. */
export async function storePhoto({ userId, data }: { userId: number; data: Uint8Array }): Promise<Result<{ key: string }>> {
  if (data.byteLength === 0) return fail(422, "profile.photo.errors.empty", { photo: "profile.photo.errors.empty" });
  if (data.byteLength > PHOTO_MAX_BYTES) return fail(413, "profile.photo.errors.tooBig", { photo: "profile.photo.errors.tooBig" });
  const kind = sniffImage(data);
  if (!kind) return fail(415, "profile.photo.errors.type", { photo: "profile.photo.errors.type" });
  const input = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  let meta: Awaited<ReturnType<ReturnType<typeof sharp>["metadata"]>>;
  try {
    meta = await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: "error" }).metadata();
  } catch {
    return fail(422, "profile.photo.errors.unreadable", { photo: "profile.photo.errors.unreadable" });
  }
  if (meta.format !== kind) return fail(415, "profile.photo.errors.type", { photo: "profile.photo.errors.type" });
  if (!meta.width || !meta.height || meta.width > PHOTO_MAX_SIDE || meta.height > PHOTO_MAX_SIDE || meta.width * meta.height > MAX_INPUT_PIXELS) {
    return fail(422, "profile.photo.errors.dimensions", { photo: "profile.photo.errors.dimensions" });
  }
  if (meta.width < 32 || meta.height < 32) return fail(422, "profile.photo.errors.small", { photo: "profile.photo.errors.small" });

  let outputs: Buffer[];
  try {
    outputs = await Promise.all(
      PHOTO_SIZES.map((size) =>
        sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: "error" })
          .rotate() // apply EXIF orientation before it is stripped
          .resize(size, size, { fit: "cover", position: "attention" })
          .webp({ quality: 82 })
          .toBuffer(), // no withMetadata(): EXIF, GPS and ICC comments are dropped
      ),
    );
  } catch {
    return fail(422, "profile.photo.errors.unreadable", { photo: "profile.photo.errors.unreadable" });
  }
  const key = `profiles/${userId}-${randomBytes(12).toString("base64url")}`;
  const store = fileStore();
  const written: string[] = [];
  try {
    for (const [i, size] of PHOTO_SIZES.entries()) {
      await store.put(`${key}-${size}.webp`, outputs[i], "image/webp");
      written.push(`${key}-${size}.webp`);
    }
  } catch (e) {
    await store.delete(written).catch(() => {});
    throw e;
  }
  return ok({ key });
}

export async function deletePhoto(key: string | null) {
  if (!key || !KEY_RE.test(key)) return;
  await fileStore().delete(PHOTO_SIZES.map((s) => `${key}-${s}.webp`));
}
