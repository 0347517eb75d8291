import { describe, expect, test } from "vitest";
import {
  RENDER_VERSION,
  referenceCandidates,
  renderMarkdown,
  renderMarkdownWithAnalysis,
} from "../../app/markdown/index.server";
import { renderPlainExcerpt } from "../../app/markdown/excerpt.server";

const refs = {
  usernames: new Set(["bob", "alice_1"]),
  categories: new Set(["general", "dev-talk"]),
};
const REL = 'rel="nofollow ugc noopener"';

describe("renderMarkdown", () => {
  test("the render version is a positive integer", () => {
    expect(RENDER_VERSION).toBeGreaterThanOrEqual(1);
  });

  test("headings are shifted down one level, so a post never has an h1", () => {
    expect(renderMarkdown("# Title")).toBe("<h2>Title</h2>");
    expect(renderMarkdown("## Sub")).toBe("<h3>Sub</h3>");
    expect(renderMarkdown("##### Five\n\n###### Six")).toBe("<h6>Five</h6>\n<h6>Six</h6>");
    expect(renderMarkdown("<h1>Raw</h1>")).toBe("<h2>Raw</h2>");
    expect(renderMarkdown("Title\n=====")).toBe("<h2>Title</h2>");
  });

  test("paragraphs, single line breaks, emphasis, strikethrough and lists", () => {
    expect(renderMarkdown("one\ntwo")).toBe("<p>one<br />two</p>");
    expect(renderMarkdown("**b** *i* ~~d~~")).toBe("<p><strong>b</strong> <em>i</em> <del>d</del></p>");
    expect(renderMarkdown("- a\n- b")).toBe("<ul>\n<li>a</li>\n<li>b</li>\n</ul>");
    expect(renderMarkdown("3. c\n4. d")).toBe('<ol start="3">\n<li>c</li>\n<li>d</li>\n</ol>');
    expect(renderMarkdown("> said")).toBe("<blockquote>\n<p>said</p>\n</blockquote>");
    expect(renderMarkdown("---")).toBe("<hr />");
    expect(renderMarkdown("x<sup>2</sup> H<sub>2</sub>O")).toBe("<p>x<sup>2</sup> H<sub>2</sub>O</p>");
  });

  test("task lists show a ballot box instead of a form input", () => {
    const html = renderMarkdown("- [x] done\n- [ ] todo");
    expect(html).toContain("<li>☑ done</li>");
    expect(html).toContain("<li>☐ todo</li>");
    expect(html).not.toContain("<input");
  });

  test("code blocks keep their language class and escape their content", () => {
    expect(renderMarkdown("```ts\nconst a = 1 < 2\n```")).toBe(
      '<pre><code class="language-ts">const a = 1 &lt; 2\n</code></pre>',
    );
    expect(renderMarkdown("```c++\nx\n```")).toContain('<code class="language-c++">');
    expect(renderMarkdown("```\nplain\n```")).toBe("<pre><code>plain\n</code></pre>");
    expect(renderMarkdown('```js" onclick="x\nx\n```')).toBe("<pre><code>x\n</code></pre>");
    expect(renderMarkdown("`<b>`")).toBe("<p><code>&lt;b&gt;</code></p>");
  });

  test("tables keep column alignment as align attributes", () => {
    const html = renderMarkdown("| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |");
    expect(html).toContain("<table>");
    expect(html).toContain('<th align="left">a</th>');
    expect(html).toContain('<th align="center">b</th>');
    expect(html).toContain('<td align="right">3</td>');
    expect(renderMarkdown('<table><tr><td align="justify" style="color:red">x</td></tr></table>')).toBe(
      "<table><tr><td>x</td></tr></table>",
    );
  });

  test("images by URL or from our uploads load lazily; anything else becomes its alt text", () => {
    expect(renderMarkdown("![cat](https://example.com/cat.png)")).toBe(
      '<p><img src="https://example.com/cat.png" alt="cat" loading="lazy" decoding="async" /></p>',
    );
    expect(renderMarkdown('![cat](/uploads/2026/11/cat.webp "A cat")')).toBe(
      '<p><img src="/uploads/2026/11/cat.webp" alt="cat" loading="lazy" decoding="async" title="A cat" /></p>',
    );
    expect(renderMarkdown("![cat](/uploads/../admin)")).toBe("<p><span>cat</span></p>");
    expect(renderMarkdown("![cat](/avatars/cat.png)")).toBe("<p><span>cat</span></p>");
    expect(renderMarkdown("![cat](//example.com/cat.png)")).toBe("<p><span>cat</span></p>");
    expect(
      renderMarkdown('<img src="https://example.com/a.png" width="9000" srcset="b.png 2x" class="x" id="y">'),
    ).toBe('<img src="https://example.com/a.png" alt="" loading="lazy" decoding="async" />');
  });

  test("links get nofollow ugc noopener and no target", () => {
    expect(renderMarkdown("[site](https://example.com)")).toBe(`<p><a href="https://example.com" ${REL}>site</a></p>`);
    expect(renderMarkdown("https://example.com/x")).toBe(
      `<p><a href="https://example.com/x" ${REL}>https://example.com/x</a></p>`,
    );
    expect(renderMarkdown('<a href="https://example.com" target="_blank" rel="opener">x</a>')).toBe(
      `<p><a href="https://example.com" ${REL}>x</a></p>`,
    );
    expect(renderMarkdown('[t](https://example.com "Title")')).toBe(
      `<p><a href="https://example.com" ${REL} title="Title">t</a></p>`,
    );
  });

  test("mailto and site-relative links are allowed; other schemes and protocol-relative links are not", () => {
    expect(renderMarkdown("[mail](mailto:ada@example.com)")).toBe(
      `<p><a href="mailto:ada@example.com" ${REL}>mail</a></p>`,
    );
    expect(renderMarkdown("ada@example.com")).toBe(
      `<p><a href="mailto:ada@example.com" ${REL}>ada@example.com</a></p>`,
    );
    expect(renderMarkdown("[topic](/t/welcome/42)")).toBe(`<p><a href="/t/welcome/42" ${REL}>topic</a></p>`);
    expect(renderMarkdown("[x](ftp://example.com/f)")).toBe("<p><span>x</span></p>");
    expect(renderMarkdown("[x](tel:123)")).toBe("<p><span>x</span></p>");
    expect(renderMarkdown("[x](//evil.example)")).toBe("<p><span>x</span></p>");
    expect(renderMarkdown("[x](relative/path)")).toBe("<p><span>x</span></p>");
  });

  test("no ids, styles or classes outside the allowlist survive", () => {
    expect(renderMarkdown('<p id="x" class="big" style="color:red">hi</p>')).toBe("<p>hi</p>");
    expect(renderMarkdown('<span class="mention" data-x="1">s</span>')).toBe("<p><span>s</span></p>");
    expect(renderMarkdown("<b>bold</b> <i>it</i>")).toBe("<p><strong>bold</strong> <em>it</em></p>");
  });

  test("raw HTML cannot pass itself off as a mention, a hashtag or a quote", () => {
    expect(renderMarkdown('<a class="mention" href="/u/admin">@admin</a>', refs)).toBe(
      `<p><a href="/u/admin" ${REL}>@admin</a></p>`,
    );
    expect(renderMarkdown('<a class="hashtag mention" href="/c/staff">#staff</a>', refs)).toBe(
      `<p><a href="/c/staff" ${REL}>#staff</a></p>`,
    );
    expect(renderMarkdown('<aside class="quote"><div class="quote-author">admin wrote:</div>fake</aside>')).toBe(
      "<aside><div>admin wrote:</div>fake</aside>",
    );
  });

  test("@mentions link only to users that exist, whatever the case", () => {
    expect(renderMarkdown("hi @bob", refs)).toBe(`<p>hi <a href="/u/bob" ${REL} class="mention">@bob</a></p>`);
    expect(renderMarkdown("hi @Alice_1!", refs)).toBe(
      `<p>hi <a href="/u/alice_1" ${REL} class="mention">@Alice_1</a>!</p>`,
    );
    expect(renderMarkdown("hi @carol", refs)).toBe("<p>hi @carol</p>");
    expect(renderMarkdown("hi @bob")).toBe("<p>hi @bob</p>");
    expect(renderMarkdown("(@bob)", refs)).toContain('class="mention"');
    expect(renderMarkdown("**@bob**", refs)).toContain('class="mention"');
  });

  test("@mentions are left alone in code, links, emails and URLs", () => {
    expect(renderMarkdown("`@bob`", refs)).toBe("<p><code>@bob</code></p>");
    expect(renderMarkdown("```\n@bob\n```", refs)).toBe("<pre><code>@bob\n</code></pre>");
    expect(renderMarkdown("    @bob", refs)).toBe("<pre><code>@bob\n</code></pre>");
    expect(renderMarkdown("[@bob](/somewhere)", refs)).toBe(`<p><a href="/somewhere" ${REL}>@bob</a></p>`);
    expect(renderMarkdown("bob@example.com", refs)).not.toContain('class="mention"');
    expect(renderMarkdown("x@bob and @@bob", refs)).toBe("<p>x@bob and @@bob</p>");
    expect(renderMarkdown("https://example.com/@bob", refs)).not.toContain('class="mention"');
    expect(renderMarkdown("![@bob](/uploads/a.png)", refs)).toContain('alt="@bob"');
    expect(renderMarkdown("@bo", refs)).toBe("<p>@bo</p>");
  });

  test("#category links only to categories the author may see", () => {
    expect(renderMarkdown("see #general and #dev-talk.", refs)).toBe(
      `<p>see <a href="/c/general" ${REL} class="hashtag">#general</a> and ` +
        `<a href="/c/dev-talk" ${REL} class="hashtag">#dev-talk</a>.</p>`,
    );
    expect(renderMarkdown("#staff-only", refs)).toBe("<p>#staff-only</p>");
    expect(renderMarkdown("`#general` C#general &#35;general", refs)).not.toContain('class="hashtag"');
    expect(renderMarkdown("[#general](/x)", refs)).toBe(`<p><a href="/x" ${REL}>#general</a></p>`);
    expect(renderMarkdown("# general", refs)).toBe("<h2>general</h2>");
  });

  test("a quote with a valid header links to the quoted post", () => {
    const html = renderMarkdown(
      '[quote="alice_1, post:3, topic:42"]\nquoted **text** by @bob\n[/quote]\n\nmy reply',
      refs,
    );
    expect(html).toBe(
      `<aside class="quote"><div class="quote-author"><a href="/t/-/42/3" ${REL}>alice_1 wrote:</a></div>` +
        `<blockquote><p>quoted <strong>text</strong> by <a href="/u/bob" ${REL} class="mention">@bob</a></p>\n` +
        "</blockquote></aside>\n" +
        "<p>my reply</p>",
    );
  });

  test("a quote may name only its author, may be nested and may interrupt a paragraph", () => {
    expect(renderMarkdown('[quote="bob"]\nhi\n[/quote]')).toBe(
      '<aside class="quote"><div class="quote-author">bob wrote:</div><blockquote><p>hi</p>\n</blockquote></aside>',
    );
    const nested = renderMarkdown(
      'before\n[quote="a, post:2, topic:1"]\nouter\n[quote="b, post:1, topic:1"]\ninner\n[/quote]\n[/quote]\nafter',
    );
    expect(nested.match(/<aside class="quote">/g)).toHaveLength(2);
    expect(nested).toMatch(/^<p>before<\/p>/);
    expect(nested).toMatch(/<p>after<\/p>$/);
    expect(nested).toContain("inner");
  });

  test("a quote with an invalid header or no closing tag stays plain text", () => {
    for (const header of [
      "bad name, post:1, topic:2",
      "bob, post:x, topic:2",
      "bob, post:1",
      "bob, topic:2",
      "bob, post:1, topic:2, full:true",
      "bob, post:1, post:2, topic:3",
      "b<o>b, post:1, topic:2",
      "",
    ]) {
      const html = renderMarkdown(`[quote="${header}"]\nhi\n[/quote]`);
      expect(html, header).not.toContain("<aside");
      expect(html, header).toContain("[/quote]");
    }
    expect(renderMarkdown('[quote="bob, post:1, topic:2"]\nnever closed')).not.toContain("<aside");
  });
});

