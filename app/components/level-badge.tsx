// A member's level as a small pill ("L2 · Professional"), shown next to their name on posts,
// profiles and directory cards. With the id of their valid badge it links to the public badge
// page; without one it is plain text. The Mentor badge has its own pill.
import { useTranslation } from "~/use-translation";

type Props = {
  /** the member's current level, 1-4 */
  level: number | null | undefined;
  /** the level's short name; defaults to the programme's ("Professional") */
  shortName?: string | null;
  /** public id of the member's valid badge for this level: the pill links to /badges/:id */
  badgeId?: string | null;
  /** "mentor" draws the Mentor pill instead of a level */
  kind?: "level" | "mentor";
};

export function LevelBadge({ level, shortName, badgeId, kind = "level" }: Props) {
  const { t } = useTranslation();
  if (kind === "mentor") {
    const text = t("badges.pill.mentor");
    return badgeId ? (
      <a className="level-tag level-tag-mentor" href={`/badges/${badgeId}`}>
        {text}
        <span className="visually-hidden">{` ${t("badges.pill.badgeSuffix")}`}</span>
      </a>
    ) : (
      <span className="level-tag level-tag-mentor">{text}</span>
    );
  }
  if (!level || level < 1 || level > 4) return null;
  const name = shortName || t(`badges.levelShort.${level}`);
  // the accessible name starts with the visible text (speech users say what they see), then spells "L2" out
  const content = (
    <>
      {t("badges.pill.text", { level, name })}
      <span className="visually-hidden">{` ${t("badges.pill.levelSuffix", { level })}`}</span>
    </>
  );
  const cls = `level-tag level-tag-${level}`;
  return badgeId ? (
    <a className={cls} href={`/badges/${badgeId}`}>
      {content}
    </a>
  ) : (
    <span className={cls}>{content}</span>
  );
}
