// /badges/:awardId.png: the badge for link previews (og:image), 1200x630.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { badgeFileResponse } from "~/models/badges/badge-file.server";

export const loader = ({ request, params }: LoaderFunctionArgs) =>
  badgeFileResponse({ request, publicId: params.awardId, kind: "png" });
