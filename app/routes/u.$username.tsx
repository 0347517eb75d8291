import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Avatar } from "~/components/avatar";
import { RelativeTime } from "~/components/relative-time";
import { notFound } from "~/http.server";
import { getMemberSummary } from "~/models/member.server";
import { scopeOf } from "~/permissions.server";
import { getViewer } from "~/viewer.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.member.display_name} · Touchpoints` : "Not found · Touchpoints" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  const scope = scopeOf(viewer);
  const member = await getMemberSummary({ scope, username: params.username ?? "" });
  if (!member) notFound();
  return { member, isSelf: viewer?.id === member.id, isStaff: scope.isStaff };
}

export default function MemberPage() {
  const { t } = useTranslation();
  const { member, isSelf, isStaff } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <header className="member-head">
        <Avatar name={member.display_name} size={72} />
        <div>
          <h1>{member.display_name}</h1>
          <p className="muted">
            @{member.username}
            {member.level ? <span className="level-pill">{t("topic.levelPill", { level: member.level })}</span> : null}
          </p>
        </div>
      </header>
      <dl className="member-stats">
        <div>
          <dt>{t("member.topics")}</dt>
          <dd>{member.stats.topics}</dd>
        </div>
        <div>
          <dt>{t("member.replies")}</dt>
          <dd>{member.stats.replies}</dd>
        </div>
        <div>
          <dt>{t("member.likesReceived")}</dt>
          <dd>{member.stats.likes_received}</dd>
        </div>
        <div>
          <dt>{t("member.since")}</dt>
          <dd>
            <RelativeTime date={member.created_at} />
          </dd>
        </div>
      </dl>
      {isSelf || isStaff ? (
        <p className="actions">
          <Link to={isSelf ? "/progress" : `/u/${member.username}/progress`}>{t("member.progress")}</Link>
          {isSelf ? <Link to="/my/notifications/settings">{t("notifications.settings")}</Link> : null}
          {isStaff && !isSelf ? <Link to={`/u/${member.username}/moderate`}>{t("member.moderate")}</Link> : null}
        </p>
      ) : null}
      <h2>{t("member.recentTopics")}</h2>
      {member.recentTopics.length ? (
        <ul>
          {member.recentTopics.map((topic) => (
            <li key={topic.id}>
              <Link to={`/t/${topic.slug}/${topic.id}`}>{topic.title}</Link> <RelativeTime date={topic.created_at} />
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("member.noTopics")}</p>
      )}
    </div>
  );
}
