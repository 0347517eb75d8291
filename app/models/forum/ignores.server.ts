// "Does either ignore the other": the one SQL test behind the profile's and the card's message link and
// the refusal to add someone to a conversation. user_ignores' primary key serves one direction, its
// ignored_user_id index the other.
import { sql, type Expression } from "kysely";

type Member = number | Expression<number>;

/**
 * True when `member` ignores any of `others` or any of them ignores `member`. Each side is an id or a
 * column (`sql.ref("u.id")`); `others` may also be a list of ids (a conversation's participants).
 */
export function ignoredEitherWay(member: Member, others: Member | number[]) {
  const them = Array.isArray(others) ? sql`any(${others}::int[])` : sql`${others}`;
  return sql<boolean>`exists (select 1 from user_ignores i
    where (i.user_id = ${member} and i.ignored_user_id = ${them})
      or (i.ignored_user_id = ${member} and i.user_id = ${them}))`;
}
