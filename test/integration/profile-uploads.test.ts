// Photo uploads over real HTTP: bad files get a clear sentence and nothing is stored; a good one is
// re-encoded into two squares without its metadata.
import { readdir } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db.server";
import { cookieFrom, postForm, startApp, type TestApp } from "../setup/app";
import { createUser } from "../factories/users";
import { pngBomb } from "../factories/files";

let app: TestApp;
let cookie: string;
let userId: number;
const uploads = path.join(process.env.DATA_DIR!, "uploads", "profiles");

async function storedFiles(): Promise<string[]> {
  try {
    return await readdir(uploads);
  } catch {
    return [];
  }
}
const photoKey = async () =>
  (await db.selectFrom("profiles").select("photo_key").where("user_id", "=", userId).executeTakeFirst())?.photo_key ??
  null;

async function upload(bytes: Uint8Array | Buffer, filename: string, type: string, language = "en") {
  const form = new FormData();
  form.append("photo", new Blob([new Uint8Array(bytes)], { type }), filename);
  return fetch(`${app.url}/my/profile`, {
    method: "POST",
    headers: { Origin: app.origin, Cookie: cookie, "Accept-Language": language },
    body: form,
    redirect: "manual",
  });
}

beforeAll(async () => {
  app = await startApp();
  const user = await createUser({ username: "upload_amaka" });
  userId = user.id;
  cookie = cookieFrom(await postForm(app, "/login", { email: user.username, password: user.password }));
  expect(cookie).toMatch(/^tp_session=/);
});
afterAll(async () => {
  await app?.stop();
});

describe("refused uploads: a sentence, no 500, nothing stored", () => {
  test("a 20 MB file", async () => {
    const res = await upload(Buffer.alloc(20 * 1024 * 1024, 0xff), "huge.jpg", "image/jpeg");
    expect(res.status).toBe(413);
    expect(await res.text()).toContain("This file is larger than 5 MB. Choose a smaller photo.");
    expect(await storedFiles()).toEqual([]);
    expect(await photoKey()).toBeNull();
  });

  test("a PHP script renamed .jpg", async () => {
    const res = await upload(Buffer.from("<?php system($_GET['c']); ?>\n"), "avatar.jpg", "image/jpeg");
    expect(res.status).toBe(415);
    expect(await res.text()).toContain("This file is not a JPEG, PNG or WebP image.");
    expect(await storedFiles()).toEqual([]);
    expect(await photoKey()).toBeNull();
  });

  test("an SVG (even one sharp could read)", async () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><script>alert(1)</script><rect width="100" height="100" fill="red"/></svg>`;
    for (const [name, type] of [
      ["photo.svg", "image/svg+xml"],
      ["photo.png", "image/png"],
    ]) {
      const res = await upload(Buffer.from(svg), name, type);
      expect(res.status).toBe(415);
      expect(await res.text()).toContain("This file is not a JPEG, PNG or WebP image.");
    }
    expect(await storedFiles()).toEqual([]);
  });

  test("an image 20,000 pixels wide", async () => {
    const wide = await sharp({ create: { width: 20_000, height: 20, channels: 3, background: "#336699" } })
      .png()
      .toBuffer();
    expect(wide.byteLength).toBeLessThan(5 * 1024 * 1024);
    const res = await upload(wide, "banner.png", "image/png");
    expect(res.status).toBe(422);
    expect(await res.text()).toContain(
      "This image is too large: 20,000 × 20 pixels, and the limit is 50,000,000 pixels, at most 10,000 on a side.",
    );
    expect(await storedFiles()).toEqual([]);
    expect(await photoKey()).toBeNull();
  });

  test("decompression bomb (20,000 × 20,000 px in 50 KB): too large, limit stated, in English and French", async () => {
    const bomb = pngBomb();
    expect(bomb.byteLength).toBeLessThan(100_000);
    const en = await upload(bomb, "me.png", "image/png");
    expect(en.status).toBe(422);
    expect(await en.text()).toContain(
      "This image is too large: 20,000 × 20,000 pixels, and the limit is 50,000,000 pixels, at most 10,000 on a side.",
    );
    const fr = await upload(bomb, "moi.png", "image/png", "fr");
    expect(fr.status).toBe(422);
    // French groups digits with a narrow no-break space
    expect((await fr.text()).replace(/[\u202f\u00a0]/g, " ")).toContain(
      "Cette image est trop grande : 20 000 × 20 000 pixels, " +
        "pour une limite de 50 000 000 pixels, 10 000 au plus de côté.",
    );
    expect(await storedFiles()).toEqual([]);
    expect(await photoKey()).toBeNull();
  });

  test("a truncated JPEG", async () => {
    const jpeg = await sharp({ create: { width: 400, height: 400, channels: 3, background: "#aa3300" } })
      .jpeg()
      .toBuffer();
    const res = await upload(jpeg.subarray(0, 200), "cut.jpg", "image/jpeg");
    expect(res.status).toBe(422);
    expect(await res.text()).toContain("This image could not be read.");
    expect(await storedFiles()).toEqual([]);
  });

  test("no file at all", async () => {
    const form = new FormData();
    form.append("other", "x");
    const res = await fetch(`${app.url}/my/profile`, {
      method: "POST",
      headers: { Origin: app.origin, Cookie: cookie },
      body: form,
      redirect: "manual",
    });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain("Choose a photo to upload.");
  });
});

describe("a good photo", () => {
  test("is cropped to 256 and 64 px WebP squares, its metadata stripped, and served", async () => {
    const jpeg = await sharp({ create: { width: 1200, height: 800, channels: 3, background: "#118844" } })
      .jpeg()
      .withExif({ IFD0: { Copyright: "secret-camera-owner", Artist: "GPS 6.5244N 3.3792E" } })
      .toBuffer();
    expect((await sharp(jpeg).metadata()).exif).toBeDefined();
    const res = await upload(jpeg, "me.png" /* the name does not matter */, "application/octet-stream");
    expect(res.status).toBe(302);
    const key = await photoKey();
    expect(key).toMatch(/^profiles\/\d+-/);
    const files = (await storedFiles()).sort();
    expect(files).toHaveLength(2);
    for (const size of [256, 64]) {
      const served = await fetch(`${app.url}/uploads/${key}-${size}.webp`);
      expect(served.status).toBe(200);
      expect(served.headers.get("content-type")).toBe("image/webp");
      const buf = Buffer.from(await served.arrayBuffer());
      const meta = await sharp(buf).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(["webp", size, size]);
      expect(meta.exif).toBeUndefined();
      expect(buf.includes(Buffer.from("secret-camera-owner"))).toBe(false);
    }
    // a new photo replaces the old files
    const png = await sharp({ create: { width: 300, height: 300, channels: 4, background: "#ffffff" } })
      .png()
      .toBuffer();
    expect((await upload(png, "again.png", "image/png")).status).toBe(302);
    expect(await storedFiles()).toHaveLength(2);
    expect(await photoKey()).not.toBe(key);
    expect((await fetch(`${app.url}/uploads/${key}-256.webp`)).status).toBe(404);
  });

  test("path tricks on the uploads route are 404", async () => {
    for (const p of ["../../package.json", "profiles/..%2F..%2Fpackage.json", "profiles/1-aaaaaaaaaaaa-512.webp"]) {
      expect((await fetch(`${app.url}/uploads/${p}`)).status).toBe(404);
    }
  });
});
