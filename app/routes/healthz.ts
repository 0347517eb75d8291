import { sql } from "kysely";
import { db } from "~/db.server";
import { searchHealth } from "~/search.server";

export async function loader() {
  const [postgres, meilisearch] = await Promise.all([
    sql`select 1`.execute(db).then(
      () => "up" as const,
      () => "down" as const,
    ),
    searchHealth(),
  ]);
  return Response.json(
    { postgres, meilisearch },
    { status: postgres === "up" ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
