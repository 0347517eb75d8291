import { describe, expect, test } from "vitest";
import {
  dayStartSeconds,
  hasCriteria,
  isCalendarDay,
  parseSearchQuery,
  QUERY_MAX,
  queryTerms,
} from "~/models/forum/search-query";

describe("search operators", () => {
  test("plain words stay the text, in order", () => {
    const q = parseSearchQuery("  handling  angry customers ");
    expect(q.text).toBe("handling angry customers");
    expect(q.order).toBe("relevance");
    expect(q.problems).toEqual([]);
    expect(hasCriteria(q)).toBe(true);
  });

  test("@username, #category and the rest are taken out of the text", () => {
    const q = parseSearchQuery(
      "escalation @Ada_Obi #complaint-handling tags:empathy,listening before:2026-03-01 after:2026-01-15 " +
        "status:closed order:likes in:bookmarks",
    );
    expect(q).toMatchObject({
      text: "escalation",
      username: "Ada_Obi",
      category: "complaint-handling",
      tags: ["empathy", "listening"],
      tagMode: "any",
      before: "2026-03-01",
      after: "2026-01-15",
      status: "closed",
      order: "likes",
      inBookmarks: true,
      inLikes: false,
      problems: [],
    });
  });

  test("tags:a+b asks for all the tags; repeated tags are merged", () => {
    expect(parseSearchQuery("tags:empathy+listening")).toMatchObject({
      tags: ["empathy", "listening"],
      tagMode: "all",
    });
    expect(parseSearchQuery("tags:a,b tags:b,c").tags).toEqual(["a", "b", "c"]);
  });

  test("operators are case-insensitive where it makes sense", () => {
    expect(parseSearchQuery("STATUS:Open ORDER:Latest IN:Likes #Billing")).toMatchObject({
      status: "open",
      order: "latest",
      inLikes: true,
      category: "billing",
    });
  });

  test("quoted phrases are kept as phrases", () => {
    expect(parseSearchQuery('"first contact resolution" tips').text).toBe('"first contact resolution" tips');
    expect(parseSearchQuery('"unclosed phrase').text).toBe('"unclosed phrase"');
    expect(parseSearchQuery('"" empty').text).toBe("empty");
  });

  test("a malformed operator is reported and left out; the rest still searches", () => {
    const q = parseSearchQuery(
      "refunds before:2026-02-30 after:yesterday status:pending order:oldest in:drafts tags:,",
    );
    expect(q.text).toBe("refunds");
    expect(q.before).toBeUndefined();
    expect(q.after).toBeUndefined();
    expect(q.status).toBeUndefined();
    expect(q.order).toBe("relevance");
    expect(q.problems.map((p) => p.key)).toEqual([
      "search.problems.date",
      "search.problems.date",
      "search.problems.status",
      "search.problems.order",
      "search.problems.in",
      "search.problems.tags",
    ]);
    expect(q.problems[0].values).toEqual({ value: "before:2026-02-30" });
  });

  test("an impossible date range is reported", () => {
    expect(parseSearchQuery("after:2026-02-01 before:2026-02-01").problems.map((p) => p.key)).toEqual([
      "search.problems.dateRange",
    ]);
  });

  test("things that only look like operators are text", () => {
    const q = parseSearchQuery("ratio 3:1 email a@b.org @ # http://x.example");
    expect(q.text).toBe("ratio 3:1 email a@b.org @ # http://x.example");
    expect(q.username).toBeUndefined();
    expect(q.category).toBeUndefined();
  });

  test("an over-long query is cut and says so; control and marker characters are removed", () => {
    const q = parseSearchQuery(`${"word ".repeat(200)}`);
    expect(q.problems.map((p) => p.key)).toEqual(["search.problems.tooLong"]);
    expect(q.text.length).toBeLessThanOrEqual(QUERY_MAX);
    expect(parseSearchQuery("a\u0000b\ue000c\ue001d").text).toBe("a b c d");
  });

  test("nothing asked: no criteria", () => {
    expect(hasCriteria(parseSearchQuery(""))).toBe(false);
    expect(hasCriteria(parseSearchQuery("   "))).toBe(false);
    expect(hasCriteria(parseSearchQuery("order:latest"))).toBe(false);
    expect(hasCriteria(parseSearchQuery("status:open"))).toBe(true);
  });

  test("calendar days and their start in Unix seconds", () => {
    expect(isCalendarDay("2024-02-29")).toBe(true);
    expect(isCalendarDay("2023-02-29")).toBe(false);
    expect(isCalendarDay("2026-1-5")).toBe(false);
    expect(dayStartSeconds("2026-01-01")).toBe(Date.UTC(2026, 0, 1) / 1000);
  });

  test("query terms for highlighting drop quotes and punctuation", () => {
    expect(queryTerms(parseSearchQuery('"Customer care," rocks! @ada'))).toEqual(["customer", "care", "rocks"]);
  });
});
