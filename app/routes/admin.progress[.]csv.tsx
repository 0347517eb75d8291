// Every member's progress as CSV, streamed (one line per member and requirement); countries are
// named in the staff member's language.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { progressCsvLines } from "~/models/journey/progress-report.server";
import { requestLocale } from "~/locale";
import { requireStaff } from "~/web/staff.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request);
  const lines = progressCsvLines({ locale: requestLocale(request, staff.locale) });
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await lines.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
  const date = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="touchpoints-progress-${date}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
