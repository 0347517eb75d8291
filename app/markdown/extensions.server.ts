// Our own marked extensions: @mentions, #category links, `[quote="..."]` blocks, and a cut that keeps
// marked's text rule cheap. Their scans are bounded, see ./lexer.server.ts.
import type { Token, TokenizerThis, Tokens, TokenizerAndRendererExtension } from "marked";
import { escapeHtml } from "../html";
import { type BoundedLexer } from "./lexer.server";
import { TRUST_ATTR } from "./sanitize.server";

const USERNAME_IN_MENTION = /^@([a-zA-Z0-9_]{3,30})\b/;
const SLUG_IN_HASHTAG = /^#([a-z0-9][a-z0-9-]{1,49})(?![\w-])/;
// What may stand right before `@name` / `#slug` (so emails, URLs and entities are left alone).
const MENTION_MAY_FOLLOW = /^[^\w@/]?$/;
const HASHTAG_MAY_FOLLOW = /^[^\w@/#&]?$/;
const QUOTE_HEADER_LINE = /^\[quote="([^"\n]*)"\][ \t]*(?:\n|$)/;

export type MentionToken = Tokens.Generic & { type: "mention"; name: string; href?: string; trust?: string };
export type HashtagToken = Tokens.Generic & {
  type: "hashtag";
  slug: string;
  href?: string;
  trust?: string;
};
export type QuoteToken = Tokens.Generic & {
  type: "quote";
  username: string;
  post?: number;
  topic?: number;
  tokens: Token[];
  trust?: string;
};

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

export const extensions = [quote, mention, hashtag, textCuts];
