// /badges/:awardId/baked.png: the badge as a PNG with its signed credential baked in (OB 3.0 PNG baking: an
// iTXt chunk "openbadgecredential"), as a download.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { badgeFileResponse } from "~/models/badges/badge-file.server";

export const loader = ({ request, params }: LoaderFunctionArgs) =>
  badgeFileResponse({ request, publicId: params.awardId, kind: "bakedPng" });
