// /.well-known/jwks.json: the public keys badge credentials are signed with (never a private part).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { env } from "~/env.server";
import { db } from "~/db.server";
import { cachedResponse } from "~/models/badges/badge-file.server";
import { getPublicJwks } from "~/models/badges/signing-key.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const jwks = await getPublicJwks(db, { origin: env().APP_ORIGIN });
  return cachedResponse(request, JSON.stringify(jwks, null, 2), {
    "Content-Type": "application/jwk-set+json",
    "Cache-Control": "public, max-age=3600",
  });
}
