// turbo-stream 2.x (pinned by Remix 2.17.5) built a decoded error with `new globalThis[name](message)`
// for any name the stream gave, and Remix's client decoder does the same for its SanitizedError
// (CVE-2026-34077; React Router 7 fixed its copy the same way). patches/ limits both to Error types.
import { createRequire } from "node:module";
import { decode, encode } from "turbo-stream";
import { describe, expect, test } from "vitest";

const require = createRequire(import.meta.url);

function streamOf(body: string | Uint8Array): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(c) {
      c.enqueue(typeof body === "string" ? new TextEncoder().encode(body) : body);
      c.close();
    },
  });
}

/** encode() gives bytes, as a response body would carry them */
async function bytes(stream: ReadableStream<unknown>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

describe("turbo-stream decoding", () => {
  test("an error typed as a global that is not an Error type decodes as a plain Error", async () => {
    for (const name of ["Function", "Date", "URL", "Worker", "Buffer"]) {
      const decoded = await decode(streamOf(`[["E","return 1",${JSON.stringify(name)}]]\n`));
      await decoded.done;
      expect(decoded.value).toBeInstanceOf(Error);
      expect(typeof decoded.value).toBe("object");
      expect((decoded.value as Error).message).toBe("return 1");
    }
  });

  test("real error types still come back as themselves", async () => {
    const decoded = await decode(encode({ a: new TypeError("bad type"), b: new Error("plain") }));
    await decoded.done;
    const value = decoded.value as { a: Error; b: Error };
    expect(value.a).toBeInstanceOf(TypeError);
    expect(value.a.message).toBe("bad type");
    expect(value.b).toBeInstanceOf(Error);
  });

  test("Remix's single-fetch decoder builds only Error types for a SanitizedError", async () => {
    const { decodeViaTurboStream } = require("@remix-run/react/dist/single-fetch.js");
    for (const [name, expected] of [
      ["Function", Error],
      ["RangeError", RangeError],
    ] as const) {
      const body = await bytes(
        encode(
          { marker: true },
          {
            plugins: [
              (v: unknown) =>
                (v as { marker?: boolean })?.marker ? ["SanitizedError", name, "return 1", undefined] : undefined,
            ],
          },
        ),
      );
      const decoded = await decodeViaTurboStream(streamOf(body), globalThis);
      await decoded.done;
      expect(typeof decoded.value).toBe("object");
      expect(decoded.value).toBeInstanceOf(expected);
      expect(decoded.value.message).toBe("return 1");
    }
  });
});

describe("hydration errors (one flaw in Remix's and React Router's deserializeErrors, GHSA-337j-9hxr-rhxg)", () => {
  test("an error whose subtype names a global that is not an Error type hydrates as a plain Error", () => {
    const g = globalThis as { window?: unknown };
    const before = g.window;
    g.window = globalThis;
    try {
      const { deserializeErrors } = require("@remix-run/react/dist/errors.js");
      const errors = deserializeErrors({
        a: { __type: "Error", __subType: "Function", message: "return 1", stack: "" },
        b: { __type: "Error", __subType: "TypeError", message: "bad", stack: "" },
      });
      expect(typeof errors.a).toBe("object");
      expect(errors.a).toBeInstanceOf(Error);
      expect(errors.b).toBeInstanceOf(TypeError);
    } finally {
      g.window = before;
    }
  });
});
