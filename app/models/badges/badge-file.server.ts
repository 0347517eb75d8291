// The machine-readable faces of an award, each at its own address: the image (.svg), the image
// for link previews (.png), the baked images (/baked.svg, /baked.png), the credential document (.json), the
// signed credential (.jwt) and its status (/status). All are public for anyone with the id,
// answer 404 for unknown ids, and carry an ETag so caches revalidate cheaply.
import { createHash } from "node:crypto";
import { env } from "../../env.server";
import { db } from "../../db.server";
import { loadSharp } from "../shared/file-intake.server";
import { bakePng, bakeSvg, renderBadgeSvg } from "./badge-artwork.server";
import {
  achievementText,
  buildCredential,
  credentialStatusDocument,
  credentialT,
  issuerProfile,
  listFrameworkCompetencies,
  signCredential,
  VC_CONTEXT,
  OB_CONTEXT,
} from "./badge-credential.server";
import { getBadgeAward, type BadgeAward } from "./badge.server";
import { listPublicEvidencedClaims } from "../directory/competency-evidence.server";

export type BadgeFileKind = "svg" | "png" | "baked" | "bakedPng" | "json" | "jwt" | "status";

// Images and credentials change only when the holder's name changes or the badge is revoked:
// cached for an hour by anyone, then revalidated with the ETag (304 when unchanged).
const CACHE = "public, max-age=3600, stale-while-revalidate=86400";
// the status must be fresh: a verifier asks it to learn about a revocation
const STATUS_CACHE = "public, max-age=60";

