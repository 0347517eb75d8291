// profile: the required fields of the member's directory profile are filled.
import { sql } from "kysely";
import type { ParamsOf, ProfileField } from "../requirement.schema";
import type { EvalContext } from "./context.server";
import { statusOf, type Progress } from "./types";

export async function evaluateProfile(ctx: EvalContext, p: ParamsOf<"profile">): Promise<Progress> {
  const { rows } = await sql<Record<ProfileField, boolean>>`
    select
      (btrim(u.display_name) <> '') as "displayName",
      (pr.photo_key is not null) as "photo",
      (coalesce(btrim(pr.job_title), '') <> '') as "jobTitle",
      (coalesce(btrim(pr.organisation), '') <> '') as "organisation",
      (coalesce(btrim(pr.bio_markdown), '') <> '') as "bio",
      (coalesce(cardinality(pr.achievements), 0) > 0) as "achievements"
    from users u left join profiles pr on pr.user_id = u.id
    where u.id = ${ctx.userId}`.execute(ctx.db);
  const filled = rows[0];
  const done = p.fields.filter((f) => filled?.[f]).length;
  return {
    done,
    required: p.fields.length,
    status: statusOf({ done, required: p.fields.length }),
    items: p.fields.map((f) => ({ label: f, state: filled?.[f] ? ("counted" as const) : ("missing" as const) })),
    more: 0,
  };
}
