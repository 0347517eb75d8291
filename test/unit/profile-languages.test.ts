// "Other languages" takes names in English or French (what members know), stores ISO codes.
import { describe, expect, test } from "vitest";
import { ProfileSchema } from "~/models/directory/profile.schema";

const languages = (...values: string[]) => ProfileSchema.shape.languages.safeParse(values);

describe("other languages", () => {
  test("names in English or French, any case or accents, become codes", () => {
    expect(languages("Yoruba, Igbo, Hausa").data).toEqual(["yo", "ig", "ha"]);
    expect(languages("en", "haoussa; Peul").data).toEqual(["en", "ha", "ff"]);
    expect(languages("Akan, Fula, Swahili").data).toEqual(["ak", "ff", "sw"]);
  });
  test("codes still work, as the field once asked; an unknown name is refused with the field's sentence", () => {
    expect(languages("tw ff").data).toEqual(["tw", "ff"]);
    const bad = languages("Yoruba, Klingonese");
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0].message).toBe("profile.errors.languages");
  });
});
