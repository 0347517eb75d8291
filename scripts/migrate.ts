// npm run db:migrate: migrates DATABASE_URL, or the embedded database when it is unset.
import { migrateToLatest } from "../db/migrate";
import { ensureServices, stopAll } from "./server/ensure-services";

const services = await ensureServices(console.log);
try {
  await migrateToLatest(process.env.DATABASE_URL!, console.log);
  console.log("migrations are up to date");
} finally {
  await stopAll(services);
}
