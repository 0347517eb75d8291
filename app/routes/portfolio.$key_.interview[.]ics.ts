// /portfolio/:key/interview.ics: the member's portfolio interview as an iCalendar file (the events'
// renderer). Personal: no shared cache keeps it.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { env } from "~/env.server";
import { sharedI18n } from "~/i18n";
import { requestLocale } from "~/locale";
import { PRIVATE_ICS_HEADERS } from "~/models/events/event-calendar.server";
import { interviewIcs } from "~/models/journey/portfolio-interview.server";
import { scopeOf } from "~/models/permissions.server";
import { requireViewer } from "~/viewer.server";
import { plainNotFound } from "~/web/download.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const { t } = sharedI18n(requestLocale(request, viewer.locale));
  const body = await interviewIcs({
    scope: scopeOf(viewer),
    userId: viewer.id,
    requirementKey: params.key ?? "",
    origin: env().APP_ORIGIN,
    title: t("portfolio.interviewTitle"),
  });
  if (!body) return plainNotFound();
  return new Response(body, {
    headers: { ...PRIVATE_ICS_HEADERS, "Content-Disposition": 'attachment; filename="portfolio-interview.ics"' },
  });
}
