// Verifiable badges over real HTTP: the credential is checked the way an outside verifier would,
// with jose and nothing but the public key the app publishes; tampering breaks it; revocation
// shows on the page and in the status; unknown ids are 404; hostile names are escaped.
// Needs the built app: `npx remix build` first.
import { createRemoteJWKSet, decodeProtectedHeader, errors, jwtVerify, type JWTPayload } from "jose";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db.server";
import { awardLevelBadge, grantMentorBadge, listCurrentLevelBadges, revokeBadge } from "~/models/badges/badge.server";
import type { OpenBadgeCredential } from "~/models/badges/badge-credential.server";
import { PNG } from "pngjs";
import { seedDemoBadges } from "../../scripts/seed/demo-badges";
import { cookieFrom, postForm, startApp, type TestApp } from "../setup/app";
import { enrol, ensureProgramme } from "../factories/progress";
import { createAdmin, createUser } from "../factories/users";
import { signInCookie } from "../setup/two-factor";

let app: TestApp;
let admin: Awaited<ReturnType<typeof createAdmin>>;
let holder: Awaited<ReturnType<typeof createUser>>;
let badgeId: string;

async function giveBadge(userId: number, level: number, awardedBy: number | null) {
  await enrol(userId, level);
  return db
    .transaction()
    .execute((trx) =>
      awardLevelBadge(trx, { userId, level, awardedBy, applicationId: null, at: new Date("2026-10-05T09:30:00Z") }),
    );
}

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${app.url}${path}`, { headers, redirect: "manual" });

beforeAll(async () => {
  await ensureProgramme();
  app = await startApp({ LINKEDIN_ORGANIZATION_ID: "1337042" });
  admin = await createAdmin({ username: "badge_admin" });
  await db.updateTable("users").set({ display_name: "Adaeze Staff" }).where("id", "=", admin.id).execute();
  holder = await createUser({ username: "badge_holder", displayName: "Thandiwe Nkosi" });
  badgeId = (await giveBadge(holder.id, 2, admin.id)).public_id;
});
afterAll(async () => {
  await app?.stop();
});

describe("the signed credential", () => {
  test("verifies with jose and only the key at /.well-known/jwks.json, and says what the badge is", async () => {
    const jwks = await (await get("/.well-known/jwks.json")).json();
    expect(jwks.keys.length).toBeGreaterThan(0);
    for (const k of jwks.keys) {
      expect(k).toMatchObject({ kty: "OKP", crv: "Ed25519", alg: "EdDSA" });
      expect(k).not.toHaveProperty("d"); // never the private part
    }

    const res = await get(`/badges/${badgeId}.jwt`);
    expect(res.status).toBe(200);
    const jwt = (await res.text()).trim();
    const keySet = createRemoteJWKSet(new URL(`${app.url}/.well-known/jwks.json`));
    const { payload, protectedHeader } = await jwtVerify<JWTPayload & OpenBadgeCredential>(jwt, keySet, {
      algorithms: ["EdDSA"],
    });
    expect(protectedHeader).toMatchObject({ alg: "EdDSA", typ: "JWT" });
    expect(Object.keys(protectedHeader).sort()).toEqual(["alg", "kid", "typ"]);

    // OB 3.0 VC-JWT: the payload is the OpenBadgeCredential plus iss, jti, nbf, sub that match it
    expect(payload["@context"]).toEqual([
      "https://www.w3.org/ns/credentials/v2",
      "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    ]);
    expect(payload.type).toEqual(["VerifiableCredential", "OpenBadgeCredential"]);
    expect(payload.iss).toBe(payload.issuer.id);
    expect(payload.issuer).toMatchObject({ type: ["Profile"], name: "Touchpoints" });
    expect(payload.issuer.url).toMatch(/^https?:\/\//);
    expect(payload.jti).toBe(payload.id);
    expect(payload.id).toMatch(new RegExp(`/badges/${badgeId}$`));
    expect(payload.sub).toBe(payload.credentialSubject.id);
    expect(payload.nbf).toBe(Date.parse("2026-10-05T09:30:00Z") / 1000);
    expect(payload.validFrom).toBe("2026-10-05T09:30:00.000Z");
    expect(payload.credentialSubject.type).toEqual(["AchievementSubject"]);
    expect(payload.credentialSubject.identifier[0]).toMatchObject({
      type: "IdentityObject",
      identityType: "name",
      hashed: false,
      identityHash: "Thandiwe Nkosi",
    });
    const achievement = payload.credentialSubject.achievement;
    expect(achievement).toMatchObject({ type: ["Achievement"], name: "Customer Service Professional" });
    expect(achievement.criteria.narrative).toContain("CCXMP");
    expect(achievement.alignment.length).toBeGreaterThan(0);
    for (const a of achievement.alignment) {
      expect(a.targetFramework).toBe("Touchpoints Competency Framework");
      expect(a.targetUrl).toMatch(/\/badges#competency-/);
      expect(a.targetName).toBeTruthy();
    }
    expect(payload.credentialStatus.id).toMatch(new RegExp(`/badges/${badgeId}/status$`));

    // the kid is a URL that dereferences to the same public JWK
    const kid = new URL(String(protectedHeader.kid));
    const jwk = await (await get(kid.pathname)).json();
    expect(jwk).toMatchObject({
      kty: "OKP",
      crv: "Ed25519",
      x: jwks.keys.find((k: { kid: string }) => k.kid === protectedHeader.kid).x,
    });
    expect(jwk).not.toHaveProperty("d");

    // the .json document is the credential the JWT signs (less the registered claims)
    const doc = await (await get(`/badges/${badgeId}.json`)).json();
    const { iss: _iss, jti: _jti, nbf: _nbf, sub: _sub, ...credential } = payload;
    expect(doc).toEqual(credential);
    // asked for the signed form, .json hands out the VC-JWT
    const signed = await get(`/badges/${badgeId}.json`, { Accept: "application/vc+jwt" });
    expect(signed.headers.get("content-type")).toBe("application/vc+jwt");
    expect((await signed.text()).trim()).toBe(jwt);
  });

  test("changing one field of the payload makes verification fail", async () => {
    const jwt = (await (await get(`/badges/${badgeId}.jwt`)).text()).trim();
    const [header, body, signature] = jwt.split(".");
    const payload = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
    payload.credentialSubject.achievement.name = "Customer Experience Leader";
    const forged = [header, Buffer.from(JSON.stringify(payload)).toString("base64url"), signature].join(".");
    const keySet = createRemoteJWKSet(new URL(`${app.url}/.well-known/jwks.json`));
    await expect(jwtVerify(forged, keySet, { algorithms: ["EdDSA"] })).rejects.toBeInstanceOf(
      errors.JWSSignatureVerificationFailed,
    );
    // and the untouched token still verifies
    await expect(jwtVerify(jwt, keySet, { algorithms: ["EdDSA"] })).resolves.toBeTruthy();
  });

  test("the baked SVG carries the signed credential as OB 3.0 describes", async () => {
    const res = await get(`/badges/${badgeId}/baked.svg`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^image\/svg\+xml/);
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="touchpoints-professional-/);
    const svg = await res.text();
    const open = /<svg\b[^>]*>/.exec(svg)!;
    expect(open[0]).toContain('xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"');
    const after = svg.slice(open.index + open[0].length).trimStart();
    const m = /^<openbadges:credential verify="([^"]+)"><\/openbadges:credential>/.exec(after);
    expect(m).not.toBeNull();
    expect(svg.match(/<openbadges:credential/g)).toHaveLength(1);
    const keySet = createRemoteJWKSet(new URL(`${app.url}/.well-known/jwks.json`));
    const { payload } = await jwtVerify(m![1], keySet, { algorithms: ["EdDSA"] });
    expect(payload.jti).toMatch(new RegExp(`/badges/${badgeId}$`));
    expect(decodeProtectedHeader(m![1]).alg).toBe("EdDSA");
  });

  test("the baked PNG carries the signed credential in an iTXt chunk as OB 3.0 describes", async () => {
    const res = await get(`/badges/${badgeId}/baked.png`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="touchpoints-professional-.+\.png"$/);
    const png = Buffer.from(await res.arrayBuffer());
    // a valid image (pngjs checks every chunk's CRC), 600x600
    expect(PNG.sync.read(png, { checkCRC: true })).toMatchObject({ width: 600, height: 600 });
    // the chunks by hand: iTXt "openbadgecredential", uncompressed, no language, right after IHDR
    const chunks: { type: string; data: Buffer }[] = [];
    for (let at = 8; at < png.length; at += 12 + png.readUInt32BE(at))
      chunks.push({
        type: png.toString("latin1", at + 4, at + 8),
        data: png.subarray(at + 8, at + 8 + png.readUInt32BE(at)),
      });
    expect(chunks[0].type).toBe("IHDR");
    expect(chunks[1].type).toBe("iTXt");
    const baked = chunks.filter(
      (c) => c.type === "iTXt" && c.data.toString("latin1").startsWith("openbadgecredential\0"),
    );
    expect(baked).toHaveLength(1);
    const data = baked[0].data;
    const keywordEnd = data.indexOf(0);
    expect(data.subarray(keywordEnd + 1, keywordEnd + 3)).toEqual(Buffer.from([0, 0])); // not compressed
    const langEnd = data.indexOf(0, keywordEnd + 3);
    const translatedEnd = data.indexOf(0, langEnd + 1);
    expect([langEnd, translatedEnd]).toEqual([keywordEnd + 3, keywordEnd + 4]); // empty language and translated keyword
    const jws = data.subarray(translatedEnd + 1).toString("utf8");
    const keySet = createRemoteJWKSet(new URL(`${app.url}/.well-known/jwks.json`));
    const { payload } = await jwtVerify(jws, keySet, { algorithms: ["EdDSA"] });
    expect(payload.jti).toMatch(new RegExp(`/badges/${badgeId}$`));
    // the same credential as the .jwt address gives
    expect(jws).toBe(await (await get(`/badges/${badgeId}.jwt`)).text());
  });

  test("the issuer profile is published", async () => {
    const res = await get("/badges/issuer.json");
    expect(res.status).toBe(200);
    const issuer = await res.json();
    expect(issuer).toMatchObject({ type: ["Profile"], name: "Touchpoints" });
    expect(issuer.id).toMatch(/\/badges\/issuer\.json$/);
  });
});

describe("the badge page and image", () => {
  test("states who holds it, the level, when and by whom, the criteria; with Open Graph and LinkedIn", async () => {
    const res = await get(`/badges/${badgeId}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Thandiwe Nkosi");
    expect(html).toContain("Level 2: Customer Service Professional");
    expect(html).toContain("5 October 2026");
    expect(html).toContain("Touchpoints, approved by Adaeze Staff");
    expect(html).toContain("Valid");
    expect(html).toContain("CCXMP");
    expect(html).toMatch(new RegExp(`<meta property="og:image" content="[^"]+/badges/${badgeId}\\.png"`));
    expect(html).toMatch(/<meta property="og:title" content="Thandiwe Nkosi: Customer Service Professional"/);
    expect(html).toMatch(new RegExp(`<meta property="og:url" content="[^"]+/badges/${badgeId}"`));
    const linkedin = /href="(https:\/\/www\.linkedin\.com\/profile\/add\?[^"]+)"/.exec(html)![1].replace(/&amp;/g, "&");
    const q = new URL(linkedin).searchParams;
    expect(Object.fromEntries(q)).toMatchObject({
      startTask: "CERTIFICATION_NAME",
      name: "Customer Service Professional",
      organizationId: "1337042",
      issueYear: "2026",
      issueMonth: "10",
      certId: badgeId,
    });
    expect(q.get("certUrl")).toMatch(new RegExp(`/badges/${badgeId}$`));
    expect(html).toMatch(/<textarea[^>]*readonly=""[^>]*>&lt;a href=/);
  });

  test("the SVG and PNG are served with an ETag; a matching If-None-Match gets 304", async () => {
    const svg = await get(`/badges/${badgeId}.svg`);
    expect(svg.status).toBe(200);
    expect(svg.headers.get("content-type")).toMatch(/^image\/svg\+xml/);
    expect(svg.headers.get("cache-control")).toMatch(/max-age=\d+/);
    const etag = svg.headers.get("etag")!;
    expect(etag).toBeTruthy();
    const body = await svg.text();
    expect(body).toContain('<title id="badge-title">Customer Service Professional: badge of Thandiwe Nkosi</title>');
    expect(body).toContain("5 October 2026");
    expect(body).toContain("Touchpoints Career Journey · Level 2");
    expect((await get(`/badges/${badgeId}.svg`, { "If-None-Match": etag })).status).toBe(304);
    const png = await get(`/badges/${badgeId}.png`);
    expect(png.status).toBe(200);
    expect(png.headers.get("content-type")).toBe("image/png");
    expect(
      Buffer.from(await png.arrayBuffer())
        .subarray(1, 4)
        .toString(),
    ).toBe("PNG");
  });

  test("a hostile display name is escaped in the SVG and on the page", async () => {
    const hostile = await createUser({
      username: "badge_hostile",
      displayName: `<script>alert("x")</script> & <image href="javascript:1"/>\u202Eevil`,
    });
    const id = (await giveBadge(hostile.id, 1, null)).public_id;
    const svg = await (await get(`/badges/${id}.svg`)).text();
    expect(svg).not.toMatch(/<script/i);
    expect(svg).not.toMatch(/<image/i);
    expect(svg).not.toContain("\u202E");
    expect(svg).toContain(
      "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;image href=&quot;javascript:1&quot;/&gt;",
    );
    // every & starts an entity: the document is well-formed XML
    expect(svg.match(/&(?!(amp|lt|gt|quot|apos);)/g)).toBeNull();
    const page = await (await get(`/badges/${id}`)).text();
    expect(page).not.toContain('<script>alert("x")');
    const issued = await (await get(`/badges/${id}`)).text();
    expect(issued).toContain("Touchpoints</dd>"); // no approver: issued by Touchpoints alone
  });

  test("unknown ids answer 404 everywhere", async () => {
    for (const path of [
      "/badges/AAAAAAAAAAAAAAAAAAAAAA",
      "/badges/AAAAAAAAAAAAAAAAAAAAAA.json",
      "/badges/AAAAAAAAAAAAAAAAAAAAAA.jwt",
      "/badges/AAAAAAAAAAAAAAAAAAAAAA.svg",
      "/badges/AAAAAAAAAAAAAAAAAAAAAA.png",
      "/badges/AAAAAAAAAAAAAAAAAAAAAA/status",
      "/badges/AAAAAAAAAAAAAAAAAAAAAA/baked.svg",
      "/badges/not-an-id!",
      "/badges/keys/nope",
    ]) {
      expect((await get(path)).status, path).toBe(404);
    }
  });
});

