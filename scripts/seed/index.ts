// Programme data on every start (idempotent); demo accounts and content with `npm run dev`.
import { alignDemoMemberSince, seedDemoAccounts } from "./demo-accounts";
import { seedDemoEvents } from "./demo-events";
import { seedDemoAssessments } from "./demo-assessments";
import { seedDemoBadges } from "./demo-badges";
import { seedDemoForum, seedForumStructure } from "./demo-forum";
import { seedDemoProfiles } from "./demo-profiles";
import { seedDemoEvidence } from "./demo-evidence";
import { seedDemoRoutes } from "./demo-routes";
import { seedDemoCpd } from "./demo-cpd";
import { ensureMailSecret } from "../../app/models/account/mail-token.server";
import { vapidKeys } from "../../app/models/account/push.server";
import { seedDemoTwoFactor } from "./demo-two-factor";
import { seedDemoLevelHistory, seedProgramme } from "./programme-seed";

export async function seedAll({ demo, log }: { demo: boolean; log: (m: string) => void }) {
  // the keys that sign mail tokens and push messages: made at start, never by a request
  await Promise.all([ensureMailSecret(), vapidKeys()]);
  await seedProgramme(log);
  await seedForumStructure(log);
  if (demo) await seedDemoAccounts(log);
  if (demo) await seedDemoAssessments(log);
  if (demo) await seedDemoForum(log);
  // after the demo admin and recruiters exist: they must sign in with two-factor
  if (demo) await seedDemoTwoFactor(log);
  // keep last: gives demo members (users.level set by demo content) a matching level history
  if (demo) await seedDemoLevelHistory(log);
  // after the demo members exist: their profiles, generated members, the directory index
  if (demo) await seedDemoProfiles(log);
  // after the level history: badges are dated when each level was entered
  if (demo) await seedDemoBadges(log);
  // after the posts and level histories it looks at
  if (demo) await seedDemoMemberExtras(log);
}

async function seedDemoMemberExtras(log: (m: string) => void) {
  await alignDemoMemberSince(log);
  await seedDemoEvents(log);
  await seedDemoRoutes(log);
  await seedDemoCpd(log);
  await seedDemoEvidence(log);
}
