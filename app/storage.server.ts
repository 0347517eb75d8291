// Where uploaded files live: DATA_DIR/uploads by default, or an S3-compatible bucket (AWS S3,
// Cloudflare R2, MinIO, Scaleway...) when S3_BUCKET is set. Callers name files by key
// ("profiles/12-abc-256.webp"); keys are made by our code and checked here again, so no path trick
// reaches the disk or the bucket. The app serves the files itself (app/routes/uploads.$.ts), so
// the bucket stays private.
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { AwsClient } from "aws4fetch";
import { env } from "./env.server";

export interface FileStore {
  readonly kind: "disk" | "s3";
  put(key: string, body: Uint8Array, contentType: string): Promise<void>;
  /** The file's bytes, or null when there is no such file. */
  get(key: string): Promise<Buffer | null>;
  /** Removes the files; a missing one is not an error. */
  delete(keys: string[]): Promise<void>;
}

const KEY = /^[a-z]+(?:\/[A-Za-z0-9_-][A-Za-z0-9._-]{0,120})+$/;

export function checkKey(key: string): string {
  if (!KEY.test(key) || key.includes("..")) throw new Error(`not a storage key: ${JSON.stringify(key)}`);
  return key;
}

export function diskStore(root: string): FileStore {
  const file = (key: string) => path.join(root, checkKey(key));
  return {
    kind: "disk",
    async put(key, body) {
      const target = file(key);
      await mkdir(path.dirname(target), { recursive: true });
      const tmp = `${target}.${process.pid}.tmp`;
      await writeFile(tmp, body);
      await rename(tmp, target); // readers see the whole file or none
    },
    async get(key) {
      try {
        return await readFile(file(key));
      } catch {
        return null;
      }
    },
    async delete(keys) {
      await Promise.all(keys.map((k) => rm(file(k), { force: true })));
    },
  };
}

export type S3Options = {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
};

/** Path-style requests (`endpoint/bucket/key`), signed with AWS Signature Version 4. */
export function s3Store(o: S3Options): FileStore {
  const client = new AwsClient({
    accessKeyId: o.accessKeyId,
    secretAccessKey: o.secretAccessKey,
    region: o.region,
    service: "s3",
    retries: 2,
  });
  const base = `${o.endpoint.replace(/(?<!\/)\/+$/, "")}/${o.bucket}`;
  const url = (key: string) => `${base}/${checkKey(key).split("/").map(encodeURIComponent).join("/")}`;
  const fail = async (what: string, res: Response) => {
    throw new Error(`S3 ${what} answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
  };
  return {
    kind: "s3",
    async put(key, body, contentType) {
      const res = await client.fetch(url(key), {
        method: "PUT",
        body: body as Uint8Array<ArrayBuffer>,
        headers: { "Content-Type": contentType, "Content-Length": String(body.byteLength) },
      });
      if (!res.ok) await fail(`PUT ${key}`, res);
      await res.arrayBuffer();
    },
    async get(key) {
      const res = await client.fetch(url(key), { method: "GET" });
      if (res.status === 404) {
        await res.arrayBuffer();
        return null;
      }
      if (!res.ok) await fail(`GET ${key}`, res);
      return Buffer.from(await res.arrayBuffer());
    },
    async delete(keys) {
      for (const key of keys) {
        const res = await client.fetch(url(key), { method: "DELETE" });
        if (!res.ok && res.status !== 404) await fail(`DELETE ${key}`, res);
        await res.arrayBuffer();
      }
    },
  };
}

let cached: FileStore | undefined;
/** The configured store, chosen once from the environment. */
export function fileStore(): FileStore {
  if (cached) return cached;
  const e = env();
  cached = e.S3_BUCKET
    ? s3Store({
        endpoint: e.S3_ENDPOINT!,
        bucket: e.S3_BUCKET,
        region: e.S3_REGION,
        accessKeyId: e.S3_ACCESS_KEY_ID!,
        secretAccessKey: e.S3_SECRET_ACCESS_KEY!,
      })
    : diskStore(path.resolve(e.DATA_DIR, "uploads"));
  return cached;
}
