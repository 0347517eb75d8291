// The matching score is a sum of explained parts: each rule a mentee would recognise.
import { describe, expect, test } from "vitest";
import { hoursApart, scoreMentor, utcOffsetMinutes, WEIGHTS } from "~/models/mentorship/mentorship-score";

const need = {
  competencies: [
    { slug: "sla", level: "emerging" as const },
    { slug: "kpis", level: "advanced" as const },
  ],
  language: "fr",
  utcOffsetMinutes: 0,
};
const offer = { competencies: [] as string[], languages: ["en"], utcOffsetMinutes: 0, free: 0, completed: 0 };

describe("scoreMentor", () => {
  test("covering a gap the mentee starts low in weighs more than one they are advanced in", () => {
    const low = scoreMentor(need, { ...offer, competencies: ["sla"] });
    const high = scoreMentor(need, { ...offer, competencies: ["kpis"] });
    expect(low.score - high.score).toBe(WEIGHTS.competency.emerging - WEIGHTS.competency.advanced);
  });

  test("a shared language adds its weight and says which", () => {
    const r = scoreMentor(need, { ...offer, languages: ["fr"] });
    expect(r.reasons).toContainEqual({ kind: "language", points: WEIGHTS.language, language: "fr" });
  });

  test("time zones: full points when aligned, none 12 hours apart, and the short way round midnight", () => {
    expect(scoreMentor(need, offer).reasons.find((r) => r.kind === "timeZone")?.points).toBe(WEIGHTS.timeZone);
    expect(
      scoreMentor(need, { ...offer, utcOffsetMinutes: 12 * 60 }).reasons.find((r) => r.kind === "timeZone"),
    ).toBeUndefined();
    expect(hoursApart(-11 * 60, 12 * 60)).toBe(1);
  });

  test("free places and completed mentorships are capped", () => {
    const r = scoreMentor(need, { ...offer, utcOffsetMinutes: 12 * 60, free: 9, completed: 40 });
    expect(r.score).toBe(WEIGHTS.freePlacesCap * WEIGHTS.freePlace + WEIGHTS.completedCap * WEIGHTS.completed);
  });

  test("the UTC offset of a zone", () => {
    expect(utcOffsetMinutes("Africa/Nairobi")).toBe(180);
    expect(utcOffsetMinutes("Africa/Abidjan")).toBe(0);
    expect(utcOffsetMinutes("Not/AZone")).toBe(0);
  });
});
