// Images in posts over real HTTP (issue 24, point 1): hostile files are refused with a sentence or
// re-encoded clean, nothing of a refused file is stored, the composer's no-JavaScript upload keeps
// the text, cooked images carry their size, new members' image limit applies, and uploads no post
// shows are removed after 48 hours.
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db.server";
import { removeUnusedUploads } from "~/models/forum/uploads.server";
import { GPS_MARKER, jpegWithGps, pngBomb } from "../factories/files";
import { editPost } from "~/models/forum/post.server";
import { ageUser, createCategory, makeTopic, scopeFor } from "../factories/topics";
import { createUser } from "../factories/users";
import { cookieFrom, postForm, startApp, type TestApp } from "../setup/app";

let app: TestApp;
let cookie: string;
let userId: number;
let category: { slug: string };
const root = path.join(process.env.DATA_DIR!, "uploads");

async function signIn(username: string, aged = true) {
  const user = await createUser({ username });
  if (aged) await ageUser(user);
  const c = cookieFrom(await postForm(app, "/login", { email: user.username, password: user.password }));
  expect(c).toMatch(/^tp_session=/);
  return { id: user.id, cookie: c };
}

async function send(
  bytes: Uint8Array | Buffer,
  filename: string,
  type: string,
  opts: { body?: string; as?: string } = {},
) {
  const form = new FormData();
  form.append("image", new Blob([new Uint8Array(bytes)], { type }), filename);
  if (opts.body !== undefined) form.append("body", opts.body);
  const res = await fetch(`${app.url}/composer/upload`, {
    method: "POST",
    headers: { Origin: app.origin, Cookie: opts.as ?? cookie, "Accept-Language": "en" },
    body: form,
  });
  return { status: res.status, json: (await res.json()) as Record<string, string | number> };
}

const countUploads = async (owner = userId) =>
  (
    await db
      .selectFrom("uploads")
      .select(db.fn.countAll<number>().as("n"))
      .where("user_id", "=", owner)
      .executeTakeFirst()
  )?.n ?? 0;

const png = (w = 400, h = 300) =>
  sharp({ create: { width: w, height: h, channels: 3, background: "#3a6" } })
    .png()
    .toBuffer();

beforeAll(async () => {
  app = await startApp();
  category = await createCategory({ name: "Image posts" });
  ({ id: userId, cookie } = await signIn("images_ada"));
});
afterAll(async () => {
  await app?.stop();
});

