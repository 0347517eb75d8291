// POST /composer/upload: the composer's script sends one image (pasted, dropped or picked) and gets
// its markdown back, or the refusal in the member's language. Without JavaScript the composer's own
// "Upload image" submit does the same through its page (app/web/composer-upload.server.ts).
// (A resource route: with single fetch, only a plain Response keeps its status here.)
import type { ActionFunctionArgs } from "@remix-run/node";
import { requestLocale, sharedI18n } from "~/i18n";
import { scopeOf } from "~/models/permissions.server";
import { requireViewer } from "~/viewer.server";
import { isMultipart, uploadFromRequest } from "~/web/composer-upload.server";

export async function action({ request }: ActionFunctionArgs) {
  // posted by a script in the background: the page still has the text, nothing to hold
  const viewer = await requireViewer(request, { keepForm: false });
  const t = sharedI18n(requestLocale(request, viewer.locale)).t;
  if (!isMultipart(request)) return Response.json({ error: t("uploads.errors.empty") }, { status: 400 });
  const { result } = await uploadFromRequest(request, { ...viewer, isStaff: scopeOf(viewer).isStaff });
  if (!result.ok) {
    const values = {
      ...result.values,
      ...(result.values?.until ? { until: new Date(result.values.until) } : {}),
      formatParams: { until: { dateStyle: "medium", timeStyle: "short", timeZone: viewer.timeZone } },
    };
    return Response.json({ error: t(result.message, values) }, { status: result.status });
  }
  const { markdown, url, width, height } = result;
  return Response.json({ markdown, url, width, height, message: t("uploads.added") });
}
