// /badges/:awardId/status: the credential's status (its credentialStatus entry points here).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { badgeFileResponse } from "~/models/badges/badge-file.server";

export const loader = ({ request, params }: LoaderFunctionArgs) =>
  badgeFileResponse({ request, publicId: params.awardId, kind: "status" });
