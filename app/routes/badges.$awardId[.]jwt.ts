// /badges/:awardId.jwt: the signed credential, a compact JWS (VC-JWT, EdDSA).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { badgeFileResponse } from "~/models/badges/badge-file.server";

export const loader = ({ request, params }: LoaderFunctionArgs) =>
  badgeFileResponse({ request, publicId: params.awardId, kind: "jwt" });
