// /badges/:awardId/baked.svg: the badge image with its signed credential baked in (OB 3.0 SVG baking), as a download.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { badgeFileResponse } from "~/models/badges/badge-file.server";

export const loader = ({ request, params }: LoaderFunctionArgs) =>
  badgeFileResponse({ request, publicId: params.awardId, kind: "baked" });
