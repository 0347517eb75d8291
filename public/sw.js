// Touchpoints service worker, hand-written (README, "Installable app and offline reading").
// Keeps, and nothing more:
// - the shell (the offline page, its stylesheet, an icon, the manifest), at install;
// - the last 20 topics opened, at most 2 MB, as any visitor sees them: a member's own answers say
//   `private, no-store` and are never stored, so for a member the visitor's copy is fetched without
//   cookies (a topic a visitor may not read is not kept at all). Network first; the copy when offline.
// Never stored: an answer without `public` or with `no-store`/`private`, admin and member pages.
// Signing out clears the topics and this device's push. Every other page offline: the offline page.
const SHELL = "tp-shell-v1";
const TOPICS = "tp-topics";
const MAX_TOPICS = 20;
const MAX_BYTES = 2 * 1024 * 1024;
const FRESH_MS = 5 * 60 * 1000; // a copy younger than this is not fetched again
const OFFLINE = "/offline";
const TOPIC = /^\/t\/[^/]+\/(\d{1,9})(?:\/\d{1,9})?\/?$/;

const stylesheets = (html) =>
  [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]*>/g)]
    .map((m) => /href="([^"]+)"/.exec(m[0]))
    .filter((m) => m && m[1].startsWith("/"))
    .map((m) => m[1]);

const shareable = (res) => {
  const cc = res.headers.get("Cache-Control") || "";
  return res.status === 200 && /\bpublic\b/.test(cc) && !/no-store|private/.test(cc);
};

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL);
      const page = await fetch(OFFLINE, { credentials: "omit" });
      if (!page.ok) throw new Error("offline page unavailable");
      const html = await page.clone().text();
      await cache.put(OFFLINE, page);
      await cache.addAll([...stylesheets(html), "/icons/icon-192.png", "/manifest.webmanifest"]);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name !== SHELL && name !== TOPICS) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

async function offline() {
  const page = await caches.match(OFFLINE, { ignoreVary: true });
  return page || new Response("Offline", { status: 503, headers: { "Content-Type": "text/plain" } });
}

async function trim(cache) {
  const keys = await cache.keys(); // oldest first: a topic opened again is put back at the end
  const sizes = await Promise.all(
    keys.map((k) => cache.match(k, { ignoreVary: true }).then((r) => Number(r && r.headers.get("X-TP-Bytes")))),
  );
  let total = sizes.reduce((a, b) => a + (b || 0), 0);
  for (let i = 0; i < keys.length && (keys.length - i > MAX_TOPICS || total > MAX_BYTES); i++) {
    total -= sizes[i] || 0;
    await cache.delete(keys[i], { ignoreVary: true });
  }
}

// `shared` is a copy of a shareable answer, or null for a member's own answer (never cloned: an unread clone of
// the page's body could hold the page's own stream back once the browser's buffer for it is full)
async function keep(path, shared) {
  const cache = await caches.open(TOPICS);
  const old = await cache.match(path, { ignoreVary: true });
  if (old && Date.now() - Date.parse(old.headers.get("X-TP-Kept-At")) < FRESH_MS && !shared) return;
  // a member's answer is theirs alone: keep the copy any visitor is given, or nothing
  const copy = shared || (await fetch(path, { credentials: "omit", redirect: "error" }));
  if (!shareable(copy)) return;
  const body = await copy.arrayBuffer();
  if (body.byteLength > MAX_BYTES / 4) return;
  const headers = new Headers(copy.headers);
  headers.delete("Vary");
  headers.delete("Content-Length");
  headers.set("X-TP-Kept-At", new Date().toISOString());
  headers.set("X-TP-Bytes", String(body.byteLength));
  await cache.delete(path, { ignoreVary: true });
  await cache.put(path, new Response(body, { status: 200, headers }));
  await trim(cache);
  const shell = await caches.open(SHELL);
  for (const href of stylesheets(new TextDecoder().decode(body)))
    if (!(await shell.match(href))) await shell.add(href).catch(() => {});
}

const escapeHtml = (s) => s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
const unescapeAttr = (s) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, "&");

// The kept page, read as it was: its "offline copy from <time>" line (worded by the page itself, in its
// language), and no scripts (a reading copy; the app's code may be gone or newer).
async function withNote(copy) {
  const html = await copy.text();
  const lang = (/<html[^>]*\blang="([^"]+)"/.exec(html) || [])[1] || "en";
  const note = (/<meta name="tp-offline-note" content="([^"]*)"/.exec(html) || [])[1] || "Offline copy from {time}";
  const at = new Date(copy.headers.get("X-TP-Kept-At"));
  const time = at.toLocaleString(lang, { dateStyle: "long", timeStyle: "short" });
  const text = escapeHtml(unescapeAttr(note).replace("{time}", time));
  const line = `<p class="notice offline-note" role="status">${text}</p>`;
  const page = html
    .replace(/<script\b[\s\S]*?<\/script>/g, "")
    .replace(/<link[^>]+rel="modulepreload"[^>]*>/g, "")
    .replace(/(<main\b[^>]*>)/, `$1${line}`);
  return new Response(page, { status: 200, headers: { "Content-Type": "text/html; charset=utf-8" } });
}

async function topic(event, path, id) {
  try {
    const answer = await fetch(event.request);
    if (answer.status === 200) event.waitUntil(keep(path, shareable(answer) ? answer.clone() : null).catch(() => {}));
    return answer;
  } catch {
    const cache = await caches.open(TOPICS);
    let copy = await cache.match(path, { ignoreVary: true });
    if (!copy) {
      // the same topic kept at another address (another post number or slug)
      const same = (await cache.keys()).reverse().find((k) => (TOPIC.exec(new URL(k.url).pathname) || [])[1] === id);
      copy = same && (await cache.match(same, { ignoreVary: true }));
    }
    return copy ? withNote(copy) : offline();
  }
}

self.addEventListener("fetch", (event) => {
  const req = event.request;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  if (req.method === "POST" && /^\/logout(\.data)?$/.test(url.pathname)) {
    // the kept topics, and this device's push (a shared phone stops getting the member's notifications)
    const push = self.registration.pushManager.getSubscription().then((sub) => sub && sub.unsubscribe());
    event.waitUntil(Promise.all([caches.delete(TOPICS), push.catch(() => {})]));
    return;
  }
  if (req.method !== "GET") return;
  if (req.mode === "navigate") {
    const m = TOPIC.exec(url.pathname);
    event.respondWith(m ? topic(event, url.pathname, m[1]) : fetch(req).catch(offline));
    return;
  }
  // fingerprinted files and icons: the copy kept with the shell, else the network
  if (url.pathname.startsWith("/build/") || url.pathname.startsWith("/icons/"))
    event.respondWith(caches.match(req, { ignoreVary: true }).then((kept) => kept || fetch(req)));
});

self.addEventListener("push", (event) => {
  let d = {};
  try {
    d = event.data ? event.data.json() : {};
  } catch {
    d = {};
  }
  event.waitUntil(
    self.registration.showNotification(d.title || "Touchpoints", {
      body: d.body || "",
      icon: "/icons/icon-192.png",
      tag: d.tag,
      data: { url: d.url || "/notifications" },
    }),
  );
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const url = new URL((event.notification.data && event.notification.data.url) || "/", self.location.origin);
  if (url.origin === self.location.origin) event.waitUntil(self.clients.openWindow(url.href));
});
