// Programme data on every start (idempotent); demo accounts and content with `npm run dev`.
import { seedDemoAccounts } from "./demo-accounts";
import { seedDemoForum, seedForumStructure } from "./demo-forum";
import { seedDemoLevelHistory, seedProgramme } from "./programme-seed";

export async function seedAll({ demo, log }: { demo: boolean; log: (m: string) => void }) {
  await seedProgramme(log);
  await seedForumStructure(log);
  if (demo) await seedDemoAccounts(log);
  if (demo) await seedDemoForum(log);
  // keep last: gives demo members (users.level set by demo content) a matching level history
  if (demo) await seedDemoLevelHistory(log);
}
