// A form that may carry evidence files (multipart) or not: read with a size limit per file and in
// all, so an oversized upload is refused with a sentence (413) before it is buffered whole.
import {
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from "@remix-run/node";
import { EVIDENCE_MAX_BYTES } from "../models/awards/award-file.server";
import { withoutNul } from "./http.server";

type Refusal = { ok: false; status: number; message: string; errorValues?: Record<string, string> };

export async function readUploadForm(
  request: Request,
  maxFiles: number,
): Promise<{ ok: true; form: FormData; fields: Record<string, string> } | Refusal> {
  const tooBig: Refusal = { ok: false, status: 413, message: "awards.errors.fileTooBig", errorValues: { name: "" } };
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxFiles * EVIDENCE_MAX_BYTES + 256 * 1024) return tooBig;
  let form: FormData;
  try {
    form = (request.headers.get("content-type") ?? "").startsWith("multipart/form-data")
      ? await unstable_parseMultipartFormData(
          request,
          unstable_createMemoryUploadHandler({ maxPartSize: EVIDENCE_MAX_BYTES }),
        )
      : await request.formData();
  } catch (e) {
    if (e instanceof MaxPartSizeExceededError) return tooBig;
    return { ok: false, status: 400, message: "awards.errors.unreadable" };
  }
  const fields: Record<string, string> = {};
  for (const [k, v] of form) if (typeof v === "string" && !(k in fields)) fields[k] = withoutNul(v);
  return { ok: true, form, fields };
}

/** The non-empty files sent under `name`. */
export const uploadedFiles = (form: FormData, name = "files") =>
  form.getAll(name).filter((f): f is File => typeof f !== "string" && f.size > 0);

/** Ids sent under `name` (checkboxes), whole numbers that fit an integer column. */
export const checkedIds = (form: FormData, name: string) =>
  form
    .getAll(name)
    .map((v) => Number(v))
    .filter((n) => Number.isSafeInteger(n) && n > 0 && n < 2_147_483_647);
