// Web Push: the devices a member turned push on from, the kinds they want pushed, the server's VAPID
// keys, and the sending itself (only from the outbox job, app/jobs/push.server.ts, never in a request).
// A push carries what the member's notification email would: its permissions are checked at send time.
import { sql } from "kysely";
import { db, type Db } from "../../db.server";
import { env } from "../../env.server";
import { enqueueSelect } from "../../jobs.server";
import { PUSH_KINDS, type PushKind } from "./push.schema";

// web-push is loaded when a key pair is made or a push sent, not with the app (about 0.1 s of CPU at every start)
const webPush = () => import("web-push").then((m) => m.default);

// the browsers' push services; any other endpoint would let a member make the server call any address
const PUSH_SERVICES = [
  /(^|\.)googleapis\.com$/,
  /(^|\.)push\.services\.mozilla\.com$/,
  /(^|\.)notify\.windows\.com$/,
  /(^|\.)push\.apple\.com$/,
];
const MAX_DEVICES = 10;
const VAPID_SETTING = "push.vapid";

type VapidKeys = { publicKey: string; privateKey: string };

/** An endpoint of a browser's push service over https, or one of PUSH_ENDPOINT_HOSTS. */
export function acceptedEndpoint(endpoint: string): boolean {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return false;
  }
  const listed = env()
    .PUSH_ENDPOINT_HOSTS.split(",")
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  if (listed.includes(url.host.toLowerCase())) return url.protocol === "https:" || url.protocol === "http:";
  return url.protocol === "https:" && !url.port && PUSH_SERVICES.some((r) => r.test(url.hostname));
}

let stored: Promise<VapidKeys> | undefined;

/** The VAPID key pair: from the environment, else made once and kept in the database (safe with many processes). */
export function vapidKeys(): Promise<VapidKeys> {
  const { VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY } = env();
  if (VAPID_PUBLIC_KEY && VAPID_PRIVATE_KEY)
    return Promise.resolve({ publicKey: VAPID_PUBLIC_KEY, privateKey: VAPID_PRIVATE_KEY });
  if (!stored) {
    stored = (async () => {
      const read = () => db.selectFrom("settings").select("value").where("key", "=", VAPID_SETTING).executeTakeFirst();
      const kept = await read();
      if (kept) return kept.value as VapidKeys; // every start after the first: web-push is not even loaded
      const fresh = (await webPush()).generateVAPIDKeys();
      await db
        .insertInto("settings")
        .values({ key: VAPID_SETTING, value: JSON.stringify(fresh) })
        .onConflict((oc) => oc.column("key").doNothing())
        .execute();
      return (await read())!.value as VapidKeys; // ours, or another process's made at the same instant
    })();
    stored.catch(() => (stored = undefined));
  }
  return stored;
}

function vapidSubject(): string {
  const { VAPID_SUBJECT, APP_ORIGIN, MAIL_FROM } = env();
  if (VAPID_SUBJECT) return VAPID_SUBJECT;
  if (APP_ORIGIN.startsWith("https://")) return APP_ORIGIN;
  // the first <…> holding something, as /<([^>]+)>/ finds it, without retrying at every later "<" (anchored: an
  // empty "<>" is stepped over, the first other "<" decides)
  return `mailto:${/^[^<]*(?:<(?=>)[^<]+)*<([^>]+)>/.exec(MAIL_FROM)?.[1] ?? MAIL_FROM}`;
}

const chosenKinds = (kinds: readonly string[] | undefined): PushKind[] =>
  kinds ? PUSH_KINDS.filter((k) => kinds.includes(k)) : [...PUSH_KINDS];

/** The settings page's push section: the kinds chosen, the key a browser subscribes with, the devices. */
export async function getPushSettings(userId: number) {
  const [pref, devices, keys] = await Promise.all([
    db.selectFrom("push_preferences").select("kinds").where("user_id", "=", userId).executeTakeFirst(),
    db.selectFrom("push_subscriptions").select("endpoint").where("user_id", "=", userId).execute(),
    vapidKeys(),
  ]);
  return { kinds: chosenKinds(pref?.kinds), devices: devices.length, publicKey: keys.publicKey };
}

