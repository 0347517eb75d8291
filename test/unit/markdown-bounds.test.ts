// The pipeline's bounds, in-thread (the worker pool has its own test): inputs that overflowed the
// stack or took seconds now render, nesting stops at 100 with the rest kept as text, and the
// shortcuts that keep scans linear change no output.
import { afterEach, describe, expect, test } from "vitest";
import { renderMarkdown, renderMarkdownWithAnalysis } from "../../app/markdown/index.server";
import { capLineNesting, MAX_NESTING, textCutTuning } from "../../app/markdown/lexer.server";
import { MARKDOWN_FIELD_LIMITS, PATHOLOGICAL_INPUTS } from "../fixtures/pathological-markdown";

const count = (html: string, tag: string) => html.split(`<${tag}`).length - 1;

describe("the issue's inputs render without throwing", () => {
  const cases = PATHOLOGICAL_INPUTS.flatMap((input) =>
    Object.entries(MARKDOWN_FIELD_LIMITS).map(([field, limit]) => ({
      name: `${input.name} (${field}, ${limit} characters)`,
      text: input.build(limit),
      limit,
    })),
  );

  test.each(cases)("$name", ({ text, limit }) => {
    expect(text.length).toBeLessThanOrEqual(limit);
    const { html } = renderMarkdownWithAnalysis(text);
    expect(html.length).toBeGreaterThan(0);
  });
});

describe("nesting stops at 100; deeper markup stays as text", () => {
  test("blockquotes: 150 > give 100 blockquotes and the other 50 as text", () => {
    const html = renderMarkdown(`${">".repeat(150)} deep`);
    expect(count(html, "blockquote")).toBe(MAX_NESTING);
    expect(html).toContain(`${"&gt;".repeat(50)} deep`);
  });

  test("lists: 150 nested items give 100 lists and the rest as text", () => {
    const html = renderMarkdown(`${"1. ".repeat(150)}x`);
    expect(count(html, "ol")).toBe(MAX_NESTING);
    expect(html).toContain(`${"1. ".repeat(49)}1. x`);
  });

  test("emphasis: 150 nested ** give 100 strong elements and the rest as the asterisks written", () => {
    const html = renderMarkdown(`${"**".repeat(150)}a${"**".repeat(150)}`);
    expect(count(html, "strong")).toBe(MAX_NESTING);
    expect(html).toContain(`${"**".repeat(50)}a${"**".repeat(50)}`);
  });

  test("[quote]s: 150 nested quotes give 100 asides; the inner openers and closers show as text", () => {
    const html = renderMarkdown(`${'[quote="a"]\n'.repeat(150)}x\n${"[/quote]\n".repeat(150)}`);
    expect(count(html, "aside")).toBe(MAX_NESTING);
    expect(html).toContain(`<p>${'[quote="a"]<br />'.repeat(50)}x<br />`);
    expect(html).toContain("x");
  });

  test("nesting below the cap renders as before", () => {
    expect(count(renderMarkdown(`${"> ".repeat(20)}x`), "blockquote")).toBe(20);
    expect(count(renderMarkdown(`${"*".repeat(8)}x${"*".repeat(8)}`), "strong")).toBe(4);
  });
});

describe("capLineNesting (before marked reads the text)", () => {
  test("escapes the marker after the 100th on a line, and only on such lines", () => {
    const deep = `${"> ".repeat(101)}x`;
    expect(capLineNesting(`ok\n${deep}\nok`)).toBe(`ok\n${"> ".repeat(100)}\\> x\nok`);
    expect(capLineNesting(`${"1. ".repeat(101)}x`)).toBe(`${"1. ".repeat(100)}1\\. x`);
    const ordinary = `${"> ".repeat(99)}x\n${"word ".repeat(100)}\n- - - ${"- ".repeat(120)}`;
    expect(capLineNesting(ordinary)).toBe(ordinary);
  });

  test("leaves fenced code alone", () => {
    const code = `\`\`\`\n${">".repeat(300)}\n\`\`\`\n`;
    expect(capLineNesting(code)).toBe(code);
    expect(renderMarkdown(code)).toBe(`<pre><code>${"&gt;".repeat(300)}\n</code></pre>`);
  });
});

// Random text made of the pieces that matter to marked's text rule (emails, www., entities, runs of
// spaces, delimiters): rendered with a text cut at every allowed point and with none, the HTML is equal.
describe("text cuts change no output", () => {
  const spacing = textCutTuning.cutSpacing;
  afterEach(() => {
    textCutTuning.cutSpacing = spacing;
  });
  const PIECES = [
    "word",
    "ab",
    "x",
    "_",
    "__",
    "*",
    "**",
    "~",
    "`",
    " ",
    "  ",
    "   ",
    "\n",
    "\n\n",
    "  \n",
    "@bob",
    "@Bob_x",
    "#general",
    "a@b.co",
    "x.y_z@ex.com",
    "@",
    "#",
    "&",
    "&#64;",
    "&#x41;",
    "&#",
    "&amp;",
    "&a_b;",
    "www.x.com",
    ",www.ex.org",
    "(www.ex.org)",
    "http://a.b/c",
    "https://e.com",
    "ftp://f.g",
    "mailto:a@b.cd",
    "xmpp:a@b.cd",
    "\\",
    "\\_",
    "<",
    ">",
    "[",
    "]",
    "(",
    ")",
    "!",
    "[t](https://x.y)",
    "<b>",
    "</b>",
    ".",
    ",",
    "-",
    "'",
    "é",
    "😀",
    "_a",
    "a_",
    "snake_case",
    "\t",
    "> ",
    "- ",
    "1. ",
    '[quote="bob"]\n',
    "[/quote]\n",
    "`c`",
    "~~d~~",
    "!!!",
    "''@x.co",
  ];
  let seed = 25;
  const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const docs = Array.from({ length: 400 }, () => {
    let doc = "";
    for (let k = 5 + Math.floor(random() * 200); k > 0; k--)
      doc += PIECES[Math.floor(random() * PIECES.length)] + (random() < 0.3 ? " " : "");
    return doc;
  });
  const refs = { usernames: new Set(["bob"]), categories: new Set(["general"]) };

  test("400 random documents", () => {
    textCutTuning.cutSpacing = Number.MAX_SAFE_INTEGER;
    const uncut = docs.map((doc) => renderMarkdown(doc, refs));
    textCutTuning.cutSpacing = 1;
    const mismatches = docs.filter((doc, i) => renderMarkdown(doc, refs) !== uncut[i]);
    expect(mismatches).toEqual([]);
  });
});