const etagOf = (body: string | Uint8Array) => `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;

function matches(request: Request, etag: string): boolean {
  const header = request.headers.get("If-None-Match");
  return !!header && header.split(",").some((v) => v.trim().replace(/^W\//, "") === etag);
}

/** A body with its ETag; a matching If-None-Match gets an empty 304. */
export function cachedResponse(request: Request, body: string | Uint8Array, headers: Record<string, string>): Response {
  const etag = etagOf(body);
  const all = { ETag: etag, "X-Content-Type-Options": "nosniff", "Access-Control-Allow-Origin": "*", ...headers };
  if (matches(request, etag)) return new Response(null, { status: 304, headers: all });
  return new Response(typeof body === "string" ? body : Buffer.from(body), { status: 200, headers: all });
}

const notFound = () =>
  new Response("Not found", {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "public, max-age=60" },
  });

export function badgeSvg(award: BadgeAward): string {
  const t = credentialT();
  const a = achievementText(award, t);
  return renderBadgeSvg(
    {
      kind: award.kind,
      level: award.level,
      name: a.name,
      shortName: a.shortName,
      inscription: a.inscription,
      holderName: award.display_name,
      awardedAt: award.awarded_at,
      revoked: !!award.revoked_at,
    },
    t,
  );
}

/** The holder's evidenced claims, while the award stands and their profile is public. */
const evidenced = (award: BadgeAward) => (award.revoked_at ? [] : listPublicEvidencedClaims(db, award.user_id));

export async function badgeJwt(award: BadgeAward, origin: string): Promise<string> {
  const credential = buildCredential({
    award,
    competencies: await listFrameworkCompetencies(db),
    origin,
    evidenced: await evidenced(award),
  });
  return signCredential(db, { credential, origin });
}

// PNG renders cost ~50 ms: the last few are kept (they are what link previews fetch).
const pngCache = new Map<string, Buffer>();
async function badgePng(svg: string): Promise<Buffer> {
  const key = etagOf(svg);
  const hit = pngCache.get(key);
  if (hit) return hit;
  const sharp = await loadSharp();
  // 1200x630: the size LinkedIn and other link previews show best; the badge centred on white
  const badge = await sharp(Buffer.from(svg), { density: 144 }).resize(560, 560).png().toBuffer();
  const png = await sharp({ create: { width: 1200, height: 630, channels: 4, background: "#f3f4f6" } })
    .composite([{ input: badge, left: 320, top: 35 }])
    .png({ compressionLevel: 9 })
    .toBuffer();
  if (pngCache.size >= 50) pngCache.delete(pngCache.keys().next().value!);
  pngCache.set(key, png);
  return png;
}

/** The badge alone as a 600x600 PNG, for baking (what Credly and wallets import). */
async function squarePng(svg: string): Promise<Buffer> {
  return (await loadSharp())(Buffer.from(svg), { density: 144 })
    .resize(600, 600)
    .png({ compressionLevel: 9 })
    .toBuffer();
}

function fileName(award: BadgeAward, ext: string) {
  const what =
    award.kind === "mentor"
      ? "mentor"
      : award.kind === "award"
        ? `award-${award.award_year}`
        : (award.level_slug ?? `level-${award.level}`);
  return `touchpoints-${what}-${award.public_id}.${ext}`;
}

/**
 * Answers one of an award's files, or 404. `accept` lets /badges/:id.json hand out the VC-JWT to clients that ask for
 * it.
 */
export async function badgeFileResponse({
  request,
  publicId,
  kind,
}: {
  request: Request;
  publicId: string | undefined;
  kind: BadgeFileKind;
}): Promise<Response> {
  const origin = env().APP_ORIGIN;
  if (kind === "json" && publicId === "issuer") return issuerResponse(request, origin);
  const award = publicId ? await getBadgeAward(db, { publicId }) : undefined;
  if (!award) return notFound();
  switch (kind) {
    case "svg":
      return cachedResponse(request, badgeSvg(award), {
        "Content-Type": "image/svg+xml; charset=utf-8",
        "Cache-Control": CACHE,
        "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
      });
    case "png":
      return cachedResponse(request, await badgePng(badgeSvg(award)), {
        "Content-Type": "image/png",
        "Cache-Control": CACHE,
      });
    case "baked":
      return cachedResponse(request, bakeSvg(badgeSvg(award), await badgeJwt(award, origin)), {
        "Content-Type": "image/svg+xml; charset=utf-8",
        "Content-Disposition": `attachment; filename="${fileName(award, "svg")}"`,
        "Cache-Control": CACHE,
        "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
      });
    case "bakedPng":
      return cachedResponse(request, bakePng(await squarePng(badgeSvg(award)), await badgeJwt(award, origin)), {
        "Content-Type": "image/png",
        "Content-Disposition": `attachment; filename="${fileName(award, "png")}"`,
        "Cache-Control": CACHE,
      });
    case "jwt": {
      // OB 3.0 "Web Resource": the compact JWS, text/plain; application/vc+jwt for clients asking for it
      const wantsVcJwt = /application\/(vc\+)?jwt/.test(request.headers.get("Accept") ?? "");
      return cachedResponse(request, await badgeJwt(award, origin), {
        "Content-Type": wantsVcJwt ? "application/vc+jwt" : "text/plain; charset=utf-8",
        "Cache-Control": CACHE,
        Vary: "Accept",
      });
    }
    case "json": {
      if (/application\/(vc\+)?jwt/.test(request.headers.get("Accept") ?? "")) {
        return cachedResponse(request, await badgeJwt(award, origin), {
          "Content-Type": "application/vc+jwt",
          "Cache-Control": CACHE,
          Vary: "Accept",
        });
      }
      const credential = buildCredential({
        award,
        competencies: await listFrameworkCompetencies(db),
        origin,
        evidenced: await evidenced(award),
      });
      return cachedResponse(request, JSON.stringify(credential, null, 2), {
        "Content-Type": "application/ld+json; charset=utf-8",
        "Cache-Control": CACHE,
        Vary: "Accept",
        Link: `<${origin}/badges/${award.public_id}.jwt>; rel="alternate"; type="application/vc+jwt"`,
      });
    }
    case "status":
      return cachedResponse(request, JSON.stringify(credentialStatusDocument({ award, origin }), null, 2), {
        "Content-Type": "application/json; charset=utf-8",
        "Cache-Control": STATUS_CACHE,
      });
  }
}

function issuerResponse(request: Request, origin: string): Response {
  const body = { "@context": [VC_CONTEXT, OB_CONTEXT], ...issuerProfile(origin) };
  return cachedResponse(request, JSON.stringify(body, null, 2), {
    "Content-Type": "application/ld+json; charset=utf-8",
    "Cache-Control": CACHE,
  });
}
