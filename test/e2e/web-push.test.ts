// Web Push end to end: a member turns push on from their notification settings in Chromium, a reply
// to their topic is pushed by the outbox worker to a push endpoint on a loopback HTTP server, which
// decrypts the payload with the subscription's own keys (RFC 8291, http_ece); a 410 from the push
// service removes the subscription. Headless Chromium has no push service to subscribe with, so the
// page's PushManager.subscribe is stood in by one returning keys made here (everything after it, the
// page's script, the settings route, the job, the encryption and VAPID, is the real thing).
// Needs the built app (`npx remix build`).
import { createECDH, randomBytes } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db.server";
import { cookieFrom, postForm, startApp, type TestApp } from "../setup/app";
import { expectAccessible, hasChromium, launchBrowser, newPage, signInInPage } from "../setup/browser";
import { ageUser, createCategory, makeReply, makeTopic } from "../factories/topics";
import { createAdmin, createUser, TEST_PASSWORD } from "../factories/users";
import { notify } from "~/models/account/notification.server";

// http_ece is the encryption web-push itself uses (installed with it); it has no types
const ece = createRequire(import.meta.url)("http_ece") as {
  decrypt(body: Buffer, params: { version: string; privateKey: unknown; authSecret: string }): Buffer;
};

type Received = { path: string; headers: IncomingHttpHeaders; body: Buffer };