describe("the hostile-upload set: refused with a sentence, or re-encoded clean", () => {
  test("an SVG carrying a script is refused, nothing stored", async () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>`;
    const before = await countUploads();
    const { status, json } = await send(Buffer.from(svg), "logo.svg", "image/svg+xml");
    expect(status).toBe(415);
    expect(json.error).toBe(
      "This file is not a JPEG, PNG, WebP or GIF image. " +
        "Other files (SVG, web pages, documents) are refused whatever their name.",
    );
    expect(await countUploads()).toBe(before);
  });

  test("an HTML page renamed .png is refused, nothing stored", async () => {
    const before = await countUploads();
    const html = "<!doctype html><html><body><script>fetch('/my/profile')</script></body></html>";
    const { status, json } = await send(Buffer.from(html), "cat.png", "image/png");
    expect(status).toBe(415);
    expect(String(json.error)).toContain("is not a JPEG, PNG, WebP or GIF image");
    expect(await countUploads()).toBe(before);
  });

  test("a PNG with an HTML page after its end is stored as a clean WebP without the page", async () => {
    const trailing = Buffer.concat([await png(), Buffer.from("<html><script>alert(document.cookie)</script></html>")]);
    const { status, json } = await send(trailing, "chart.png", "image/png");
    expect(status).toBe(200);
    expect(json.markdown).toMatch(/^!\[chart\]\(\/uploads\/posts\/\d+-[\w-]{16}\.webp\)$/);
    const stored = await readFile(path.join(root, String(json.url).replace(/^\/uploads\//, "")));
    expect(stored.subarray(0, 4).toString("latin1")).toBe("RIFF");
    expect(stored.subarray(8, 12).toString("latin1")).toBe("WEBP");
    expect(stored.includes("<script")).toBe(false);
    expect(stored.includes("<html")).toBe(false);
    const served = await fetch(`${app.url}${json.url}`);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/webp");
    expect(served.headers.get("x-content-type-options")).toBe("nosniff");
    expect(served.headers.get("content-security-policy")).toBe("default-src 'none'; sandbox");
  });

  test("a JPEG with GPS EXIF is stored as a WebP with no EXIF, GPS or artist left", async () => {
    const jpeg = await jpegWithGps(2400, 1200);
    expect(jpeg.includes(GPS_MARKER)).toBe(true);
    const { status, json } = await send(jpeg, "IMG_2041.jpg", "image/jpeg");
    expect(status).toBe(200);
    // the long side is brought to 1,600 px, the proportions kept
    expect([json.width, json.height]).toEqual([1600, 800]);
    const stored = await readFile(path.join(root, String(json.url).replace(/^\/uploads\//, "")));
    const meta = await sharp(stored).metadata();
    expect(meta.format).toBe("webp");
    expect([meta.width, meta.height]).toEqual([1600, 800]);
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(stored.includes(GPS_MARKER)).toBe(false);
    expect(stored.includes("EXIF-ARTIST-NAME")).toBe(false);
    expect(stored.includes("Exif")).toBe(false);
  });

  test("a 20,000 x 20,000 PNG bomb is refused as too large, naming the limit, before any decoding", async () => {
    const before = await countUploads();
    const started = Date.now();
    const { status, json } = await send(pngBomb(), "bomb.png", "image/png");
    expect(status).toBe(422);
    expect(json.error).toBe(
      "This image is too large: 20,000 × 20,000 pixels, and the limit is 50,000,000 pixels, " +
        "at most 10,000 on a side. Choose a smaller image.",
    );
    expect(Date.now() - started).toBeLessThan(5000); // 400 megapixels decoded would take far longer
    expect(await countUploads()).toBe(before);
  });
});

describe("the composer without JavaScript", () => {
  test("'Upload image' keeps the typed text and adds the image; the post shows it sized and lazy", async () => {
    const typed = "Our queue board after the change:\n\nWith **bold** notes & <angle> brackets kept.";
    const form = new FormData();
    form.append("submissionKey", "k-images-1");
    form.append("title", "How our queue board looks after the change");
    form.append("category", category.slug);
    form.append("body", typed);
    form.append("intent", "upload");
    form.append("image", new Blob([new Uint8Array(await png(800, 600))], { type: "image/png" }), "queue board.png");
    const res = await fetch(`${app.url}/new-topic`, {
      method: "POST",
      headers: { Origin: app.origin, Cookie: cookie, "Accept-Language": "en" },
      body: form,
    });
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain("The image was added to your text.");
    const textarea = /<textarea[^>]*name="body"[^>]*>([\s\S]*?)<\/textarea>/.exec(page)![1];
    const body = textarea
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&")
      .replace(/&#x27;/g, "'");
    // multipart form data sends line breaks as CRLF, as browsers do
    expect(body.replace(/\r\n/g, "\n").startsWith(`${typed}\n![queue board](/uploads/posts/`)).toBe(true);
    expect(page).toContain('value="How our queue board looks after the change"');

    const topic = await makeTopic({ id: userId }, category, { body });
    const post = await db
      .selectFrom("posts")
      .select(["id", "body_html"])
      .where("topic_id", "=", topic.topicId)
      .executeTakeFirstOrThrow();
    expect(post.body_html).toMatch(
      new RegExp(
        '<img src="/uploads/posts/\\d+-[\\w-]{16}\\.webp" alt="queue board" ' +
          'loading="lazy" decoding="async" width="800" height="600" />',
      ),
    );
    const links = await db.selectFrom("post_uploads").selectAll().where("post_id", "=", post.id).execute();
    expect(links).toHaveLength(1);
  });

  test("an upload with no file or a refused file keeps every typed character", async () => {
    const typed = "A long reply I do not want to lose. ".repeat(200);
    const form = new FormData();
    form.append("body", typed);
    form.append("intent", "upload");
    form.append("image", new Blob([Buffer.from("%PDF-1.4 not an image")], { type: "image/png" }), "x.png");
    const res = await fetch(`${app.url}/new-topic`, {
      method: "POST",
      headers: { Origin: app.origin, Cookie: cookie, "Accept-Language": "fr" },
      body: form,
    });
    expect(res.status).toBe(415);
    const page = await res.text();
    expect(page).toContain("Ce fichier n’est pas une image JPEG, PNG, WebP ou GIF.");
    expect(page).toContain(typed.trim());
  });

  test("raw HTML cannot give an image a size: only our uploads get width and height", async () => {
    const topic = await makeTopic({ id: userId }, category, {
      body:
        'A picture: <img src="/uploads/posts/1-aaaaaaaaaaaaaaaa.webp" width="9999" height="1"> ' +
        "and ![x](/uploads/posts/2-bbbbbbbbbbbbbbbb.webp)",
    });
    const post = await db
      .selectFrom("posts")
      .select("body_html")
      .where("topic_id", "=", topic.topicId)
      .executeTakeFirstOrThrow();
    expect(post.body_html).not.toContain("width=");
    expect(post.body_html).toContain('loading="lazy"');
  });
});

describe("limits", () => {
  test("a new member cannot add a second image to a post: upload and post both say the limit", async () => {
    const fresh = await signIn("images_newbie", false);
    const first = await send(await png(), "one.png", "image/png", { as: fresh.cookie, body: "" });
    expect(first.status).toBe(200);
    const second = await send(await png(), "two.png", "image/png", {
      as: fresh.cookie,
      body: `${first.json.markdown}\n`,
    });
    expect(second.status).toBe(422);
    expect(String(second.json.error)).toMatch(
      /^New members can include at most 1 image per post until .+\. Your text already has that many\.$/,
    );
    expect(await countUploads(fresh.id)).toBe(1);
    // an image typed by hand twice is still counted when the post is sent
    const res = await postForm(
      app,
      "/new-topic",
      {
        title: "Two pictures from a new member here",
        category: category.slug,
        body: `${first.json.markdown}\n${first.json.markdown}\n`,
        intent: "create",
      },
      { cookie: fresh.cookie },
    );
    expect(res.status).toBe(422);
    expect(await res.text()).toContain("New members can include at most 1 image per post");
  });
});

describe("the 48-hour cleanup", () => {
  test("uploads no post shows are removed after 48 hours, with their files; used and recent ones stay", async () => {
    const owner = await signIn("images_cleanup");
    const used = await send(await png(), "used.png", "image/png", { as: owner.cookie });
    const unused = await send(await png(), "unused.png", "image/png", { as: owner.cookie });
    const recent = await send(await png(), "recent.png", "image/png", { as: owner.cookie });
    const drafted = await send(await png(), "drafted.png", "image/png", { as: owner.cookie });
    await makeTopic({ id: owner.id }, category, { body: `Shown here:\n\n${used.json.markdown}` });
    await db
      .insertInto("drafts")
      .values({ user_id: owner.id, draft_key: "new-topic", body: `Later: ${drafted.json.markdown}`, fields: "{}" })
      .execute();
    const keyOf = (r: { json: Record<string, string | number> }) => String(r.json.url).replace(/^\/uploads\//, "");
    await db
      .updateTable("uploads")
      .set({ created_at: new Date(Date.now() - 49 * 3_600_000) })
      .where("key", "in", [keyOf(used), keyOf(unused), keyOf(drafted)])
      .execute();

    const removed = await db.transaction().execute((trx) => removeUnusedUploads(trx));
    expect(removed).toBeGreaterThanOrEqual(1);
    const left = (await db.selectFrom("uploads").select("key").where("user_id", "=", owner.id).execute()).map(
      (r) => r.key,
    );
    expect(left.sort()).toEqual([keyOf(used), keyOf(recent), keyOf(drafted)].sort());
    await expect(stat(path.join(root, keyOf(unused)))).rejects.toThrow();
    expect((await stat(path.join(root, keyOf(used)))).size).toBeGreaterThan(0);
    expect((await fetch(`${app.url}${unused.json.url}`)).status).toBe(404);

    // the post edited to show nothing: its image goes at the next run
    const post = await db
      .selectFrom("posts")
      .innerJoin("post_uploads", "post_uploads.post_id", "posts.id")
      .select("posts.id")
      .where("posts.user_id", "=", owner.id)
      .executeTakeFirstOrThrow();
    const edited = await editPost({
      scope: await scopeFor({ id: owner.id }),
      postId: post.id,
      body: "No picture after all, sorry.",
    });
    expect(edited.ok).toBe(true);
    await db.transaction().execute((trx) => removeUnusedUploads(trx));
    expect(
      await db.selectFrom("uploads").select("id").where("key", "=", keyOf(used)).executeTakeFirst(),
    ).toBeUndefined();
  });
});
