// The CPD rules on their own: CPD years from the award's anniversary, a lapse at a short year's end,
// owed points paid first, at most one year owed, and years before the policy counted never judged.
import { describe, expect, test } from "vitest";
import { addYears, judgeCpd } from "~/models/journey/cpd/cpd-year";

const base = { anchorOn: "2027-03-10", countsFrom: "2027-01-01", required: 10 };

describe("CPD years", () => {
  test("29 February's anniversary is 28 February in a common year", () => {
    expect(addYears("2028-02-29", 1)).toBe("2029-02-28");
    expect(addYears("2028-02-29", 4)).toBe("2032-02-29");
  });

  test("a year that reaches the points stays current; the next lapse is the next anniversary until met", () => {
    const mid = judgeCpd({ ...base, today: "2027-12-01", points: [{ on: "2027-06-01", points: 4 }] });
    expect(mid).toMatchObject({ status: "active", pointsThisYear: 4, nextLapseOn: "2028-03-10", judged: true });
    const met = judgeCpd({ ...base, today: "2028-03-10", points: [{ on: "2027-06-01", points: 10 }] });
    expect(met).toMatchObject({ status: "active", pointsThisYear: 0, year: { start: "2028-03-10" } });
  });

  test("several missed years owe one year's points at most; points dated after today do not count", () => {
    const j = judgeCpd({ ...base, today: "2030-04-01", points: [{ on: "2030-05-01", points: 50 }] });
    expect(j).toMatchObject({ status: "lapsed", lapsedOn: "2028-03-10", owed: 10 });
    const caught = judgeCpd({ ...base, today: "2030-04-01", points: [{ on: "2030-03-20", points: 12 }] });
    expect(caught).toMatchObject({ status: "active", pointsThisYear: 2 });
    expect(caught.transitions).toEqual([
      { event: "lapsed", on: "2028-03-10", points: 0 },
      { event: "reinstated", on: "2030-03-20", points: 10 },
    ]);
  });

  test("a CPD year that began before the policy counted is not judged", () => {
    const j = judgeCpd({ ...base, countsFrom: "2027-06-01", today: "2028-03-11", points: [] });
    expect(j).toMatchObject({ status: "active", judged: true, nextLapseOn: "2029-03-10", transitions: [] });
    const first = judgeCpd({ ...base, countsFrom: "2027-06-01", today: "2027-12-01", points: [] });
    expect(first).toMatchObject({ judged: false, nextLapseOn: null });
  });
});
