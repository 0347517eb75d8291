// Every migration, in order. Listed statically so tsx, vitest and bundlers all load them the same way.
import type { Migration } from "kysely";
import * as foundation from "./2026-11-23T0900_foundation";
import * as forum from "./2026-11-23T1000_forum";

export const migrations: Record<string, Migration> = {
  "2026-11-23T0900_foundation": foundation,
  "2026-11-23T1000_forum": forum,
};
