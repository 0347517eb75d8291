// Programme data on every start (idempotent); demo accounts and content with `npm run dev`.
import { seedDemoAccounts } from "./demo-accounts";

export async function seedAll({ demo, log }: { demo: boolean; log: (m: string) => void }) {
  if (demo) await seedDemoAccounts(log);
}
