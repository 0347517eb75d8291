// The one markdown pipeline: marked (GFM, breaks) -> sanitize-html with an explicit allowlist.
// Posts keep `raw` and store the output of renderMarkdown as `cooked`; bump RENDER_VERSION whenever
// the output for the same input changes, so the re-render script knows which posts are stale.
//
// Output rules the rest of the app can rely on:
// - headings are shifted down one level (`#` -> h2 ... `#####` and `######` -> h6); the page owns h1;
// - links: http(s), mailto and site-relative paths (`/...`) only, every <a> gets
//   rel="nofollow ugc noopener", never a target; an <a> whose href is refused becomes a <span>;
// - images: http(s) or /uploads/... only, with loading="lazy" decoding="async"; a refused image
//   becomes its alt text;
// - classes only from our own renderers (mention, hashtag, quote, quote-author) plus language-* on
//   code; no id, no style, no data-* attributes;
// - task-list checkboxes render as ☑ / ☐ text (inputs are never allowed).
//
// Bounded: nesting is capped (deeper markup stays text) and our extensions' scans are linear, see
// ./markdown/lexer.server.ts; members' text is rendered off the request thread with a deadline, see
// ./markdown/pool.server.ts.
import { randomBytes } from "node:crypto";
import { Marked, type Token, type TokenizerThis, type Tokens, type TokenizerAndRendererExtension } from "marked";
import sanitizeHtml from "sanitize-html";
import { BoundedLexer } from "./lexer.server";

// 2: #category links carry no title (it held the category's English name; cooked HTML has no words
// that depend on the reader's language)
export const RENDER_VERSION = 2;

export type MarkdownRefs = {
  /** lower-cased usernames that exist */
  usernames?: ReadonlySet<string>;
  /** slugs of the categories the author may see */
  categories?: ReadonlySet<string>;
};

const USERNAME_IN_MENTION = /^@([a-zA-Z0-9_]{3,30})\b/;
const SLUG_IN_HASHTAG = /^#([a-z0-9][a-z0-9-]{1,49})(?![\w-])/;
// What may stand right before `@name` / `#slug` (so emails, URLs and entities are left alone).
const MENTION_MAY_FOLLOW = /^[^\w@/]?$/;
const HASHTAG_MAY_FOLLOW = /^[^\w@/#&]?$/;
const QUOTE_HEADER_LINE = /^\[quote="([^"\n]*)"\][ \t]*(?:\n|$)/;
const TRUST_ATTR = "data-tp-trust";

type MentionToken = Tokens.Generic & { type: "mention"; name: string; href?: string; trust?: string };
type HashtagToken = Tokens.Generic & { type: "hashtag"; slug: string; href?: string; trust?: string };
type QuoteToken = Tokens.Generic & {
  type: "quote";
  username: string;
  post?: number;
  topic?: number;
  tokens: Token[];
  trust?: string;
};

function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function bounded(self: TokenizerThis): BoundedLexer {
  return self.lexer as BoundedLexer;
}

function lastChar(tokens: Token[]): string {
  const last = tokens[tokens.length - 1];
  return last ? last.raw.slice(-1) : "";
}

const mention: TokenizerAndRendererExtension = {
  name: "mention",
  level: "inline",
  // the next `@abc` not preceded by [\w@/]
  start(this: TokenizerThis, src) {
    return bounded(this).nextInline(src, "mentions", /^@\w{3}/);
  },
  tokenizer(src, tokens) {
    // Runs at every inline position: bail out cheaply.
    if (src.charCodeAt(0) !== 64 /* @ */ || this.lexer.state.inLink) return undefined;
    const m = USERNAME_IN_MENTION.exec(src);
    if (!m || !MENTION_MAY_FOLLOW.test(lastChar(tokens))) return undefined;
    const token: MentionToken = { type: "mention", raw: m[0], name: m[1] };
    return token;
  },
  renderer(token) {
    const t = token as MentionToken;
    if (!t.href) return t.raw; // [A-Za-z0-9_@] only: nothing to escape
    return `<a class="mention" href="${escapeHtml(t.href)}" ${TRUST_ATTR}="${t.trust}">@${escapeHtml(t.name)}</a>`;
  },
};

