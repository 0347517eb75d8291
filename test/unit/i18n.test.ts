import { describe, expect, test } from "vitest";
import { createI18n, pickLocale } from "~/i18n";

describe("language choice", () => {
  test("the member's setting wins, then Accept-Language, then English", () => {
    expect(pickLocale("en", "fr-FR,fr;q=0.9")).toBe("en");
    expect(pickLocale(null, "de-DE,de;q=0.9,en;q=0.5")).toBe("en");
    expect(pickLocale(null, null)).toBe("en");
    expect(pickLocale("xx", "garbage;;q=")).toBe("en");
  });

  test("strings are interpolated and pluralised", () => {
    const i18n = createI18n("en");
    expect(i18n.t("home.welcomeBack", { name: "Ada" })).toBe("Welcome back, Ada.");
    expect(i18n.t("form.fixErrors", { count: 1 })).toBe("Please fix the field marked below.");
    expect(i18n.t("form.fixErrors", { count: 3 })).toBe("Please fix the 3 fields marked below.");
  });
});
