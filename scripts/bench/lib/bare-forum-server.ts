// The bare comparison server of `npm run bench:forum` (scripts/bench/bench-forum.ts starts it as its own node
// process): node:http calling the very model functions the routes call (getTopic, listTopicPosts,
// listSuggestedTopics, listTopics, listVisibleCategories, countNewAndUnread) and printing the same rows as minimal
// HTML, what no page can go below on this machine. For a signed-in member it does the member-scope work the app
// does (session and member, notification count, read state, likes and bookmarks, unread marks, New/Unread counts).
import http from "node:http";
import { scopeOf } from "../../../app/models/permissions.server";
import { getTopic, getReaderState, listTopicPosts, topicUrl } from "../../../app/models/forum/topic.server";
import { listTopics, countNewAndUnread } from "../../../app/models/forum/topic-list.server";
import { listVisibleCategories } from "../../../app/models/forum/category.server";
import { listSuggestedTopics } from "../../../app/models/forum/suggested.server";
import { getViewer } from "../../../app/viewer.server";
import { unreadNotificationsAfterVisit } from "../../../app/models/account/notification.server";
import { markRead } from "../../../app/models/forum/post.server";
import { db } from "../../../app/db.server";

async function runBareServer() {
  const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const suggestedHtml = (list: { id: number; slug: string; title: string; unread: number }[]) =>
    `<ul>${list.map((t) => `<li><a href="${topicUrl(t)}">${esc(t.title)}</a> ${t.unread}</li>`).join("")}</ul>`;
  const page = (title: string, body: string) =>
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title></head><body><main>` +
    `${body}</main></body></html>`;

  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? "/", "http://bare");
      // the member, from the session cookie, as the app's loaders resolve it (only headers.get is read)
      const cookie = req.headers.cookie ?? null;
      const viewer = cookie
        ? await getViewer({
            headers: { get: (n: string) => (n.toLowerCase() === "cookie" ? cookie : null) },
          } as unknown as Request)
        : null;
      const scope = scopeOf(viewer);
      // as the root loader: the count comes with the session, asked again only when the page could act on one
      const notifications = viewer?.unreadNotifications
        ? await unreadNotificationsAfterVisit({ userId: viewer.id, pathname: url.pathname })
        : 0;
      const header = viewer
        ? `<header><a href="/u/${esc(viewer.username)}">${esc(viewer.displayName)}</a> <a href="/notifications">` +
          `${notifications}</a></header>`
        : "";
      const m = /^\/t\/([^/]+)\/(\d{1,9})$/.exec(url.pathname);
      let html: string | null = null;
      if (m) {
        // as the app's topic page: the read position and watch level beside the topic, the suggested
        // topics beside the posts
        const topicId = Number(m[2]);
        const [topic, { lastRead, watch }] = await Promise.all([
          getTopic({ scope, topicId }),
          viewer ? getReaderState({ userId: viewer.id, topicId }) : { lastRead: 0, watch: null },
        ]);
        if (topic) {
          const [posts, suggested] = await Promise.all([
            listTopicPosts({ scope, topic, from: 1 }),
            listSuggestedTopics({ scope, topic, lastVisitAt: viewer?.lastVisitAt }),
          ]);
          const lastShown = posts[posts.length - 1]?.post_number ?? 0;
          if (viewer && lastShown > lastRead) await markRead(db, viewer.id, topic.id, lastShown);
          const path = topicUrl(topic);
          html = page(
            topic.title,
            header +
              (`<h1>${esc(topic.title)}</h1><p><a href="/c/${esc(topic.category.slug)}">` +
                `${esc(topic.category.name)}</a></p>`) +
              posts
                .map(
                  (p) =>
                    `<article id="post-${p.post_number}"><header><a href="/u/${esc(p.username ?? "")}">` +
                    `${esc(p.display_name ?? "")}</a>` +
                    (p.level ? ` <span>Level ${p.level}</span>` : "") +
                    (` <a href="${path}/${p.post_number}"><time datetime="${p.created_at.toISOString()}">` +
                      `${p.created_at.toISOString()}</time></a>`) +
                    (p.reply_to_post_number
                      ? ` <a href="${path}/${p.reply_to_post_number}">reply to #${p.reply_to_post_number}</a>`
                      : "") +
                    ` #${p.post_number}</header><div>${p.body_html}</div><footer>${p.like_count} likes` +
                    (viewer
                      ? `${p.liked ? " liked" : ""}${p.bookmarked ? " bookmarked" : ""}${p.own ? " yours" : ""}`
                      : "") +
                    `</footer></article>`,
                )
                .join("") +
              (watch ? `<p>${watch}</p>` : "") +
              suggestedHtml(suggested),
          );
        }
      } else if (url.pathname === "/latest") {
        const [list, categories, counts] = await Promise.all([
          listTopics({
            scope,
            filter: { kind: "latest" },
            cursor: url.searchParams.get("after"),
            lastVisitAt: viewer?.lastVisitAt ?? null,
            muted: viewer?.mutedCategoryIds,
          }),
          listVisibleCategories(scope),
          countNewAndUnread({ scope, lastVisitAt: viewer?.lastVisitAt ?? null }),
        ]);
        html = page(
          "Latest topics",
          header +
            (`<h1>Latest topics</h1><nav>` +
              `${categories.map((c) => `<a href="/c/${esc(c.slug)}">${esc(c.name)}</a>`).join(" ")} ${counts.new} ` +
              `${counts.unread}</nav><table>`) +
            list.topics
              .map(
                (t) =>
                  `<tr><td><a href="${topicUrl(t)}${t.unread ? `/${t.highest_post_number - t.unread + 1}` : ""}">` +
                  `${esc(t.title)}</a>${t.is_new ? " new" : t.unread ? ` ${t.unread} unread` : ""} <a href="/c/` +
                  `${esc(t.category.slug)}">${esc(t.category.name)}</a> ` +
                  `${t.tags.map((g) => `<a href="/tag/${esc(g)}">${esc(g)}</a>`).join(" ")}</td>` +
                  (`<td>` +
                    t.posters
                      .map(
                        (p) =>
                          `<a href="/u/${esc(p.username)}" title="${esc(p.display_name)}">` +
                          `${esc(p.display_name.slice(0, 1))}</a>`,
                      )
                      .join("") +
                    `</td>`) +
                  (`<td>${t.reply_count}</td><td>${t.like_count}</td><td><time datetime="` +
                    `${t.bumped_at.toISOString()}">${t.bumped_at.toISOString()}</time></td></tr>`),
              )
              .join("") +
            `</table>${list.next ? `<a href="/latest?after=${list.next}">More</a>` : ""}`,
        );
      }
      res.writeHead(html ? 200 : 404, { "Content-Type": "text/html; charset=utf-8" });
      res.end(html ?? "Not found");
    } catch (e) {
      res.writeHead(500).end(String(e));
    }
  });
  server.keepAliveTimeout = 65_000;
  server.listen(Number(process.env.PORT), "127.0.0.1", () => console.log("bare server ready"));
  process.on("SIGTERM", () => process.exit(0)); // exit normally, so --cpu-prof (BENCH_NODE_FLAGS) can write its profile
}

await runBareServer();
