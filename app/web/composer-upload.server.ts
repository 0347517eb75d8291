// An image sent from the composer, two ways: the composer's "Upload image" button (a multipart
// submit of the whole composer form, which works without JavaScript: the page comes back with the
// image's markdown added to the text and every other field as typed), and the composer's script
// (paste, drop, or picking a file), which posts the file alone to /composer/upload. Both read the
// form here, with a size limit, and call the one model function.
import { unstable_parseMultipartFormData, type UploadHandler } from "@remix-run/node";
import { rateLimit, userKey } from "../models/account/rate-limit.server";
import { POST_IMAGE_MAX_BYTES, uploadPostImage } from "../models/forum/uploads.server";
import { POST_IMAGE_MAX_MB } from "../models/forum/topic.schema";
import { fail, type Result } from "../models/shared/result";
import { withoutNul } from "./http.server";

type Uploader = { id: number; createdAt: Date; isStaff: boolean };

export const isMultipart = (request: Request) =>
  (request.headers.get("content-type") ?? "").startsWith("multipart/form-data");

// Beyond this a request is refused unread; below it an oversized image is read through and dropped,
// so the text sent with it comes back whole with the refusal.
const MAX_REQUEST_BYTES = 5 * POST_IMAGE_MAX_BYTES;
// A text field's limit: the composer's longest field (32,000 characters) in UTF-8, with room to spare.
const MAX_TEXT_BYTES = 256 * 1024;

type Sent = { strings: [string, string][]; file: File | null; tooBig: boolean };

/** Every part read in turn: an oversized one is drained and noted, never kept. */
async function readParts(request: Request): Promise<Sent> {
  let tooBig = false;
  const handler: UploadHandler = async ({ name, filename, contentType, data }) => {
    const max = typeof filename === "string" ? POST_IMAGE_MAX_BYTES : MAX_TEXT_BYTES;
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of data) {
      size += chunk.byteLength;
      if (size <= max) chunks.push(chunk);
    }
    if (size > max) {
      tooBig ||= name === "image";
      return undefined;
    }
    if (typeof filename === "string") return new File(chunks as BlobPart[], filename, { type: contentType });
    return new TextDecoder().decode(Buffer.concat(chunks));
  };
  const form = await unstable_parseMultipartFormData(request, handler);
  const image = form.get("image");
  return {
    strings: [...form]
      .filter((e): e is [string, string] => typeof e[1] === "string")
      .map(([k, v]) => [k, withoutNul(v)]),
    file: image && typeof image !== "string" && image.size > 0 ? image : null,
    tooBig,
  };
}

/** The composer's fields and its `image` file, read with a size limit, then the image stored. */
export async function uploadFromRequest(request: Request, uploader: Uploader) {
  const refuse = (status: number, key: string, values?: Record<string, number>) =>
    fail(status, `uploads.errors.${key}`, { body: `uploads.errors.${key}` }, values);
  const tooBig = refuse(413, "tooBig", { max: POST_IMAGE_MAX_MB });
  if (Number(request.headers.get("content-length") ?? "0") > MAX_REQUEST_BYTES)
    return { sent: undefined, result: tooBig };
  let sent: Sent;
  try {
    sent = await readParts(request);
  } catch {
    return { sent: undefined, result: refuse(400, "unreadable") };
  }
  if (sent.tooBig) return { sent, result: tooBig };
  if (!sent.file) return { sent, result: refuse(422, "empty") };
  const limited = await rateLimit("postImage", userKey(uploader.id));
  if (limited) return { sent, result: { ...limited, fields: { body: limited.message } } };
  const result: Result<{ markdown: string; url: string; width: number; height: number }> = await uploadPostImage({
    uploader: { userId: uploader.id, createdAt: uploader.createdAt, isStaff: uploader.isStaff },
    data: new Uint8Array(await sent.file.arrayBuffer()),
    fileName: sent.file.name,
    body: sent.strings.find(([k]) => k === "body")?.[1] ?? "",
  });
  return { sent, result };
}

/** The text with an image's markdown added on a line of its own at the end. */
export const withImage = (body: string, markdown: string) =>
  `${body}${body && !body.endsWith("\n") ? "\n" : ""}${markdown}\n`;

/**
 * The composer's "Upload image" submit (no JavaScript needed): what to render the composer with, the
 * image's markdown added to the text, or the refusal on the text's field; every field kept as sent.
 */
export async function composerUploadAnswer(request: Request, uploader: Uploader) {
  const { sent, result } = await uploadFromRequest(request, uploader);
  const values: Record<string, string> = {};
  for (const [k, v] of sent?.strings ?? []) if (k !== "intent" && !(k in values)) values[k] = v;
  const tags = (sent?.strings ?? []).filter(([k]) => k === "tags").map(([, v]) => v);
  if (!result.ok) {
    const fields = { body: result.fields?.body ?? result.message };
    return { status: result.status, tags, answer: { values, fields, errorValues: result.values } };
  }
  const answer = {
    values: { ...values, body: withImage(values.body ?? "", result.markdown) },
    fields: {},
    uploaded: true,
  };
  return { status: 200, tags, answer };
}