const hashtag: TokenizerAndRendererExtension = {
  name: "hashtag",
  level: "inline",
  // the next `#ab` not preceded by [\w@/#&]
  start(this: TokenizerThis, src) {
    return bounded(this).nextInline(src, "hashtags", /^#[a-z0-9][a-z0-9-]/);
  },
  tokenizer(src, tokens) {
    if (src.charCodeAt(0) !== 35 /* # */ || this.lexer.state.inLink) return undefined;
    const m = SLUG_IN_HASHTAG.exec(src);
    if (!m || !HASHTAG_MAY_FOLLOW.test(lastChar(tokens))) return undefined;
    const token: HashtagToken = { type: "hashtag", raw: m[0], slug: m[1] };
    return token;
  },
  renderer(token) {
    const t = token as HashtagToken;
    if (!t.href) return t.raw; // [a-z0-9#-] only: nothing to escape
    // no title: the category's name is in one language, and cooked HTML is shared by every reader
    const trust = `${TRUST_ATTR}="${t.trust}"`;
    return `<a class="hashtag" href="${escapeHtml(t.href)}" ${trust}>#${escapeHtml(t.slug)}</a>`;
  },
};

/** `username, post:3, topic:42` or just `username`; anything else is not a quote header. */
function parseQuoteHeader(header: string): { username: string; post?: number; topic?: number } | undefined {
  const [first, ...rest] = header.split(",").map((part) => part.trim());
  if (!first || !/^[A-Za-z0-9_]{1,30}$/.test(first)) return undefined;
  const values: { post?: number; topic?: number } = {};
  for (const part of rest) {
    const m = /^(post|topic):(\d{1,12})$/.exec(part);
    if (!m) return undefined;
    const key = m[1] as "post" | "topic";
    if (values[key] !== undefined) return undefined;
    values[key] = Number(m[2]);
  }
  if ((values.post === undefined) !== (values.topic === undefined)) return undefined;
  return { username: first, ...values };
}

const quote: TokenizerAndRendererExtension = {
  name: "quote",
  level: "block",
  // Called before every paragraph, to find a quote that interrupts it: a `[quote="` at a line start
  // before the next blank line.
  start(this: TokenizerThis, src) {
    return bounded(this).nextQuoteStart(src);
  },
  tokenizer(src) {
    if (!src.startsWith('[quote="')) return undefined;
    const head = QUOTE_HEADER_LINE.exec(src);
    if (!head) return undefined;
    const header = parseQuoteHeader(head[1]);
    if (!header) return undefined;
    // The matching [/quote] on its own line, counting nested quotes.
    const bounds = bounded(this).quoteBody(src, head[0].length);
    if (!bounds) return undefined;
    const body = src.slice(head[0].length, bounds.bodyEnd);
    const tokens = this.lexer.blockTokens(body, []);
    const token: QuoteToken = { type: "quote", raw: src.slice(0, bounds.rawEnd), ...header, tokens };
    return token;
  },
  renderer(token) {
    const t = token as QuoteToken;
    const trust = `${TRUST_ATTR}="${t.trust}"`;
    const who = `${escapeHtml(t.username)} wrote:`;
    const author =
      t.topic !== undefined && t.post !== undefined ? `<a href="/t/-/${t.topic}/${t.post}">${who}</a>` : who;
    const body = this.parser.parse(t.tokens);
    const head = `<div class="quote-author" ${trust}>${author}</div>`;
    return `<aside class="quote" ${trust}>${head}<blockquote>${body}</blockquote></aside>\n`;
  },
};

// No token of its own: its `start` ends a text token where marked's text rule would give the same
// tokens anyway, which keeps that rule's look-aheads short (see BoundedLexer).
const textCuts: TokenizerAndRendererExtension = {
  name: "textCuts",
  level: "inline",
  start(this: TokenizerThis, src) {
    return bounded(this).nextInline(src, "cuts");
  },
  tokenizer: () => undefined,
};

const md = new Marked({ gfm: true, breaks: true, async: false });
md.use({
  extensions: [quote, mention, hashtag, textCuts],
  renderer: {
    heading({ tokens, depth }) {
      const level = Math.min(depth + 1, 6);
      return `<h${level}>${this.parser.parseInline(tokens)}</h${level}>\n`;
    },
    checkbox({ checked }) {
      return checked ? "☑ " : "☐ ";
    },
  },
  // Cheap checks before two of marked's rules that scan far ahead from every position they are tried
  // at; `false` lets marked's own rule decide, `undefined` means it could not have matched.
  tokenizer: {
    url(src) {
      return (this.lexer as BoundedLexer).urlMayMatch(src) ? false : undefined;
    },
    lheading(src) {
      return (this.lexer as BoundedLexer).setextMayMatch(src) ? false : undefined;
    },
  },
});

function childTokens(token: Token): Token[] {
  if (token.type === "table") {
    const table = token as Tokens.Table;
    return [...table.header, ...table.rows.flat()].flatMap((cell) => cell.tokens);
  }
  if (token.type === "list") return (token as Tokens.List).items;
  return (token as Tokens.Generic).tokens ?? [];
}

/** Visits every token; `visit` returns false to skip a token's children. */
function walk(tokens: Token[], visit: (token: Token) => boolean | void): void {
  for (const token of tokens) {
    if (visit(token) === false) continue;
    walk(childTokens(token), visit);
  }
}

function resolveRefs(tokens: Token[], refs: MarkdownRefs, trust: string, inImage = false): void {
  walk(tokens, (token) => {
    switch (token.type) {
      case "image":
        // Alt text is plain text: mentions inside stay as written.
        resolveRefs(childTokens(token), refs, trust, true);
        return false;
      case "mention": {
        const t = token as MentionToken;
        const name = t.name.toLowerCase();
        if (!inImage && refs.usernames?.has(name)) Object.assign(t, { href: `/u/${name}`, trust });
        return;
      }
      case "hashtag": {
        const t = token as HashtagToken;
        if (!inImage && refs.categories?.has(t.slug)) Object.assign(t, { href: `/c/${t.slug}`, trust });
        return;
      }
      case "quote":
        (token as QuoteToken).trust = trust;
        return;
      case "code": {
        // Keep language classes boring: `language-ts`, `language-c++`, never markup.
        const t = token as Tokens.Code;
        const lang = (t.lang ?? "").match(/^\S*/)?.[0] ?? "";
        t.lang = /^[A-Za-z0-9_+#.-]{1,32}$/.test(lang) ? lang : "";
        return;
      }
    }
  });
}

const ASCII_CONTROL = /[\u0000-\u001f\u007f]/;

/** http(s), mailto, or a site path (`/x` but not `//x` or `/\x`, which browsers treat as another host). */
function safeHref(value: string | undefined): string | undefined {
  const v = value?.trim();
  if (!v || ASCII_CONTROL.test(v)) return undefined;
  if (/^https?:\/\/[^/\\\s]/i.test(v) || /^mailto:[^\s]/i.test(v) || /^\/(?![/\\])/.test(v)) return v;
  return undefined;
}

function safeImageSrc(value: string | undefined): string | undefined {
  const v = value?.trim();
  if (!v || ASCII_CONTROL.test(v)) return undefined;
  if (/^https?:\/\/[^/\\\s]/i.test(v)) return v;
  if (
    /^\/uploads\/[A-Za-z0-9_%-][A-Za-z0-9._%-]*(?:\/[A-Za-z0-9_%-][A-Za-z0-9._%-]*)*$/.test(v) &&
    !/\.\.|%2e%2e/i.test(v)
  )
    return v;
  return undefined;
}

const ALLOWED_TAGS = [
  "p",
  "br",
  "hr",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "strong",
  "em",
  "del",
  "s",
  "code",
  "pre",
  "blockquote",
  "ul",
  "ol",
  "li",
  "a",
  "img",
  "table",
  "thead",
  "tbody",
  "tr",
  "th",
  "td",
  "sup",
  "sub",
  "aside",
  "span",
  "div",
];

// Disallowed elements whose whole content is dropped, not just the tag.
const DROP_WITH_CONTENT = [
  "script",
  "style",
  "textarea",
  "option",
  "select",
  "xmp",
  "noscript",
  "noembed",
  "noframes",
  "plaintext",
  "template",
  "iframe",
  "frame",
  "frameset",
  "object",
  "embed",
  "applet",
  "svg",
  "math",
  "title",
  "head",
  "canvas",
  "audio",
  "video",
  "picture",
  "map",
];

type Attribs = sanitizeHtml.Attributes;
type Transformer = sanitizeHtml.Transformer;

function sanitizeOptions(trust: string): sanitizeHtml.IOptions {
  const trusted = (attribs: Attribs) => attribs[TRUST_ATTR] === trust;
  const rename =
    (tagName: string): Transformer =>
    (_, attribs) => ({ tagName, attribs });
  const ownClass =
    (tagName: string): Transformer =>
    (_, attribs) => {
      const out: Attribs = {};
      if (trusted(attribs) && attribs.class) out.class = attribs.class;
      return { tagName, attribs: out };
    };
  const cellAlign =
    (tagName: string): Transformer =>
    (_, attribs) => {
      const out: Attribs = {};
      if (["left", "center", "right"].includes(attribs.align)) out.align = attribs.align;
      return { tagName, attribs: out };
    };
  return {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: {
      a: ["href", "title", "rel", "class"],
      img: ["src", "alt", "title", "loading", "decoding"],
      th: ["align"],
      td: ["align"],
      ol: ["start"],
      code: ["class"],
      aside: ["class"],
      div: ["class"],
    },
    allowedClasses: {
      a: ["mention", "hashtag"],
      aside: ["quote"],
      div: ["quote-author"],
      code: ["language-*"],
    },
    allowedSchemes: ["http", "https", "mailto"],
    allowedSchemesByTag: { img: ["http", "https"] },
    allowProtocolRelative: false,
    disallowedTagsMode: "discard",
    nonTextTags: DROP_WITH_CONTENT,
    // A refused image without alt text would leave an empty <span>: drop it.
    exclusiveFilter: (frame) =>
      frame.tag === "img" && !frame.attribs.src && !(frame as { innerText?: string }).innerText,
    transformTags: {
      h1: rename("h2"),
      b: rename("strong"),
      i: rename("em"),
      strike: rename("del"),
      a: (_, attribs) => {
        const href = safeHref(attribs.href);
        if (!href) return { tagName: "span", attribs: {} };
        const out: Attribs = { href, rel: "nofollow ugc noopener" };
        if (attribs.title) out.title = attribs.title;
        if (trusted(attribs) && attribs.class) out.class = attribs.class;
        return { tagName: "a", attribs: out };
      },
      img: (_, attribs) => {
        const src = safeImageSrc(attribs.src);
        // Keep the alt text readable. (Not an unknown tag name: sanitize-html would then emit a stray
        // closing tag for the next element at the same depth.)
        if (!src) return { tagName: "span", attribs: {}, text: attribs.alt ?? "" };
        const out: Attribs = { src, alt: attribs.alt ?? "", loading: "lazy", decoding: "async" };
        if (attribs.title) out.title = attribs.title;
        return { tagName: "img", attribs: out };
      },
      ol: (_, attribs) => {
        const out: Attribs = {};
        if (/^\d{1,9}$/.test(attribs.start ?? "")) out.start = attribs.start;
        return { tagName: "ol", attribs: out };
      },
      th: cellAlign("th"),
      td: cellAlign("td"),
      aside: ownClass("aside"),
      div: ownClass("div"),
    },
  };
}

function lex(markdown: string): Token[] {
  return new BoundedLexer(md.defaults).lex(markdown);
}

function toHtml(tokens: Token[], refs: MarkdownRefs): string {
  // A fresh secret per render: only elements our own renderers produced may keep their classes,
  // so raw HTML cannot pass itself off as a mention or a quote.
  const trust = randomBytes(12).toString("hex");
  resolveRefs(tokens, refs, trust);
  const html = md.parser(tokens);
  return sanitizeHtml(html, sanitizeOptions(trust)).trim();
}

export function renderMarkdown(markdown: string, refs: MarkdownRefs = {}): string {
  return toHtml(lex(markdown), refs);
}

/** What the posting limits and notifications need from a post, quotes excluded. */
export type MarkdownAnalysis = {
  /** unique lower-cased usernames mentioned outside code, links and quotes (they may not exist) */
  mentions: string[];
  /** unique category slugs referenced as #slug outside code, links and quotes (they may not exist) */
  categories: string[];
  /** markdown links, autolinks and raw <a href> */
  links: number;
  images: number;
};

// Quoted text was written by someone else: it neither notifies nor counts against the author.
function analyse(tokens: Token[]): MarkdownAnalysis {
  const mentions = new Set<string>();
  const categories = new Set<string>();
  let links = 0;
  let images = 0;
  walk(tokens, (token) => {
    switch (token.type) {
      case "quote":
        return false;
      case "mention":
        mentions.add((token as MentionToken).name.toLowerCase());
        return;
      case "hashtag":
        categories.add((token as HashtagToken).slug);
        return;
      case "link":
        links++;
        return;
      case "image":
        images++;
        return;
      case "html": {
        const text = (token as Tokens.HTML).text;
        links += text.match(/<a\s[^>]*\bhref\s*=/gi)?.length ?? 0;
        images += text.match(/<img\b/gi)?.length ?? 0;
        return;
      }
    }
  });
  return { mentions: [...mentions], categories: [...categories], links, images };
}

/**
 * A post's HTML and analysis from one parse. `candidates` may hold more than the post uses (what a
 * cheap scan found, see referenceCandidates): only the mentions and #categories the post makes
 * outside quotes link.
 */
export function renderMarkdownWithAnalysis(
  markdown: string,
  candidates: MarkdownRefs = {},
): { html: string; analysis: MarkdownAnalysis } {
  const tokens = lex(markdown);
  const analysis = analyse(tokens);
  const mentioned = new Set(analysis.mentions);
  const referenced = new Set(analysis.categories);
  const refs: MarkdownRefs = {
    usernames: new Set([...(candidates.usernames ?? [])].filter((name) => mentioned.has(name))),
    categories: new Set([...(candidates.categories ?? [])].filter((slug) => referenced.has(slug))),
  };
  return { html: toHtml(tokens, refs), analysis };
}

/**
 * Every `@name` and `#slug` written in the text, in one linear scan: a superset of what the parser
 * will call a mention or a hashtag, so their lookups can happen before the (bounded) render.
 */
export function referenceCandidates(markdown: string): { usernames: string[]; slugs: string[] } {
  const usernames = new Set<string>();
  const slugs = new Set<string>();
  for (const m of markdown.matchAll(/@([A-Za-z0-9_]{3,30})/g)) usernames.add(m[1].toLowerCase());
  for (const m of markdown.matchAll(/#([a-z0-9][a-z0-9-]{1,49})/g)) slugs.add(m[1]);
  return { usernames: [...usernames], slugs: [...slugs] };
}

const BLOCK_BOUNDARY = /<\/?(?:p|div|h[1-6]|li|ul|ol|blockquote|pre|table|tr|td|th|aside|br|hr)\b[^>]*>/gi;

/** Plain text for lists, feeds and emails: no tags, no quoted posts, cut on a word with an ellipsis. */
export function renderPlainExcerpt(html: string, max = 200): string {
  const stripped = sanitizeHtml(html.replace(BLOCK_BOUNDARY, " $&"), {
    allowedTags: ["aside"],
    allowedAttributes: { aside: ["class"] },
    nonTextTags: DROP_WITH_CONTENT,
    exclusiveFilter: (frame) => (/(^|\s)quote(\s|$)/.test(frame.attribs.class ?? "") ? true : "excludeTag"),
  });
  const text = stripped
    .replace(/<\/?aside[^>]*>/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(1, max - 1));
  const space = cut.lastIndexOf(" ");
  if (space > cut.length * 0.6) cut = cut.slice(0, space);
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut.replace(/[\s,.;:!?([{-]+$/, "")}…`;
}