describe("revocation", () => {
  test(
    "staff revoke with a reason: page, status and image say so; audited; the member is told; the directory " +
      "re-indexes",
    async () => {
      const member = await createUser({ username: "badge_revoked", displayName: "Kofi Boateng" });
      const id = (await giveBadge(member.id, 3, admin.id)).public_id;
      const before = await (await get(`/badges/${id}/status`)).json();
      expect(before).toMatchObject({ status: "valid", revokedCredentials: [] });

      expect(await revokeBadge({ staffId: admin.id, publicId: id, reason: "  " })).toMatchObject({
        ok: false,
        status: 400,
        message: "badges.admin.errors.reasonRequired",
      });
      const done = await revokeBadge({
        staffId: admin.id,
        publicId: id,
        reason: "Level requirements were not actually met.",
      });
      expect(done).toMatchObject({ ok: true });
      expect(await revokeBadge({ staffId: admin.id, publicId: id, reason: "again" })).toMatchObject({
        ok: false,
        status: 409,
      });

      const status = await (await get(`/badges/${id}/status`)).json();
      expect(status.status).toBe("revoked");
      expect(status.revokedCredentials).toEqual([
        {
          id: expect.stringMatching(new RegExp(`/badges/${id}$`)),
          revoked: true,
          revocationReason: "Level requirements were not actually met.",
        },
      ]);
      const page = await (await get(`/badges/${id}`)).text();
      expect(page).toMatch(/Touchpoints revoked this badge on \d{1,2} \w+ \d{4}\./);
      expect(page).toContain("Reason: Level requirements were not actually met.");
      expect(page).not.toContain("Add to LinkedIn profile");
      expect(await (await get(`/badges/${id}.svg`)).text()).toContain(">REVOKED</text>");

      // the credential itself is unchanged and still verifies: its status is what says "revoked"
      const keySet = createRemoteJWKSet(new URL(`${app.url}/.well-known/jwks.json`));
      const { payload } = await jwtVerify<OpenBadgeCredential>(
        (await (await get(`/badges/${id}.jwt`)).text()).trim(),
        keySet,
      );
      expect(payload.credentialStatus.id).toMatch(new RegExp(`/badges/${id}/status$`));

      const audit = await db
        .selectFrom("audit_log")
        .select(["action", "actor_id", "target_id"])
        .where("target_id", "=", id)
        .execute();
      expect(audit).toEqual([{ action: "badge.revoke", actor_id: admin.id, target_id: id }]);
      const note = await db
        .selectFrom("notifications")
        .select(["kind", "data"])
        .where("user_id", "=", member.id)
        .executeTakeFirstOrThrow();
      expect(note.kind).toBe("progress");
      expect(note.data).toMatchObject({ href: `/badges/${id}` });
      const jobs = await db.selectFrom("outbox").select("payload").where("kind", "=", "profile.reindex").execute();
      expect(jobs.filter((j) => (j.payload as { userId: number }).userId === member.id).length).toBeGreaterThanOrEqual(
        2,
      ); // award and revocation
    },
  );

  test("over HTTP: /admin/badges is staff-only; a missing reason gets a sentence and revokes nothing", async () => {
    const member = await createUser({ username: "badge_http" });
    const id = (await giveBadge(member.id, 1, admin.id)).public_id;
    const memberCookie = cookieFrom(
      await postForm(app, "/login", { email: member.username, password: member.password }),
    );
    expect((await get("/admin/badges", { Cookie: memberCookie })).status).toBe(403);

    const cookie = await signInCookie(app, admin);
    const list = await get(`/admin/badges?q=${member.username}`, { Cookie: cookie });
    expect(list.status).toBe(200);
    expect(await list.text()).toContain(`/admin/badges?revoke=${id}`);

    const bad = await postForm(
      app,
      `/admin/badges?revoke=${id}`,
      { intent: "revoke", awardId: id, reason: "" },
      { cookie },
    );
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Give the reason for revoking this badge.");
    expect(
      (await db.selectFrom("badge_awards").select("revoked_at").where("public_id", "=", id).executeTakeFirstOrThrow())
        .revoked_at,
    ).toBeNull();

    const good = await postForm(
      app,
      `/admin/badges?revoke=${id}`,
      { intent: "revoke", awardId: id, reason: "Awarded by mistake." },
      { cookie },
    );
    expect(good.status).toBe(302);
    const row = await db
      .selectFrom("badge_awards")
      .select(["revoked_at", "revoked_by", "revoke_reason"])
      .where("public_id", "=", id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ revoked_by: admin.id, revoke_reason: "Awarded by mistake." });
  });

  test("the Mentor badge goes to level-4 members only, once", async () => {
    const junior = await createUser({ username: "badge_junior" });
    await enrol(junior.id, 2);
    expect(await grantMentorBadge({ staffId: admin.id, username: junior.username })).toMatchObject({
      ok: false,
      message: "badges.admin.errors.mentorLevel",
    });
    const leader = await createUser({ username: "badge_leader", displayName: "Nia Leader" });
    await enrol(leader.id, 4);
    const granted = await grantMentorBadge({ staffId: admin.id, username: `@${leader.username}` });
    expect(granted).toMatchObject({ ok: true });
    expect(await grantMentorBadge({ staffId: admin.id, username: leader.username })).toMatchObject({
      ok: false,
      message: "badges.admin.errors.alreadyMentor",
    });
    if (!granted.ok) throw new Error("not granted");
    const svg = await (await get(`/badges/${granted.publicId}.svg`)).text();
    expect(svg).toContain("Touchpoints Mentor Programme");
    const doc = await (await get(`/badges/${granted.publicId}.json`)).json();
    expect(doc.credentialSubject.achievement.name).toBe("Touchpoints Mentor");
  });
});

describe("demo badges", () => {
  test("every member at level N holds a valid badge for levels 1..N; running twice adds nothing", async () => {
    const member = await createUser({ username: "badge_demo" });
    await enrol(member.id, 3, new Date("2026-01-10T00:00:00Z"));
    const first = await seedDemoBadges(() => {});
    const rows = await db
      .selectFrom("badge_awards")
      .select(["level", "awarded_at", "public_id"])
      .where("user_id", "=", member.id)
      .orderBy("level")
      .execute();
    expect(rows.map((r) => r.level)).toEqual([1, 2, 3]);
    expect(rows[2].awarded_at.toISOString()).toBe("2026-01-10T00:00:00.000Z");
    for (const r of rows) expect(r.public_id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(first.levelBadges).toBeGreaterThanOrEqual(3);
    expect(await seedDemoBadges(() => {})).toEqual({ levelBadges: 0, mentorBadges: 0 });
    expect((await listCurrentLevelBadges(db, { userIds: [member.id] })).get(member.id)).toEqual({
      level: 3,
      publicId: rows[2].public_id,
    });
    expect((await get(`/badges/${rows[0].public_id}`)).status).toBe(200);
  });
});
