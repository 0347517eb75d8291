// npm run admin:create -- --email a@b.org --username ada [--name "Ada O."] [--password ...]
import { parseArgs } from "node:util";
import { migrateToLatest } from "../db/migrate";
import { ensureServices, stopAll } from "./server/ensure-services";

const { values } = parseArgs({
  options: {
    email: { type: "string" },
    username: { type: "string" },
    name: { type: "string" },
    password: { type: "string" },
  },
});
if (!values.email || !values.username) {
  console.error("Usage: npm run admin:create -- --email EMAIL --username USERNAME [--name NAME] [--password PASSWORD]");
  process.exit(2);
}
const services = await ensureServices(() => {});
try {
  await migrateToLatest(process.env.DATABASE_URL!);
  const { ensureAdmin } = await import("../app/models/account/user.server");
  const result = await ensureAdmin({
    email: values.email,
    username: values.username,
    displayName: values.name,
    password: values.password,
  });
  if (!result.ok) {
    console.error(`Could not create the admin: ${JSON.stringify(result.fields ?? result.message)}`);
    process.exitCode = 1;
  } else {
    console.log(
      `${values.username} is an admin (user id ${result.userId}).` +
        `${values.password ? "" : " Set a password with “Forgot your password?” on the sign-in page."}`,
    );
  }
  const { db } = await import("../app/db.server");
  await db.destroy();
} finally {
  await stopAll(services);
}
