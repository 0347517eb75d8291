// GET /composer/suggest?q=@ab&topic=42: the composer's @mention and #category suggestions, as JSON.
// Signed-in people only (a visitor is refused, not sent to sign in: a script asks), rate limited.
// (A resource route: with single fetch, only a plain Response keeps its status here.)
import type { LoaderFunctionArgs } from "@remix-run/node";
import { rateLimit, userKey } from "~/models/account/rate-limit.server";
import { SuggestQuerySchema, suggestCategories, suggestMembers } from "~/models/forum/composer-suggest.server";
import { scopeOf } from "~/models/permissions.server";
import { requestLocale } from "~/locale";
import { getViewer } from "~/viewer.server";

const answer = (body: object, status = 200) =>
  Response.json(body, { status, headers: { "Cache-Control": "private, no-store" } });

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  if (!viewer) return answer({ items: [] }, 401);
  const parsed = SuggestQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return answer({ items: [] }, 400);
  if (await rateLimit("suggest", userKey(viewer.id))) return answer({ items: [] }, 429);
  const scope = scopeOf(viewer);
  const { q, topic } = parsed.data;
  const prefix = q.slice(1);
  const items = q.startsWith("@")
    ? await suggestMembers({ scope, prefix, topicId: topic })
    : await suggestCategories({ scope, prefix, lang: requestLocale(request, viewer.locale) });
  return answer({ items });
}
