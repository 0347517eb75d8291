import { AppLink } from "./app-link";
import { useTranslation } from "~/use-translation";
import { Avatar } from "./avatar";
import { RelativeTime } from "./relative-time";

export type TopicListItem = {
  id: number;
  slug: string;
  title: string;
  tags: string[];
  reply_count: number;
  highest_post_number: number;
  like_count: number;
  bumped_at: string | Date;
  pinned: boolean;
  closed_at: string | Date | null;
  archived_at: string | Date | null;
  unread: number | null;
  category: { slug: string; name: string; colour: string };
  posters: { username: string; display_name: string }[];
};

export function CategoryBadge({ category }: { category: { slug: string; name: string; colour: string } }) {
  return (
    // the colour square is the link's ::before (styles.css): one element less in every row
    <AppLink to={`/c/${category.slug}`} className="category-badge" style={{ "--c": category.colour } as React.CSSProperties}>
      {category.name}
    </AppLink>
  );
}

/** The topic table of every list page: one row per topic, readable as a list on a phone. */
export function TopicList({ topics, showCategory = true, signedIn }: { topics: TopicListItem[]; showCategory?: boolean; signedIn: boolean }) {
  const { t } = useTranslation();
  return (
    <ol className="topic-list">
      {topics.map((topic) => (
        <li key={topic.id} className="topic-row">
          <div className="topic-main">
            <AppLink className="topic-title" to={`/t/${topic.slug}/${topic.id}${signedIn && topic.unread ? `/${topic.highest_post_number - topic.unread + 1}` : ""}`}>
              {topic.title}
            </AppLink>
            {topic.pinned ? <span className="tag-state">{t("forum.pinned")}</span> : null}
            {topic.closed_at ? <span className="tag-state">{t("forum.closed")}</span> : null}
            {topic.archived_at ? <span className="tag-state">{t("forum.archived")}</span> : null}
            {signedIn && topic.unread ? <span className="unread-badge">{t("forum.unreadBadge", { count: topic.unread })}</span> : null}
            {signedIn && topic.unread === null ? <span className="new-badge">{t("forum.newBadge")}</span> : null}
            <div className="topic-meta">
              {showCategory ? <CategoryBadge category={topic.category} /> : null}
              {topic.tags.map((tag) => (
                <AppLink key={tag} to={`/tag/${tag}`} className="tag">
                  {tag}
                </AppLink>
              ))}
            </div>
          </div>
          {/* a group of named images (each avatar says whose it is), and the counts as dt/dd pairs
              laid out by the stylesheet: the fewest elements a row can have (a list draws 30) */}
          <div className="posters" role="group" aria-label={t("forum.columns.posters")}>
            {topic.posters.map((p) => (
              <Avatar key={p.username} name={p.display_name} size={24} label={p.display_name} />
            ))}
          </div>
          <dl className="topic-stats">
            <dt>{t("forum.columns.replies")}</dt>
            <dd>{topic.reply_count}</dd>
            <dt>{t("forum.columns.likes")}</dt>
            <dd>{topic.like_count}</dd>
            <dt>{t("forum.columns.activity")}</dt>
            <dd>
              <RelativeTime date={topic.bumped_at} />
            </dd>
          </dl>
        </li>
      ))}
    </ol>
  );
}
