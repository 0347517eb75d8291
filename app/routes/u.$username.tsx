// A member's profile: professional details, competencies, badges and forum figures, as the viewer
// may see them. A profile this viewer may not see (hidden, or members-only to a visitor) answers 403
// with a page saying it is private (and offering sign-in), naming no one: an author's name in a
// post never leads to "not found". Only a username that does not exist is a 404.
// A member's mentor, tutor or a level-4 leader endorse competencies here, with a sentence each
// (components/competency-claims.tsx shows each claim's evidence); staff record designations.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "~/use-translation";
import { z } from "zod";
import { ProfileView } from "~/components/profile-page";
import { notFound, readForm } from "~/web/http.server";
import { getUserIdByUsername } from "~/models/journey/progress/page.server";
import { getProfilePage, recordDesignation, removeDesignation } from "~/models/directory/profile.server";
import { setEndorsement } from "~/models/directory/competency-evidence.server";
import { EndorsementSchema } from "~/models/directory/competency-evidence.schema";
import { requestLocale } from "~/locale";
import { canStartMessage, scopeOf } from "~/models/permissions.server";
import { getMessagingState } from "~/models/forum/messages.server";
import { getViewer, requireViewer } from "~/viewer.server";
import { pageTitle } from "~/web/page-title";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  if (!data) return [{ title: pageTitle(matches, "errors.notFoundTitle") }];
  if (!("profile" in data))
    return [{ title: pageTitle(matches, "profile.private.title") }, { name: "robots", content: "noindex" }];
  const p = data.profile;
  const tags = [{ title: `${p.displayName} · Touchpoints` }];
  // only public profiles are offered to search engines
  if (p.visibility !== "public") tags.push({ name: "robots", content: "noindex" } as never);
  return tags;
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  const scope = scopeOf(viewer);
  const lang = requestLocale(request, viewer?.locale);
  const profile = await getProfilePage({ scope, username: params.username ?? "", lang });
  if (!profile) {
    if (!(await getUserIdByUsername(params.username ?? ""))) notFound();
    // 403, not 200: the answer is a refusal, not the member's page (crawlers and caches keep nothing)
    return data({ signedIn: !!viewer }, { status: 403 });
  }
  const isSelf = viewer?.id === profile.id;
  // personal messages: a member may write to another member and ignore them (messages.server.ts)
  const messaging =
    viewer && !isSelf && canStartMessage(scope) && profile.isMember
      ? await getMessagingState({ scope, viewerSuspendedUntil: viewer.suspendedUntil, otherId: profile.id })
      : null;
  return { profile, isSelf, isStaff: scope.isStaff, messaging };
}

const ActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("designation"), code: z.string().max(40), awardedOn: z.string().max(20) }),
  z.object({ intent: z.literal("removeDesignation"), code: z.string().max(40) }),
]);

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const scope = scopeOf(viewer);
  const form = await readForm(request);
  const username = params.username ?? "";
  if (form.intent === "endorse" || form.intent === "unendorse") {
    const endorsement = EndorsementSchema.safeParse(form);
    if (!endorsement.success)
      return data({ formError: endorsement.error.issues[0]?.message ?? "errors.forbidden", values: form }, 400);
    const r = await setEndorsement({ scope, username, input: endorsement.data });
    if (!r.ok) return data({ formError: r.message, errorValues: r.values, values: form }, r.status);
    return redirect(`/u/${encodeURIComponent(username)}#competency-${endorsement.data.competency}`);
  }
  const parsed = ActionSchema.safeParse(form);
  if (!parsed.success) return data({ formError: "errors.forbidden", values: form }, 400);
  const input = parsed.data;
  const result =
    input.intent === "designation"
      ? await recordDesignation({ scope, username, code: input.code, awardedOn: input.awardedOn })
      : await removeDesignation({ scope, username, code: input.code });
  if (!result.ok) return data({ formError: result.message, errorValues: result.values, values: form }, result.status);
  return redirect(`/u/${encodeURIComponent(username)}`);
}

function PrivateProfile({ signedIn }: { signedIn: boolean }) {
  const { t } = useTranslation();
  const location = useLocation();
  return (
    <div className="page narrow">
      <h1>{t("profile.private.title")}</h1>
      <p>{t(signedIn ? "profile.private.member" : "profile.private.visitor")}</p>
      {!signedIn ? (
        <p>
          <Link className="button" to={`/login?redirectTo=${encodeURIComponent(location.pathname)}`}>
            {t("profile.private.signIn")}
          </Link>
        </p>
      ) : null}
    </div>
  );
}

export default function ProfilePage() {
  const d = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  return "profile" in d ? <ProfileView {...d} answer={answer} /> : <PrivateProfile signedIn={d.signedIn} />;
}
