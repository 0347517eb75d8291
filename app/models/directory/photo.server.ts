// Profile photos. An upload is checked by the file intake (JPEG, PNG or WebP by content, a pixel
// limit read from the header) and re-encoded (metadata stripped, EXIF orientation applied) into
// 256 px and 64 px WebP squares, stored through the file store (DATA_DIR/uploads, or an S3 bucket
// when configured). Anything refused is answered with a sentence and nothing is written.
import { randomBytes } from "node:crypto";
import path from "node:path";
import { env } from "../../env.server";
import { fileStore } from "../../storage.server";
import { decodeImage, inspectImage } from "../shared/file-intake.server";
import { fail, ok, type Result } from "../shared/result";

export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
export const PHOTO_SIZES = [256, 64] as const;
const PHOTO_KINDS = ["jpeg", "png", "webp"] as const;

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
export async function storePhoto({
  userId,
  data,
}: {
  userId: number;
  data: Uint8Array;
}): Promise<Result<{ key: string }>> {
  const refuse = (status: number, key: string, values?: Record<string, number>) =>
    fail(status, `profile.photo.errors.${key}`, { photo: `profile.photo.errors.${key}` }, values);
  if (data.byteLength === 0) return refuse(422, "empty");
  if (data.byteLength > PHOTO_MAX_BYTES) return refuse(413, "tooBig");
  const image = await inspectImage(data, { kinds: PHOTO_KINDS, minSide: 32 });
  if (!image.ok) {
    if (image.problem === "type") return refuse(415, "type");
    if (image.problem === "tooLarge") {
      const { width, height, maxPixels, maxSide } = image;
      return refuse(422, "dimensions", { width, height, maxPixels, maxSide });
    }
    if (image.problem === "small") return refuse(422, "small");
    return refuse(422, "unreadable");
  }
  let outputs: Buffer[];
  try {
    outputs = await Promise.all(
      PHOTO_SIZES.map(async (size) =>
        (await decodeImage(image))
          .resize(size, size, { fit: "cover", position: "attention" })
          .webp({ quality: 82 })
          .toBuffer(),
      ),
    );
  } catch {
    return refuse(422, "unreadable");
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
