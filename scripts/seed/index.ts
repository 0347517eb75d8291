// Programme data on every start (idempotent); demo accounts and content with `npm run dev`. The demo seeders
// (and the app modules they use) are loaded only then: `npm start` and each test's app start without them.
import { ensureMailSecret } from "../../app/models/account/mail-token.server";
import { vapidKeys } from "../../app/models/account/push.server";
import { seedForumStructure } from "./forum-structure";
import { seedProgramme } from "./programme-seed";

export async function seedAll({ demo, log }: { demo: boolean; log: (m: string) => void }) {
  // the keys that sign mail tokens and push messages: made at start, never by a request
  await Promise.all([ensureMailSecret(), vapidKeys()]);
  await seedProgramme(log);
  await seedForumStructure(log);
  if (demo) await (await import("./demo")).seedDemo(log);
}
