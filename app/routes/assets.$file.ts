// The members' script (app/web/member-script.ts), at an address that names its content: kept a year.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound } from "~/web/http.server";
import { MEMBER_SCRIPT, MEMBER_SCRIPT_FILE } from "~/web/member-script";

export function loader({ params }: LoaderFunctionArgs) {
  if (params.file !== MEMBER_SCRIPT_FILE) notFound();
  return new Response(MEMBER_SCRIPT, {
    headers: {
      "Content-Type": "text/javascript; charset=utf-8",
      "Cache-Control": "public, max-age=31536000, immutable",
    },
  });
}
