// Images in posts. An upload is judged by its content (the file intake: JPEG, PNG, WebP or GIF,
// its size read from the header and refused above the pixel limit before any pixel is decoded),
// re-encoded to WebP at most POST_IMAGE_MAX_SIDE on its long side (EXIF, GPS and anything trailing
// the image are left behind), stored through the file store and recorded with its size, so cooked
// posts give every image its width and height. Posts record which uploads they show (post_uploads);
// what no post shows 48 hours after its upload is removed by the "uploads.cleanup" job.
import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import { db, type Db } from "../../db.server";
import { fileStore } from "../../storage.server";
import { decodeImage, inspectImage } from "../shared/file-intake.server";
import { fail, ok, type Result } from "../shared/result";
import { getLimits } from "../moderation/settings.server";
import { checkSanction, isNewMember } from "./limits.server";
// the long side kept: sharp on a phone screen, and a few hundred KB at most
import { POST_IMAGE_MAX_MB, POST_IMAGE_MAX_SIDE } from "./topic.schema";

/** Larger files are refused. */
export const POST_IMAGE_MAX_BYTES = POST_IMAGE_MAX_MB * 1024 * 1024;
/** An upload no post shows is removed this long after it was made. */
export const UNUSED_UPLOAD_HOURS = 48;
const KINDS = ["jpeg", "png", "webp", "gif"] as const;

const FILE = /^posts\/[0-9]{1,10}-[A-Za-z0-9_-]{16}\.webp$/;
const IN_MARKDOWN = /\/uploads\/(posts\/[0-9]{1,10}-[A-Za-z0-9_-]{16}\.webp)/g;

export const uploadUrl = (key: string) => `/uploads/${key}`;

/**
 * A stored post image by its file name ("posts/12-abc.webp"); null for anything not of that shape, or
 * whose row is gone (its author's account deleted: a bucket's copy may outlive a failed removal).
 */
export async function readPostImage(file: string): Promise<Buffer | null> {
  if (!FILE.test(file)) return null;
  const row = await db.selectFrom("uploads").select("id").where("key", "=", file).executeTakeFirst();
  return row ? fileStore().get(file) : null;
}

/** Alt text from the file's name ("Team photo.jpg" -> "Team photo"): nothing markdown or HTML reads. */
function altFrom(name: string | undefined): string {
  const base = (name ?? "").replace(/\.[A-Za-z0-9]{1,5}$/, "");
  const alt = base
    .replace(/[^\p{L}\p{N} _-]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 60);
  return alt || "image";
}

// Images written in a body, counted the way a member reads them (the posting limits count exactly).
const imagesIn = (body: string) => (body.match(/!\[[^\]\n]*\]\(|<img\b/gi) ?? []).length;

type Uploader = { userId: number; isStaff: boolean; createdAt: Date };

/**
 * Checks, re-encodes and stores one image for a post being written (`body`: the text so far, for the
 * new-member image limit); returns the markdown to insert. Nothing is stored when it is refused.
 */
