// /badges/:awardId.json: the OpenBadgeCredential (JSON-LD) that the VC-JWT at .jwt signs; a client
// sending Accept: application/vc+jwt gets the signed credential itself. /badges/issuer.json (the
// issuer profile) lands here too: badge ids are 22 random characters and never "issuer".
import type { LoaderFunctionArgs } from "@remix-run/node";
import { badgeFileResponse } from "~/models/badges/badge-file.server";

export const loader = ({ request, params }: LoaderFunctionArgs) =>
  badgeFileResponse({ request, publicId: params.awardId, kind: "json" });
