// The demo community `npm run dev` shows, after the programme data (scripts/seed/index.ts), in the order each
// part needs the one before.
import { alignDemoMemberSince, seedDemoAccounts } from "./demo-accounts";
import { seedDemoAssessments } from "./demo-assessments";
import { seedDemoBadges } from "./demo-badges";
import { seedDemoCpd } from "./demo-cpd";
import { seedDemoEvents } from "./demo-events";
import { seedDemoEvidence } from "./demo-evidence";
import { seedDemoForum } from "./demo-forum";
import { seedDemoProfiles } from "./demo-profiles";
import { seedDemoRoutes } from "./demo-routes";
import { seedDemoTwoFactor } from "./demo-two-factor";
import { seedDemoLevelHistory } from "./programme-seed";

export async function seedDemo(log: (m: string) => void) {
  await seedDemoAccounts(log);
  await seedDemoAssessments(log);
  await seedDemoForum(log);
  // after the demo admin and recruiters exist: they must sign in with two-factor
  await seedDemoTwoFactor(log);
  // keep last: gives demo members (users.level set by demo content) a matching level history
  await seedDemoLevelHistory(log);
  // after the demo members exist: their profiles, generated members, the directory index
  await seedDemoProfiles(log);
  // after the level history: badges are dated when each level was entered
  await seedDemoBadges(log);
  // after the posts and level histories it looks at
  await alignDemoMemberSince(log);
  await seedDemoEvents(log);
  await seedDemoRoutes(log);
  await seedDemoCpd(log);
  await seedDemoEvidence(log);
}
