// /badges/keys/:thumbprint: one public key as a JWK; the `kid` of every signed credential points here.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { env } from "~/env.server";
import { db } from "~/db.server";
import { cachedResponse } from "~/models/badges/badge-file.server";
import { getPublicJwk } from "~/models/badges/signing-key.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const thumbprint = params.thumbprint ?? "";
  const jwk = /^[A-Za-z0-9_-]{43}$/.test(thumbprint)
    ? await getPublicJwk(db, { origin: env().APP_ORIGIN, thumbprint })
    : undefined;
  if (!jwk) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return cachedResponse(request, JSON.stringify(jwk, null, 2), {
    "Content-Type": "application/jwk+json",
    "Cache-Control": "public, max-age=86400",
  });
}
