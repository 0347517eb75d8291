// In Chromium: the badge SVG the app serves renders like the committed reference image (within a
// tolerance for anti-aliasing), and the badge pages pass axe with JavaScript on and off.
// Needs the built app (`npx remix build`); the reference comes from test/fixtures/make-badge-reference.ts.
import { readFileSync } from "node:fs";
import pixelmatch from "pixelmatch";
import { PNG } from "pngjs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db.server";
import { awardLevelBadge, revokeBadge } from "~/models/badges/badge.server";
import { REFERENCE_BADGE, REFERENCE_PNG, REFERENCE_SIZE } from "../fixtures/badge-reference";
import { enrol, ensureProgramme } from "../factories/progress";
import { createAdmin, createUser, TEST_PASSWORD } from "../factories/users";
import { startApp, type TestApp } from "../setup/app";
import { expectAccessible, hasChromium, launchBrowser, newPage, visit } from "../setup/browser";
import { passSecondStepInPage } from "../setup/two-factor";

// at most this share of pixels may differ noticeably (pixelmatch threshold 0.1): fonts hint and
// anti-alias a little differently between Chromium builds; a changed text, colour or shape does not pass
const MAX_DIFF_RATIO = 0.01;

describe.skipIf(!hasChromium)("badges in the browser", () => {
  let app: TestApp;
  let browser: Browser;
  let badgeId: string;
  let revokedId: string;
  let admin: Awaited<ReturnType<typeof createAdmin>>;

  beforeAll(async () => {
    await ensureProgramme();
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
    admin = await createAdmin({ username: "e2e_badge_admin" });
    const holder = await createUser({ username: "e2e_badge_holder", displayName: REFERENCE_BADGE.holderName });
    await enrol(holder.id, REFERENCE_BADGE.level);
    badgeId = (
      await db.transaction().execute((trx) =>
        awardLevelBadge(trx, {
          userId: holder.id,
          level: REFERENCE_BADGE.level,
          awardedBy: admin.id,
          applicationId: null,
          at: REFERENCE_BADGE.awardedAt,
        }),
      )
    ).public_id;
    const other = await createUser({ username: "e2e_badge_revoked", displayName: "Kofi Boateng" });
    await enrol(other.id, 1);
    revokedId = (
      await db.transaction().execute((trx) =>
        awardLevelBadge(trx, {
          userId: other.id,
          level: 1,
          awardedBy: null,
          applicationId: null,
          at: new Date("2026-09-01T08:00:00Z"),
        }),
      )
    ).public_id;
    const r = await revokeBadge({ staffId: admin.id, publicId: revokedId, reason: "Enrolment was made in error." });
    expect(r.ok).toBe(true);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  test("the served SVG renders like the reference image", async () => {
    const page = await newPage(browser, { viewport: { width: REFERENCE_SIZE, height: REFERENCE_SIZE } });
    const res = await page.goto(`${app.url}/badges/${badgeId}.svg`);
    expect(res?.status()).toBe(200);
    const shot = PNG.sync.read(
      await page.screenshot({ clip: { x: 0, y: 0, width: REFERENCE_SIZE, height: REFERENCE_SIZE } }),
    );
    const reference = PNG.sync.read(readFileSync(REFERENCE_PNG));
    expect([shot.width, shot.height]).toEqual([reference.width, reference.height]);
    const diff = new PNG({ width: shot.width, height: shot.height });
    const differing = pixelmatch(shot.data, reference.data, diff.data, shot.width, shot.height, { threshold: 0.1 });
    const ratio = differing / (shot.width * shot.height);
    if (process.env.E2E_TRACE)
      console.log(
        `badge screenshot: ${differing} of ${shot.width * shot.height} pixels differ (${(ratio * 100).toFixed(3)} %)`,
      );
    expect(ratio, `${differing} pixels differ from test/fixtures/badge-reference.png`).toBeLessThan(MAX_DIFF_RATIO);

    // and the comparison has teeth: a revoked badge's image is far from the reference
    await page.goto(`${app.url}/badges/${revokedId}.svg`);
    const other = PNG.sync.read(
      await page.screenshot({ clip: { x: 0, y: 0, width: REFERENCE_SIZE, height: REFERENCE_SIZE } }),
    );
    expect(
      pixelmatch(other.data, reference.data, undefined, other.width, other.height, { threshold: 0.1 }) /
        (other.width * other.height),
    ).toBeGreaterThan(0.05);
    await page.context().close();
  });

  for (const javaScriptEnabled of [true, false]) {
    test(`badge pages pass axe (JavaScript ${javaScriptEnabled ? "on" : "off"})`, { timeout: 120_000 }, async () => {
      const page = await newPage(browser, { javaScriptEnabled });
      await visit(page, `${app.url}/badges/${badgeId}`);
      await expect
        .poll(() => page.getByRole("heading", { level: 1, name: "Customer Service Professional" }).count())
        .toBe(1);
      expect(await page.getByText(REFERENCE_BADGE.holderName).first().isVisible()).toBe(true);
      const img = page.getByRole("img", { name: /The Customer Service Professional badge of Amara Okafor-Mensah/ });
      await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBe(512);
      expect(await page.getByRole("link", { name: "Add to LinkedIn profile" }).getAttribute("href")).toMatch(
        /^https:\/\/www\.linkedin\.com\/profile\/add\?startTask=CERTIFICATION_NAME/,
      );
      expect(await page.getByLabel("HTML to paste into a web page").inputValue()).toContain(`/badges/${badgeId}.svg`);

      await visit(page, `${app.url}/badges/${revokedId}`);
      await page.getByText("Reason: Enrolment was made in error.").waitFor();
      await visit(page, `${app.url}/badges`);
      await page.locator("#level-2").waitFor();
      await page.context().close();
    });
  }

  test(
    "the staff badge list and its revoke form pass axe; a missing reason gets a sentence",
    { timeout: 120_000 },
    async () => {
      const page = await newPage(browser, { javaScriptEnabled: false });
      await page.goto(`${app.url}/login`);
      await page.getByLabel("Email or username").fill(admin.username);
      await page.getByLabel("Password").fill(TEST_PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await passSecondStepInPage(page, admin.username);
      await visit(page, `${app.url}/admin/badges?revoke=${badgeId}`);
      await page.getByRole("button", { name: "Revoke badge" }).click();
      await page.getByText("Give the reason for revoking this badge.").first().waitFor();
      await expectAccessible(page);
      expect(
        (
          await db
            .selectFrom("badge_awards")
            .select("revoked_at")
            .where("public_id", "=", badgeId)
            .executeTakeFirstOrThrow()
        ).revoked_at,
      ).toBeNull();
      await page.context().close();
    },
  );
});
