// /awards/files/:id: an evidence file of a nomination, for its author, staff and the judges of its
// category (checked by the permissions module). Always a download, never rendered in our origin.
import { positiveId } from "~/web/http.server";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { readEvidence } from "~/models/awards/award-file.server";
import { getEvidenceFile } from "~/models/awards/nomination.server";
import { scopeOf } from "~/models/permissions.server";
import { getViewer } from "~/viewer.server";
import { attachmentResponse, plainNotFound } from "~/web/download.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  const file = await getEvidenceFile({ scope: scopeOf(viewer), fileId: positiveId(params.id) ?? 0 });
  if (!file) return plainNotFound();
  const body = await readEvidence(file.storage_key);
  if (!body) return plainNotFound();
  return attachmentResponse(body, file.file_name, file.content_type);
}
