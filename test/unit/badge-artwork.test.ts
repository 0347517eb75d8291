// The badge artwork and SVG baking, without a database.
import { describe, expect, test } from "vitest";
import { createI18n } from "~/i18n";
import { bakeSvg, extractBakedJws, renderBadgeSvg, xmlEscape } from "~/models/badges/badge-artwork.server";

const t = createI18n("en").t;
const base = {
  kind: "level" as const,
  level: 3,
  name: "Customer Service Manager",
  shortName: "Manager",
  inscription: "Touchpoints Career Journey · Level 3",
  awardedAt: new Date("2026-02-01T00:30:00Z"),
  revoked: false,
};

describe("badge artwork", () => {
  test("names the level, inscription, holder and date, with an accessible title", () => {
    const svg = renderBadgeSvg({ ...base, holderName: "Chidi Obi" }, t);
    expect(svg).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 512 512"/,
    );
    expect(svg).toContain('role="img" aria-labelledby="badge-title badge-desc"');
    expect(svg).toContain('<title id="badge-title">Customer Service Manager: badge of Chidi Obi</title>');
    for (const s of [
      ">Manager<",
      ">Customer Service Manager<",
      ">Touchpoints Career Journey · Level 3<",
      ">Chidi Obi<",
      ">1 February 2026<",
      ">3<",
    ])
      expect(svg).toContain(s);
    expect(svg).not.toContain("REVOKED");
  });

  test("escapes markup, quotes, control and bidi characters in names", () => {
    expect(xmlEscape(`<a href="x">'&'</a>\u0007\u202E`)).toBe(
      "&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;",
    );
    const svg = renderBadgeSvg({ ...base, holderName: `]]><script>alert(1)</script>` }, t);
    expect(svg).not.toContain("<script");
    expect(svg).not.toContain("]]>");
  });

  test("a very long name is shortened and kept inside the card", () => {
    const svg = renderBadgeSvg({ ...base, holderName: "W".repeat(200) }, t);
    const line = svg.split("\n").find((l) => l.startsWith("<text") && l.includes("WWWW"))!;
    expect(line).toContain("…");
    expect(line).toMatch(/textLength="440"/);
  });

  test("the Mentor badge and a revoked badge look different", () => {
    const mentor = renderBadgeSvg(
      {
        ...base,
        kind: "mentor",
        level: null,
        name: "Touchpoints Mentor",
        shortName: "Mentor",
        inscription: "Touchpoints Mentor Programme",
        holderName: "Ama",
      },
      t,
    );
    expect(mentor).toContain("<polygon");
    expect(mentor).toContain("#be123c");
    expect(renderBadgeSvg({ ...base, holderName: "Ama", revoked: true }, t)).toContain(">REVOKED</text>");
  });

  test("baking puts one openbadges:credential right after the <svg> tag, and it reads back", () => {
    const svg = renderBadgeSvg({ ...base, holderName: "Ama" }, t);
    const jws = "eyJhbGciOiJFZERTQSJ9.eyJhIjoxfQ.c2ln";
    const baked = bakeSvg(svg, jws);
    expect(baked).toMatch(
      new RegExp(
        /<svg xmlns:openbadges="https:\/\/purl.imsglobal.org\/ob\/v3p0" xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]*>\n/
          .source +
          /<openbadges:credential verify="eyJhbGciOiJFZERTQSJ9.eyJhIjoxfQ.c2ln"><\/openbadges:credential>/.source,
      ),
    );
    expect(extractBakedJws(baked)).toBe(jws);
    expect(() => bakeSvg(baked, jws)).toThrow("already baked");
    expect(() => bakeSvg(svg, 'a"b.c.d')).toThrow("not a compact JWS");
  });
});
