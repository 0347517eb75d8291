// npm run rerender-posts [-- --all]: re-renders posts stored by an older markdown pipeline, with the
// render deadline posting uses; lists the posts that exceed it (they keep their stored HTML).
import { ensureServices, stopAll } from "./server/ensure-services";

const services = await ensureServices(console.log);
try {
  const { rerenderPosts } = await import("../app/models/forum/rerender.server");
  const { closeRenderPool, RENDER_DEADLINE_MS } = await import("../app/markdown/pool.server");
  const refused: string[] = [];
  const n = await rerenderPosts({
    all: process.argv.includes("--all"),
    log: console.log,
    onRefused: (postId, message) => refused.push(`post ${postId}: ${message}`),
  });
  console.log(`${n} posts re-rendered`);
  if (refused.length) {
    console.log(
      `${refused.length} posts not re-rendered within the ${RENDER_DEADLINE_MS} ms budget (kept as they were):`,
    );
    for (const line of refused) console.log(`  ${line}`);
    process.exitCode = 1;
  }
  await closeRenderPool();
  const { db } = await import("../app/db.server");
  await db.destroy();
} finally {
  await stopAll(services);
}
