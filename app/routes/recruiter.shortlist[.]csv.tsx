// The recruiter's shortlist as CSV (only what candidates show recruiters; see shortlistCsv).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { env } from "~/env.server";
import { forbidden } from "~/web/http.server";
import { sharedI18n } from "~/i18n";
import { requestLocale } from "~/locale";
import { shortlistCsv } from "~/models/directory/shortlist.server";
import { scopeOf } from "~/models/permissions.server";
import { requireViewer } from "~/viewer.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const locale = requestLocale(request, viewer.locale);
  const csv = await shortlistCsv({ scope: scopeOf(viewer), t: sharedI18n(locale).t, locale, origin: env().APP_ORIGIN });
  if (csv === undefined) forbidden();
  const date = new Date().toISOString().slice(0, 10);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="touchpoints-shortlist-${date}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
