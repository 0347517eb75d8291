// The file store on disk and on an S3-compatible bucket. The bucket is s3rver: a real S3 HTTP
// server (path-style requests, Signature V4 checked against its key pair) running on loopback,
// standing in for AWS S3 / R2 / MinIO, which are outside this machine.
import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
// @ts-expect-error s3rver ships no types
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db.server";
import { checkKey, diskStore, s3Store, type FileStore } from "~/storage.server";
import { freePort } from "../../scripts/server/services";
import { cookieFrom, postForm, startApp, type TestApp } from "../setup/app";
import { createUser } from "../factories/users";

const BUCKET = "tp-uploads";
let s3: { close(): Promise<void> };
let s3Dir: string;
let endpoint: string;
const keys = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };

beforeAll(async () => {
  s3Dir = await mkdtemp(path.join(os.tmpdir(), "tp-s3-"));
  const port = await freePort();
  s3 = new S3rver({ port, address: "127.0.0.1", silent: true, directory: s3Dir, configureBuckets: [{ name: BUCKET }] });
  await (s3 as unknown as { run(): Promise<unknown> }).run();
  endpoint = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  await s3?.close();
  await rm(s3Dir, { recursive: true, force: true });
});

async function roundTrip(store: FileStore) {
  const body = new TextEncoder().encode("hello file store");
  await store.put("profiles/7-abcdefghijkl-64.webp", body, "image/webp");
  expect((await store.get("profiles/7-abcdefghijkl-64.webp"))?.toString()).toBe("hello file store");
  expect(await store.get("profiles/7-nothere-64.webp")).toBeNull();
  await store.delete(["profiles/7-abcdefghijkl-64.webp", "profiles/7-nothere-64.webp"]);
  expect(await store.get("profiles/7-abcdefghijkl-64.webp")).toBeNull();
}

describe("the file store", () => {
  test("on disk: put, get, missing, delete", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "tp-disk-"));
    try {
      await roundTrip(diskStore(dir));
      expect(await readdir(path.join(dir, "profiles"))).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test("on an S3 bucket: put, get, missing, delete", async () => {
    await roundTrip(s3Store({ endpoint, bucket: BUCKET, region: "us-east-1", ...keys }));
  });

  test("a bucket that refuses the write is an error (the upload fails), not a silent loss", async () => {
    const store = s3Store({ endpoint, bucket: "no-such-bucket", region: "us-east-1", ...keys });
    await expect(store.put("profiles/7-abcdefghijkl-64.webp", new Uint8Array([1]), "image/webp")).rejects.toThrow(
      /S3 PUT profiles\/7-abcdefghijkl-64.webp answered 404/,
    );
  });

  test("keys with path tricks are refused before any request", () => {
    for (const bad of ["../etc/passwd", "profiles/../../x", "/abs/path", "profiles/", "profiles/a b", ""])
      expect(() => checkKey(bad)).toThrow(/not a storage key/);
    expect(checkKey("profiles/12-Ab_c-256.webp")).toBe("profiles/12-Ab_c-256.webp");
  });
});

describe("profile photos go to the bucket when S3_BUCKET is set", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startApp({
      S3_BUCKET: BUCKET,
      S3_ENDPOINT: endpoint,
      S3_ACCESS_KEY_ID: keys.accessKeyId,
      S3_SECRET_ACCESS_KEY: keys.secretAccessKey,
    });
  });
  afterAll(async () => {
    await app?.stop();
  });

  test("uploaded, served by the app, replaced, and never written to the uploads folder", async () => {
    const user = await createUser({ username: "s3_photo_ngozi" });
    const cookie = cookieFrom(await postForm(app, "/login", { email: user.username, password: user.password }));
    const upload = async (bytes: Buffer) => {
      const form = new FormData();
      form.append("photo", new Blob([new Uint8Array(bytes)], { type: "image/png" }), "me.png");
      return fetch(`${app.url}/my/profile`, {
        method: "POST",
        headers: { Origin: app.origin, Cookie: cookie },
        body: form,
        redirect: "manual",
      });
    };
    const png = await sharp({ create: { width: 300, height: 300, channels: 3, background: "#225588" } })
      .png()
      .toBuffer();
    expect((await upload(png)).status).toBe(302);
    const key = (
      await db.selectFrom("profiles").select("photo_key").where("user_id", "=", user.id).executeTakeFirstOrThrow()
    ).photo_key!;
    const bucket = s3Store({ endpoint, bucket: BUCKET, region: "us-east-1", ...keys });
    for (const size of [256, 64]) {
      const stored = await bucket.get(`${key}-${size}.webp`);
      expect(stored, `${key}-${size}.webp in the bucket`).not.toBeNull();
      const served = await fetch(`${app.url}/uploads/${key}-${size}.webp`);
      expect(served.status).toBe(200);
      const body = Buffer.from(await served.arrayBuffer());
      expect(body.equals(stored!)).toBe(true);
      expect((await sharp(body).metadata()).width).toBe(size);
    }
    const onDisk = await readdir(path.join(process.env.DATA_DIR!, "uploads", "profiles")).catch(() => [] as string[]);
    expect(onDisk.filter((f) => f.startsWith(key.split("/")[1]))).toEqual([]);

    // a new photo replaces the old one in the bucket too
    expect(
      (
        await upload(
          await sharp({ create: { width: 200, height: 200, channels: 3, background: "#aa2200" } })
            .png()
            .toBuffer(),
        )
      ).status,
    ).toBe(302);
    expect(await bucket.get(`${key}-256.webp`)).toBeNull();
    expect((await fetch(`${app.url}/uploads/${key}-256.webp`)).status).toBe(404);
  });
});