describe.skipIf(!hasChromium)("web push", () => {
  let app: TestApp;
  let browser: Browser;
  let pushService: Server;
  let pushOrigin: string;
  const received: Received[] = [];
  const answers = new Map<string, number>();

  beforeAll(async () => {
    pushService = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        received.push({ path: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks) });
        res.writeHead(answers.get(req.url ?? "") ?? 201).end();
      });
    });
    await new Promise<void>((r) => pushService.listen(0, "127.0.0.1", r));
    pushOrigin = `http://127.0.0.1:${(pushService.address() as AddressInfo).port}`;
    [app, browser] = await Promise.all([startApp({ PUSH_ENDPOINT_HOSTS: new URL(pushOrigin).host }), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await new Promise((r) => pushService?.close(r));
  });

  test("turned on from the settings page, a reply is pushed encrypted; a 410 removes the device", async () => {
    const category = await createCategory({ slug: "push-talk", name: "Push talk" });
    const member = await createUser({ username: "push_member", displayName: "Abena Push" });
    const replier = await createUser({ username: "push_replier", displayName: "Kojo Replier" });
    await Promise.all([ageUser(member), ageUser(replier)]);
    const topic = await makeTopic(member, category, { title: "Queues at the branch on pay day" });

    // the device's keys, as a browser's push service would make them
    const ecdh = createECDH("prime256v1");
    ecdh.generateKeys();
    const keys = { p256dh: ecdh.getPublicKey().toString("base64url"), auth: randomBytes(16).toString("base64url") };
    const endpoint = `${pushOrigin}/push/device-1`;

    const page = await newPage(browser);
    await page.addInitScript(
      ({ endpoint, keys }) => {
        const w = window as unknown as Record<string, unknown>;
        w.permissionAsked = 0;
        let current: unknown = null;
        const sub = { endpoint, toJSON: () => ({ endpoint, keys }), unsubscribe: async () => true };
        Object.defineProperty(Notification, "permission", { get: () => "default" });
        Notification.requestPermission = async () => {
          w.permissionAsked = Number(w.permissionAsked) + 1;
          return "granted";
        };
        PushManager.prototype.subscribe = async function (options?: PushSubscriptionOptionsInit) {
          const key = new Uint8Array(options?.applicationServerKey as ArrayBuffer);
          w.serverKey = btoa(String.fromCharCode(...key));
          current = sub;
          return sub as unknown as PushSubscription;
        };
        PushManager.prototype.getSubscription = async () => current as PushSubscription | null;
      },
      { endpoint, keys },
    );
    await signInInPage(page, app.url, member.email);
    await page.goto(`${app.url}/my/notifications/settings`);
    await page.getByRole("heading", { name: "Push notifications" }).waitFor();
    const turnOn = page.getByRole("button", { name: "Turn on push on this device" });
    await turnOn.waitFor();
    await expectAccessible(page);
    // never asked on a visit: only when the member presses the button
    expect(await page.evaluate(() => (window as unknown as { permissionAsked: number }).permissionAsked)).toBe(0);
    await turnOn.click();
    await page.getByRole("button", { name: "Turn off push on this device" }).waitFor();
    const rowsOf = () =>
      db
        .selectFrom("push_subscriptions")
        .select(["endpoint", "p256dh", "auth"])
        .where("user_id", "=", member.id)
        .execute();
    await expect.poll(rowsOf, { timeout: 10_000 }).toEqual([{ endpoint, ...keys }]);
    // the browser subscribed with the key pair the server made at its first start
    const vapid = await db
      .selectFrom("settings")
      .select("value")
      .where("key", "=", "push.vapid")
      .executeTakeFirstOrThrow();
    const publicKey = (vapid.value as { publicKey: string }).publicKey;
    const serverKey = await page.evaluate(() => (window as unknown as { serverKey: string }).serverKey);
    expect(Buffer.from(serverKey, "base64").toString("base64url")).toBe(publicKey);
    await page.context().close();

    // a reply to the member's topic: notified, then pushed by the outbox worker
    await makeReply(replier, topic, "Open a second counter for pensions only, it halves the wait.");
    await expect.poll(() => received.length, { timeout: 30_000 }).toBe(1);
    const push = received[0];
    expect(push.path).toBe("/push/device-1");
    expect(push.headers["content-encoding"]).toBe("aes128gcm");
    expect(Number(push.headers.ttl)).toBeGreaterThan(0);
    expect(push.headers.authorization).toMatch(new RegExp(`^vapid t=[\\w-]+\\.[\\w-]+\\.[\\w-]+, k=${publicKey}$`));
    expect(push.body.includes(Buffer.from("pensions"))).toBe(false); // encrypted on the wire
    const message = JSON.parse(
      ece.decrypt(push.body, { version: "aes128gcm", privateKey: ecdh, authSecret: keys.auth }).toString(),
    );
    expect(message.title).toContain("Kojo Replier");
    expect(message.title).toContain("Queues at the branch on pay day");
    expect(message.body).toContain("second counter for pensions");
    expect(message.url).toMatch(new RegExp(`^/t/queues-at-the-branch-on-pay-day/${topic.topicId}\\b`));

    // checked at send time: a notification about a topic the member may not see is never pushed
    const staffRoom = await createCategory({ slug: "push-staff", see: "staff", post: "staff", reply: "staff" });
    const admin = await createAdmin({ username: "push_admin" });
    await ageUser(admin);
    const secret = await makeTopic(admin, staffRoom, { title: "Salary bands for next year" });
    await db
      .transaction()
      .execute((trx) =>
        notify(trx, { userId: member.id, kind: "mention", topicId: secret.topicId, actorId: admin.id }),
      );
    await makeReply(replier, topic, "Keep water by the queue too, it is hot in there.");
    await expect.poll(() => received.length, { timeout: 30_000 }).toBe(2);
    await new Promise((r) => setTimeout(r, 1000)); // nothing else arrives
    expect(received.length).toBe(2);
    const second = ece.decrypt(received[1].body, { version: "aes128gcm", privateKey: ecdh, authSecret: keys.auth });
    expect(second.toString()).toContain("Keep water by the queue");
    expect(second.toString()).not.toContain("Salary bands");

    // the push service says the subscription is gone: the next push removes it
    answers.set("/push/device-1", 410);
    await makeReply(replier, topic, "And put the queue number screen where people can see it.");
    await expect.poll(() => received.length, { timeout: 30_000 }).toBe(3);
    await expect.poll(rowsOf, { timeout: 10_000 }).toEqual([]);
  }, 120_000);

  test("an endpoint that is not a push service is refused, so no member can make the server call it", async () => {
    const member = await createUser({ username: "push_prober" });
    const login = await postForm(app, "/login", { email: member.username, password: TEST_PASSWORD, redirectTo: "/" });
    const cookie = cookieFrom(login);
    const keys = { p256dh: createECDH("prime256v1").generateKeys().toString("base64url"), auth: "A".repeat(22) };
    for (const endpoint of ["http://169.254.169.254/latest/meta-data", "https://internal.example/push", "not a url"]) {
      const res = await postForm(app, "/my/push", { intent: "subscribe", endpoint, ...keys }, { cookie });
      expect(res.status, endpoint).toBe(422);
    }
    expect(await db.selectFrom("push_subscriptions").select("id").where("user_id", "=", member.id).execute()).toEqual(
      [],
    );
  }, 60_000);
});