export async function uploadPostImage({
  uploader,
  data,
  fileName,
  body = "",
}: {
  uploader: Uploader;
  data: Uint8Array;
  fileName?: string;
  body?: string;
}): Promise<Result<{ markdown: string; url: string; width: number; height: number }>> {
  const refuse = (status: number, key: string, values?: Record<string, string | number>) =>
    fail(status, `uploads.errors.${key}`, { body: `uploads.errors.${key}` }, values);
  const sanction = await checkSanction(db, uploader.userId, "post");
  if (sanction) return { ...sanction, fields: { body: sanction.message } };
  if (!uploader.isStaff) {
    const limits = await getLimits(db);
    const max = limits.newMember.imagesPerPost;
    if (isNewMember(uploader, limits) && imagesIn(body) >= max) {
      const until = new Date(uploader.createdAt.getTime() + limits.newMemberHours * 3_600_000).toISOString();
      return refuse(422, "newMember", { max, until });
    }
  }
  if (data.byteLength === 0) return refuse(422, "empty");
  if (data.byteLength > POST_IMAGE_MAX_BYTES) return refuse(413, "tooBig", { max: POST_IMAGE_MAX_MB });
  const image = await inspectImage(data, { kinds: KINDS });
  if (!image.ok) {
    if (image.problem === "type") return refuse(415, "type");
    if (image.problem === "tooLarge") {
      const { width, height, maxPixels, maxSide } = image;
      return refuse(422, "tooLarge", { width, height, maxPixels, maxSide });
    }
    return refuse(422, "unreadable");
  }
  let out: { data: Buffer; info: { width: number; height: number } };
  try {
    const pipeline = await decodeImage(image);
    out = await pipeline
      .resize(POST_IMAGE_MAX_SIDE, POST_IMAGE_MAX_SIDE, { fit: "inside", withoutEnlargement: true })
      .webp({ quality: 80 })
      .toBuffer({ resolveWithObject: true });
  } catch {
    return refuse(422, "unreadable");
  }
  const key = `posts/${uploader.userId}-${randomBytes(12).toString("base64url")}.webp`;
  const { width, height } = out.info;
  await fileStore().put(key, out.data, "image/webp");
  try {
    await db
      .insertInto("uploads")
      .values({ user_id: uploader.userId, key, width, height, bytes: out.data.byteLength })
      .execute();
  } catch (e) {
    await fileStore()
      .delete([key])
      .catch(() => {});
    throw e;
  }
  const url = uploadUrl(key);
  return ok({ markdown: `![${altFrom(fileName)}](${url})`, url, width, height });
}

export type UploadRef = { id: number; width: number; height: number };

/** Our uploads a text shows, by address (`/uploads/posts/...`), with their sizes (one query, none without any). */
export async function uploadsIn(executor: Db, markdown: string): Promise<Map<string, UploadRef>> {
  const keys = [...new Set([...markdown.matchAll(IN_MARKDOWN)].map((m) => m[1]))].slice(0, 200);
  if (!keys.length) return new Map();
  const rows = await executor
    .selectFrom("uploads")
    .select(["id", "key", "width", "height"])
    .where("key", "in", keys)
    .execute();
  return new Map(rows.map((r) => [uploadUrl(r.key), { id: r.id, width: r.width, height: r.height }]));
}

/** Records the uploads a post shows now (after its insert or an edit), inside the post's transaction. */
export async function linkPostUploads(trx: Db, postId: number, uploadIds: number[]) {
  await trx
    .deleteFrom("post_uploads")
    .where("post_id", "=", postId)
    .$if(uploadIds.length > 0, (q) => q.where("upload_id", "not in", uploadIds))
    .execute();
  if (!uploadIds.length) return;
  // from the uploads table, so one removed meanwhile is skipped rather than failing the post
  await sql`insert into post_uploads (post_id, upload_id)
    select ${postId}, id from uploads where id = any(${uploadIds}::int[])
    on conflict do nothing`.execute(trx);
}

/**
 * Removes uploads made more than UNUSED_UPLOAD_HOURS ago that no post shows and no saved draft
 * mentions: their rows inside `trx`, then their files (a failure rolls the rows back for the next run).
 */
export async function removeUnusedUploads(trx: Db, now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - UNUSED_UPLOAD_HOURS * 3_600_000);
  const gone = await sql<{ key: string }>`
    delete from uploads where id in (
      select u.id from uploads u
       where u.created_at < ${before}
         and not exists (select 1 from post_uploads pu where pu.upload_id = u.id)
         and not exists (select 1 from drafts d where strpos(d.body, u.key) > 0)
       order by u.created_at limit 500
       for update skip locked)
    returning key`.execute(trx);
  const keys = gone.rows.map((r) => r.key);
  if (keys.length) await fileStore().delete(keys);
  return keys.length;
}
