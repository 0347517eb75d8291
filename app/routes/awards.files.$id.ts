// /awards/files/:id: an evidence file of a nomination, for its author, staff and the judges of its
// category (checked by the permissions module). Always a download, never rendered in our origin.
import { positiveId } from "~/web/http.server";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { readEvidence } from "~/models/awards/award-file.server";
import { getEvidenceFile } from "~/models/awards/nomination.server";
import { scopeOf } from "~/models/permissions.server";
import { getViewer } from "~/viewer.server";

const notFound = () =>
  new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  const file = await getEvidenceFile({ scope: scopeOf(viewer), fileId: positiveId(params.id) ?? 0 });
  if (!file) return notFound();
  const body = await readEvidence(file.storage_key);
  if (!body) return notFound();
  const ascii = file.file_name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": file.content_type,
      "Content-Length": String(body.byteLength),
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.file_name)}`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}
