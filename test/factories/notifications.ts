// A stored notification as its reader reads it (they are stored as message keys, worded when read).
import { sharedI18n, type Locale } from "~/i18n";
import { notificationText } from "~/models/account/notification-text";

export function wordedAs(lang: Locale, row: { kind?: string; data: unknown }): string {
  return notificationText(
    sharedI18n(lang).t,
    { kind: row.kind ?? "progress", data: (row.data ?? {}) as Record<string, unknown>, actor: null },
    lang,
  );
}