const analysisOf = (markdown: string) => renderMarkdownWithAnalysis(markdown).analysis;

describe("analysis (from the same parse as the HTML)", () => {
  const post = [
    "Thanks @Bob and @carol, also @bob again.",
    "`@inline_code` and see #general, #dev-talk",
    "```\n@in_block #in-block\n```",
    "[link @linked](https://example.com) <https://example.com/@urlname>",
    '[quote="dave, post:1, topic:2"]\n@quoted_user #quoted-cat [q](https://q.example) ' +
      "![q](https://q.example/q.png)\n[/quote]",
    "![pic](/uploads/a.png) <img src=https://example.com/b.png> <a href=https://example.com>raw</a> ada@example.com",
  ].join("\n\n");

  test("mentions lists each mentioned username once, lower-cased, ignoring code, links and quotes", () => {
    expect(analysisOf(post).mentions).toEqual(["bob", "carol"]);
    expect(analysisOf("no mentions here").mentions).toEqual([]);
  });

  test("categories lists each #slug once, ignoring code, links and quotes", () => {
    expect(analysisOf(post).categories).toEqual(["general", "dev-talk"]);
  });

  test("links and images count markdown, autolinked and raw HTML ones, but not quoted ones", () => {
    expect(analysisOf(post)).toMatchObject({ links: 4, images: 2 });
    expect(analysisOf("plain")).toEqual({ mentions: [], categories: [], links: 0, images: 0 });
  });

  test("candidates found by the cheap scan link only where the post itself mentions them, outside quotes", () => {
    const text = 'hi @Bob #general\n\n[quote="dave, post:1, topic:2"]\n@alice_1 #dev-talk\n[/quote]';
    const candidates = referenceCandidates(text);
    expect(candidates).toEqual({ usernames: ["bob", "alice_1"], slugs: ["general", "dev-talk"] });
    const { html } = renderMarkdownWithAnalysis(text, refs);
    expect(html).toContain('<a href="/u/bob"');
    expect(html).toContain('<a href="/c/general"');
    expect(html).not.toContain("/u/alice_1");
    expect(html).not.toContain("/c/dev-talk");
  });
});

describe("renderPlainExcerpt", () => {
  test("strips tags, decodes entities and collapses whitespace between blocks", () => {
    const html = renderMarkdown("# Title\n\nHello **world** & <friends>\n\n- one\n- two", refs);
    expect(renderPlainExcerpt(html)).toBe("Title Hello world & one two");
  });

  test("leaves quoted posts out", () => {
    const html = renderMarkdown('[quote="bob, post:1, topic:2"]\nsomeone else\n[/quote]\n\nmy own words');
    expect(renderPlainExcerpt(html)).toBe("my own words");
  });

  test("cuts on a word boundary with an ellipsis, within the limit", () => {
    const html = renderMarkdown("The quick brown fox jumps over the lazy dog again and again.");
    const excerpt = renderPlainExcerpt(html, 30);
    expect(excerpt).toBe("The quick brown fox jumps…");
    expect(excerpt.length).toBeLessThanOrEqual(30);
    expect(renderPlainExcerpt(html, 200)).toBe("The quick brown fox jumps over the lazy dog again and again.");
  });

  test("a single long word is cut hard", () => {
    expect(renderPlainExcerpt(`<p>${"a".repeat(50)}</p>`, 10)).toBe(`${"a".repeat(9)}…`);
  });
});