export async function updatePushKinds({ userId, kinds }: { userId: number; kinds: PushKind[] }) {
  const value = chosenKinds(kinds);
  await db
    .insertInto("push_preferences")
    .values({ user_id: userId, kinds: value })
    .onConflict((oc) => oc.column("user_id").doUpdateSet({ kinds: value }))
    .execute();
}

type Subscription = { userId: number; endpoint: string; p256dh: string; auth: string };

/** Push turned on from a device (the same device signed in as another member now belongs to them). */
export async function savePushSubscription(s: Subscription): Promise<{ ok: true } | { ok: false; message: string }> {
  if (!acceptedEndpoint(s.endpoint)) return { ok: false, message: "push.errors.endpoint" };
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("push_subscriptions")
      .values({ user_id: s.userId, endpoint: s.endpoint, p256dh: s.p256dh, auth: s.auth })
      .onConflict((oc) =>
        oc
          .column("endpoint")
          .doUpdateSet({ user_id: s.userId, p256dh: s.p256dh, auth: s.auth, created_at: new Date() }),
      )
      .execute();
    // a member's oldest devices give way past the limit
    await sql`delete from push_subscriptions where user_id = ${s.userId} and id not in
      (select id from push_subscriptions where user_id = ${s.userId} order by created_at desc, id desc
       limit ${MAX_DEVICES})`.execute(trx);
  });
  return { ok: true };
}

export async function deletePushSubscription({ userId, endpoint }: { userId: number; endpoint: string }) {
  await db.deleteFrom("push_subscriptions").where("user_id", "=", userId).where("endpoint", "=", endpoint).execute();
}

/** Inside `notify`'s transaction: one push job per device of the member, when they want this kind pushed. */
export async function queuePushes(trx: Db, n: { id: number; userId: number; kind: string }) {
  if (!(PUSH_KINDS as readonly string[]).includes(n.kind)) return;
  await enqueueSelect(
    trx,
    "notification.push",
    sql`select jsonb_build_object('notificationId', ${n.id}::int, 'subscriptionId', s.id) as payload
      from push_subscriptions s left join push_preferences p on p.user_id = s.user_id
      where s.user_id = ${n.userId} and (p.user_id is null or ${n.kind} = any(p.kinds))`,
  );
}

export type PushMessage = { title: string; body: string; url: string; tag: string };

/**
 * Sends one encrypted message (RFC 8291, aes128gcm) with a VAPID signature. "gone" when the push service
 * says the subscription no longer exists (404/410); other failures throw, so the job is tried again.
 */
export async function sendPush(
  sub: { endpoint: string; p256dh: string; auth: string },
  message: PushMessage,
): Promise<"sent" | "gone"> {
  if (!acceptedEndpoint(sub.endpoint)) return "gone";
  const keys = await vapidKeys();
  const request = (await webPush()).generateRequestDetails(
    { endpoint: sub.endpoint, keys: { p256dh: sub.p256dh, auth: sub.auth } },
    JSON.stringify(message),
    {
      vapidDetails: { subject: vapidSubject(), publicKey: keys.publicKey, privateKey: keys.privateKey },
      TTL: 24 * 3600,
      contentEncoding: "aes128gcm",
    },
  );
  const headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, String(v)]));
  // fetch sets the length itself
  delete headers["Content-Length"];
  const res = await fetch(request.endpoint, {
    method: "POST",
    headers,
    body: request.body ? new Uint8Array(request.body) : undefined,
    redirect: "error",
    signal: AbortSignal.timeout(15_000),
  });
  await res.arrayBuffer().catch(() => undefined);
  if (res.status === 404 || res.status === 410) return "gone";
  if (!res.ok) throw new Error(`push service answered ${res.status}`);
  return "sent";
}
