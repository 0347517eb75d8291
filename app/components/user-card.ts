// The user card's HTML fragment, written once on the server in the viewer's language: the topic page's
// script (app/web/topic-enhance.ts) puts it in a small dialog. Every value goes through escapeHtml.
import type { TFunction } from "i18next";
import { escapeHtml as esc } from "~/html";
import { dateTimeFormat } from "~/intl";
import { intlLocale } from "~/locale";
import type { UserCard } from "~/models/forum/user-card.server";
import { avatarClass, initials } from "./avatar";
import { levelTagHtml } from "./level-badge";
import { relativeTime } from "./relative-time";

export function userCardHtml(card: UserCard, t: TFunction, lang: string): string {
  const profile = `/u/${encodeURIComponent(card.username)}`;
  const link = `<p class="user-card-links"><a href="${esc(profile)}">${esc(t("userCard.viewProfile"))}</a></p>`;
  if (card.state === "hidden")
    return `<div class="user-card" data-state="hidden"><p>${esc(t("userCard.hidden"))}</p>${link}</div>`;
  const date = (d: Date) => dateTimeFormat(intlLocale(lang), { dateStyle: "medium", timeZone: "UTC" }).format(d);
  let h = `<div class="user-card" data-state="visible"><header class="user-card-head">`;
  const avatar = esc(initials(card.displayName));
  h += `<span class="${avatarClass(card.displayName, 56)}" aria-hidden="true">${avatar}</span>`;
  h += `<div><p class="user-card-name"><strong>${esc(card.displayName)}</strong> `;
  h += `<span class="muted">@${esc(card.username)}</span></p>`;
  h += `<p>${levelTagHtml(card.level, card.badgeId, t)}`;
  if (card.role) h += ` <span class="tag-state">${esc(t(`userCard.role.${card.role}`))}</span>`;
  h += `</p></div></header><ul class="user-card-facts">`;
  h += `<li>${esc(t("userCard.joined", { date: date(card.joinedAt) }))}</li>`;
  if (card.lastPostAt) {
    const when = relativeTime(card.lastPostAt, lang);
    const text = esc(t("userCard.lastPost", { time: when.text }));
    h += `<li><time dateTime="${when.iso}" title="${esc(when.exact)}">${text}</time></li>`;
  } else h += `<li>${esc(t("userCard.noPosts"))}</li>`;
  if (card.suspendedUntil)
    h += `<li class="notice">${esc(t("userCard.suspended", { date: date(card.suspendedUntil) }))}</li>`;
  h += `</ul><p class="user-card-links"><a href="${esc(profile)}">${esc(t("userCard.viewProfile"))}</a>`;
  // personal messages (/messages/new) are built beside this card; members only
  if (card.canMessage)
    h += ` <a href="/messages/new?to=${encodeURIComponent(card.username)}">${esc(t("userCard.message"))}</a>`;
  return `${h}</p></div>`;
}
