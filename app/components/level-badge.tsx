// A member's level as a small pill ("L2 · Professional"), shown next to their name on posts. With
// the id of their valid badge it links to the public badge page; without one it is plain text.
import type { TFunction } from "i18next";
import { escapeHtml } from "~/html";

/** The pill as HTML (posts are written as strings, components/post-view.ts); empty for no level. */
export function levelTagHtml(level: number | null | undefined, badgeId: string | null | undefined, t: TFunction) {
  if (!level || level < 1 || level > 4) return "";
  // the accessible name starts with the visible text (speech users say what they see), then spells "L2" out
  const text = escapeHtml(t("badges.pill.text", { level, name: t(`badges.levelShort.${level}`) }));
  const suffix = escapeHtml(` ${t("badges.pill.levelSuffix", { level })}`);
  const pill = `${text}<span class="visually-hidden">${suffix}</span>`;
  const cls = `level-tag level-tag-${level}`;
  if (!badgeId) return `<span class="${cls}">${pill}</span>`;
  return `<a class="${cls}" href="/badges/${escapeHtml(badgeId)}">${pill}</a>`;
}
