// /u/:username/card: the user card's HTML fragment, fetched by the topic page's script when an author's
// name or avatar is tapped (without JavaScript the link opens the profile). A profile the viewer may not
// see answers a card saying so, never 404; only a username that does not exist is a 404.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { sharedI18n } from "~/i18n";
import { requestLocale } from "~/locale";
import { userCardHtml } from "~/components/user-card";
import { getUserCard } from "~/models/forum/user-card.server";
import { scopeOf } from "~/models/permissions.server";
import { getViewer } from "~/viewer.server";
import { notFound } from "~/web/http.server";
import { hasSessionCookie, PERSONAL } from "~/web/page-caching";

const Username = z.string().min(1).max(60);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const username = Username.safeParse(params.username);
  if (!username.success) notFound();
  const viewer = await getViewer(request);
  const card = await getUserCard({
    scope: scopeOf(viewer),
    username: username.data,
    viewerSuspendedUntil: viewer?.suspendedUntil,
  });
  if (!card) notFound();
  const lang = requestLocale(request, viewer?.locale);
  const html = userCardHtml(card, sharedI18n(lang).t, lang);
  // a visitor's card is the same for every visitor (kept a minute by shared caches, per language); with a
  // session it may say more (members-only profiles, the message link): kept by no one
  const caching: Record<string, string> = hasSessionCookie(request.headers.get("Cookie"))
    ? { "Cache-Control": PERSONAL }
    : { "Cache-Control": "public, max-age=60, s-maxage=60", Vary: "Accept-Language, Cookie" };
  return new Response(html, {
    headers: { "Content-Type": "text/html; charset=utf-8", "X-Robots-Tag": "noindex", ...caching },
  });
}
