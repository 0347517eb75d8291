// /badges/:awardId.svg: the badge image (embeddable anywhere; no credential inside).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { badgeFileResponse } from "~/models/badges/badge-file.server";

export const loader = ({ request, params }: LoaderFunctionArgs) =>
  badgeFileResponse({ request, publicId: params.awardId, kind: "svg" });
