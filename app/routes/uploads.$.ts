// Stored uploads (profile photos, images in posts). Keys are random and never reused, so a file can
// be cached for a year; only our own key shapes are served (no path tricks), always as WebP, with
// nosniff and a policy that lets nothing in the file run (opened on its own, it is a sandboxed image).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { readUpload } from "~/models/directory/photo.server";
import { readPostImage } from "~/models/forum/uploads.server";

export async function loader({ params }: LoaderFunctionArgs) {
  const file = params["*"] ?? "";
  const body = file.startsWith("posts/") ? await readPostImage(file) : await readUpload(file);
  if (!body)
    return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": "image/webp",
      "Content-Length": String(body.byteLength),
      "Cache-Control": "public, max-age=31536000, immutable",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}
