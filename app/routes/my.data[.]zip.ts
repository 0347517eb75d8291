// POST /my/data.zip: the member's data as a ZIP download. A refusal (too soon, too big) goes back
// to /my/data with a sentence; GET is not allowed, so a link or a crawler never builds one.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { pickLocale } from "~/i18n";
import { buildDataExport } from "~/models/account/data-export.server";
import { scopeOf } from "~/models/permissions.server";
import { requireViewer } from "~/viewer.server";

export async function loader(_: LoaderFunctionArgs) {
  return redirect("/my/data");
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const origin = new URL(request.url).origin;
  const locale = pickLocale(viewer.locale, request.headers.get("Accept-Language"));
  const result = await buildDataExport({ scope: scopeOf(viewer), origin, locale });
  if (!result.ok) return redirect(`/my/data?problem=${result.status === 429 ? "tooSoon" : "tooBig"}`);
  return new Response(result.zip as Uint8Array<ArrayBuffer>, {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="${result.filename}"`,
      "Content-Length": String(result.zip.byteLength),
      "Cache-Control": "no-store",
    },
  });
}
