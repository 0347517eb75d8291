// safeRedirect reads a return address as a browser would, and keeps only paths on this site.
import { describe, expect, test } from "vitest";
import { safeRedirect } from "~/viewer.server";

describe("safeRedirect", () => {
  test("an address a browser would follow to another site falls back", () => {
    const foreign = [
      "/\t/evil.example",
      "/\\evil.example",
      "//evil.example",
      "/\\\t/evil.example",
      "/\n/evil.example",
      "/\r\n/evil.example",
      "\t//evil.example",
      " //evil.example",
      "\u0000//evil.example",
      "\u001f/\\evil.example",
      "/.//evil.example",
      "/x/..//evil.example",
      "/./\\evil.example",
      "https://evil.example",
      "https:/evil.example",
      "javascript:alert(1)",
      "java\tscript:alert(1)",
      "data:text/html,x",
      "evil.example",
      "\\\\evil.example",
      "/a\u0000b",
      "/a\u001bb",
      "",
      null,
      undefined,
    ];
    for (const value of foreign) expect(safeRedirect(value, "/home"), JSON.stringify(value)).toBe("/home");
  });

  test("a path on this site is kept, percent-encoded so it can go in a header", () => {
    expect(safeRedirect("/t/some-topic/12?page=2#post-3")).toBe("/t/some-topic/12?page=2#post-3");
    // what the browser strips, stripped
    expect(safeRedirect("  /latest\t\n ")).toBe("/latest");
    expect(safeRedirect("/lat\test")).toBe("/latest");
    // encoded look-alikes are paths of this site, not hosts
    expect(safeRedirect("/%09/evil.example")).toBe("/%09/evil.example");
    expect(safeRedirect("/%2F%2Fevil.example")).toBe("/%2F%2Fevil.example");
    expect(safeRedirect("/%5Cevil.example")).toBe("/%5Cevil.example");
    // characters a header cannot carry leave as UTF-8 percent-escapes
    expect(safeRedirect("/u/é漢")).toBe("/u/%C3%A9%E6%BC%A2");
    expect(safeRedirect("/a\u2028b?q=\u2028#\u2028")).toBe("/a%E2%80%A8b?q=%E2%80%A8#%E2%80%A8");
    for (const value of ["/u/é漢字🙂", "/a\u2028b", "/x?q=é#frag\u2028"])
      expect(safeRedirect(value)).toMatch(/^\/[\x21-\x7e]*$/);
    // dot segments resolve as the browser resolves them
    expect(safeRedirect("/a/../b")).toBe("/b");
  });
});
