// The one markdown pipeline: marked (GFM, breaks) -> sanitize-html with an explicit allowlist.
// Posts keep `raw` and store the output of renderMarkdown as `cooked`; bump RENDER_VERSION whenever
// the output for the same input changes, so the re-render script knows which posts are stale.
//
// Output rules the rest of the app can rely on:
// - headings are shifted down one level (`#` -> h2 ... `#####` and `######` -> h6); the page owns h1;
// - links: http(s), mailto and site-relative paths (`/...`) only, every <a> gets
//   rel="nofollow ugc noopener", never a target; an <a> whose href is refused becomes a <span>;
// - images: http(s) or /uploads/... only, with loading="lazy" decoding="async"; a refused image
//   becomes its alt text; our own uploads (refs.images) also get their width and height;
// - classes only from our own renderers (mention, hashtag, quote, quote-author) plus language-* on
//   code; no id, no style, no data-* attributes;
// - task-list checkboxes render as ☑ / ☐ text (inputs are never allowed).
//
// Bounded: nesting is capped (deeper markup stays text) and our extensions' scans are linear, see
// ./markdown/lexer.server.ts; members' text is rendered off the request thread with a deadline, see
// ./markdown/pool.server.ts. The allowlist is ./sanitize.server.ts, our token kinds ./extensions.server.ts,
// plain-text excerpts ./excerpt.server.ts.
import { randomBytes } from "node:crypto";
import { Marked, type Token, type Tokens } from "marked";
import { extensions, type HashtagToken, type MentionToken, type QuoteToken } from "./extensions.server";
import { BoundedLexer } from "./lexer.server";
import { escapeHtml } from "../html";
import { sanitizeRendered, TRUST_ATTR } from "./sanitize.server";

// 2: #category links carry no title (it held the category's English name; cooked HTML has no words
// that depend on the reader's language)
export const RENDER_VERSION = 2;

export type MarkdownRefs = {
  /** lower-cased usernames that exist */
  usernames?: ReadonlySet<string>;
  /** slugs of the categories the author may see */
  categories?: ReadonlySet<string>;
  /** our uploads' sizes by address (`/uploads/posts/...`), so their <img> reserve their space */
  images?: ReadonlyMap<string, { width: number; height: number }>;
};

type ImageToken = Tokens.Image & { width?: number; height?: number; trust?: string };

const md = new Marked({ gfm: true, breaks: true, async: false });
md.use({
  extensions,
  renderer: {
    heading({ tokens, depth }) {
      const level = Math.min(depth + 1, 6);
      return `<h${level}>${this.parser.parseInline(tokens)}</h${level}>\n`;
    },
    checkbox({ checked }) {
      return checked ? "☑ " : "☐ ";
    },
    image(token) {
      const t = token as ImageToken;
      if (t.width === undefined || t.height === undefined) return false; // marked's own
      const title = t.title ? ` title="${escapeHtml(t.title)}"` : "";
      const size = `width="${t.width}" height="${t.height}" ${TRUST_ATTR}="${t.trust}"`;
      const alt = t.tokens ? this.parser.parseInline(t.tokens, this.parser.textRenderer) : t.text;
      return `<img src="${escapeHtml(t.href)}" alt="${escapeHtml(alt)}"${title} ${size}>`;
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
      case "image": {
        const size = refs.images?.get((token as ImageToken).href);
        if (size) Object.assign(token, { width: size.width, height: size.height, trust });
        // Alt text is plain text: mentions inside stay as written.
        resolveRefs(childTokens(token), refs, trust, true);
        return false;
      }
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

function lex(markdown: string): Token[] {
  return new BoundedLexer(md.defaults).lex(markdown);
}

function toHtml(tokens: Token[], refs: MarkdownRefs): string {
  // A fresh secret per render: only elements our own renderers produced may keep their classes,
  // so raw HTML cannot pass itself off as a mention or a quote.
  const trust = randomBytes(12).toString("hex");
  resolveRefs(tokens, refs, trust);
  const html = md.parser(tokens);
  return sanitizeRendered(html, trust);
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
    images: candidates.images,
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
