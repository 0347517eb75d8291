// npm run rerender-posts [-- --all]: re-renders posts stored by an older markdown pipeline.
import { ensureServices, stopAll } from "./lib/ensure-services";

const services = await ensureServices(console.log);
try {
  const { rerenderPosts } = await import("../app/models/rerender.server");
  const n = await rerenderPosts({ all: process.argv.includes("--all"), log: console.log });
  console.log(`${n} posts re-rendered`);
  const { db } = await import("../app/db.server");
  await db.destroy();
} finally {
  await stopAll(services);
}
