// What every upload goes through (profile photos, award evidence): a file is judged by its content,
// never its name or declared type. Images are measured from their header before any pixel is
// decoded, refused above a pixel count (a 50 KB PNG can claim 20,000 x 20,000 pixels and take
// gigabytes to decode), then re-encoded by sharp without metadata (EXIF, GPS, XMP, comments). PDFs
// must parse (pdf-lib, in pdf-check.server.ts), and are refused when they hold anything active:
// JavaScript, launch or submit actions, embedded files, XFA forms or rich media. Callers turn a
// Problem into their sentence.
import type { Metadata } from "sharp";

export type ImageKind = "jpeg" | "png" | "webp" | "gif";

/** Above this many pixels an image is refused before decoding (a 48-megapixel phone photo passes). */
export const IMAGE_MAX_PIXELS = 50_000_000;
/** Larger than any camera's side: a 20,000 px banner is refused too. */
export const IMAGE_MAX_SIDE = 10_000;

/** What the first bytes say the image is. */
export function sniffImage(b: Uint8Array): ImageKind | null {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return "jpeg";
  if (b.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((x, i) => b[i] === x)) return "png";
  if (b.length >= 12 && ascii(b, 0, 4) === "RIFF" && ascii(b, 8, 12) === "WEBP") return "webp";
  if (b.length >= 6 && (ascii(b, 0, 6) === "GIF87a" || ascii(b, 0, 6) === "GIF89a")) return "gif";
  return null;
}

export const isPdf = (b: Uint8Array) => b.length >= 5 && ascii(b, 0, 5) === "%PDF-";

const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, to));

export type Problem =
  | { problem: "type" }
  | { problem: "unreadable" }
  | { problem: "tooLarge"; width: number; height: number; maxPixels: number; maxSide: number }
  | { problem: "small"; min: number }
  | { problem: "pdfUnreadable" }
  | { problem: "pdfActive" };

export type Image = { ok: true; kind: ImageKind; width: number; height: number; input: Buffer };

/** Options every decode uses: the pixel limit again (in case a header lied), and damage is an error. */
/** sharp (libvips) is loaded with the first image, not with the app: about 0.3 s of CPU at every start. */
export const loadSharp = () => import("sharp").then((m) => m.default);

const DECODE = { limitInputPixels: IMAGE_MAX_PIXELS, failOn: "error" } as const;

/** Reads an image's header (no pixel decoded) and checks its kind and size. */
export async function inspectImage(
  data: Uint8Array,
  { kinds, minSide = 1 }: { kinds: readonly ImageKind[]; minSide?: number },
): Promise<Image | ({ ok: false } & Problem)> {
  const kind = sniffImage(data);
  if (!kind || !kinds.includes(kind)) return { ok: false, problem: "type" };
  const input = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  let meta: Metadata;
  try {
    // no pixel limit here: a header read decodes nothing, and the size is judged below with its own sentence
    meta = await (await loadSharp())(input, { limitInputPixels: false }).metadata();
  } catch {
    return { ok: false, problem: "unreadable" };
  }
  if (meta.format !== kind) return { ok: false, problem: "type" };
  const width = meta.width ?? 0;
  const height = meta.height ?? 0; // of the first frame: only that one is decoded
  if (!width || !height) return { ok: false, problem: "unreadable" };
  if (width > IMAGE_MAX_SIDE || height > IMAGE_MAX_SIDE || width * height > IMAGE_MAX_PIXELS) {
    return { ok: false, problem: "tooLarge", width, height, maxPixels: IMAGE_MAX_PIXELS, maxSide: IMAGE_MAX_SIDE };
  }
  if (width < minSide || height < minSide) return { ok: false, problem: "small", min: minSide };
  return { ok: true, kind, width, height, input };
}

/**
 * A decoder for a checked image, turned upright from its EXIF orientation. sharp writes no metadata
 * unless asked (withMetadata / keepExif), so whatever the caller encodes to leaves EXIF, GPS and XMP behind.
 */
export const decodeImage = async (image: Image) => (await loadSharp())(image.input, DECODE).rotate();

/** Re-encodes a checked image in a web format close to its own: a GIF becomes a PNG of its first frame. */
export async function cleanImage(
  image: Image,
): Promise<{ ok: true; body: Buffer; type: "image/jpeg" | "image/png" | "image/webp" } | ({ ok: false } & Problem)> {
  try {
    const pipeline = await decodeImage(image);
    if (image.kind === "jpeg")
      return { ok: true, body: await pipeline.jpeg({ quality: 90, mozjpeg: true }).toBuffer(), type: "image/jpeg" };
    if (image.kind === "webp")
      return { ok: true, body: await pipeline.webp({ quality: 90 }).toBuffer(), type: "image/webp" };
    return { ok: true, body: await pipeline.png({ compressionLevel: 9 }).toBuffer(), type: "image/png" };
  } catch {
    return { ok: false, problem: "unreadable" };
  }
}

/** A PDF is kept as sent when it parses, has a page, is not encrypted and holds nothing active. */
export async function checkPdf(data: Uint8Array): Promise<{ ok: true } | ({ ok: false } & Problem)> {
  if (!isPdf(data)) return { ok: false, problem: "type" };
  // pdf-lib is loaded with the first PDF, not with the app (about 0.2 s of CPU at every start)
  const { readPdf } = await import("./pdf-check.server");
  return readPdf(data);
}
