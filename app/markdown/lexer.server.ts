// marked's Lexer with the bounds the markdown pipeline relies on:
// - nesting: containers (blockquotes, list items, [quote]s) and inline spans (emphasis, links) nest
//   at most MAX_NESTING deep, as in markdown-it; deeper markup is kept as text instead of recursing
//   until the stack overflows (and a line's container markers are capped before marked reads it);
// - linear scans: what our extensions ask for (next mention, next hashtag, next [quote], the
//   [/quote] closing an opener) is computed once per source in one pass, instead of a regex search
//   of the rest of the text at every token;
// - text cuts: long text runs end at points where marked's text rule would give the same tokens, so
//   that rule's look-aheads (`(?= *\n)`, `(?=[email chars]+@)`) scan a bounded window (`_a_a_a...` or
//   30,000 spaces were quadratic); and two rules that scan far from every position (`url`,
//   `lheading`) are skipped where a one-pass table shows they cannot match.
// Every shortcut keeps the output identical: test/unit/markdown-bounds.test.ts compares with and
// without cuts on random text, and 20,000 documents rendered the same as the pipeline before it.
import { Lexer, type MarkedOptions, type Token, type Tokens, type TokensList } from "marked";

export const MAX_NESTING = 100;

/**
 * Text cuts come at most every `cutSpacing` characters: look-aheads stay short without a token
 * boundary at every word. (Tests set 1, a cut at every allowed point, to prove they change nothing.)
 */
export const textCutTuning = { cutSpacing: 32 };

const QUOTE_OPEN_LINE = /^\[quote=[^\n]*\][ \t]*$/;
const QUOTE_CLOSE_LINE = /^\[\/quote\][ \t]*$/;

const isAlnum = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isWord = (c: number) => isAlnum(c) || c === 95; // \w
// marked's email-local-part class: [a-zA-Z0-9.!#$%&'*+/=?_`{|}~-]
const EMAIL_CHARS = new Set([...".!#$%&'*+/=?_`{|}~-"].map((ch) => ch.charCodeAt(0)));
const isEmailChar = (c: number) => isAlnum(c) || EMAIL_CHARS.has(c);
// marked's email autolink: [A-Za-z0-9._+-]+ then `@` and a host
const isLocalPartChar = (c: number) => isAlnum(c) || c === 46 || c === 95 || c === 43 || c === 45;
const EMAIL_DOMAIN = /@[a-zA-Z0-9-_]+(?:\.[a-zA-Z0-9-_]*[a-zA-Z0-9])+(?![\w-])/y;
const URL_PREFIX = /^(?:mailto:|xmpp:|(?:https?|ftp):\/\/|www\.)/i;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;

/** Sorted positions; the first one >= from, or -1. */
function firstAtOrAfter(sorted: Int32Array, count: number, from: number): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < count ? sorted[lo] : -1;
}

class Positions {
  values: Int32Array;
  count = 0;
  constructor(capacity: number) {
    this.values = new Int32Array(Math.max(1, capacity));
  }
  push(p: number) {
    this.values[this.count++] = p;
  }
  first(from: number) {
    return firstAtOrAfter(this.values, this.count, from);
  }
}

/** One pass over an inline source: where mentions, hashtags and neutral text cuts may start. */
class InlineScan {
  /** `@abc` not preceded by [\w@/] (the mention extension's `start` rule) */
  readonly mentions: Positions;
  /** `#ab` not preceded by [\w@/#&] */
  readonly hashtags: Positions;
  readonly cuts: Positions;
  /** for each position: the `@` ending the run of [A-Za-z0-9._+-] that starts there, or -1 */
  private readonly localPartEnd: Int32Array;
  private readonly domainAfter = new Map<number, boolean>();

  constructor(readonly src: string) {
    const n = src.length;
    this.mentions = new Positions(n >> 2);
    this.hashtags = new Positions(n >> 2);
    const spacing = textCutTuning.cutSpacing;
    this.cuts = new Positions(Math.ceil(n / spacing) + 1);
    // Right to left: does the email-character run from i reach an `@`; is the space run from i
    // followed by a newline (then marked's line-break rule needs the whole run in one text token).
    const runReachesAt = new Uint8Array(n + 1);
    const spacesThenNewline = new Uint8Array(n + 1);
    this.localPartEnd = new Int32Array(n + 1).fill(-1);
    for (let i = n - 1; i >= 0; i--) {
      const c = src.charCodeAt(i);
      runReachesAt[i] = isEmailChar(c) ? runReachesAt[i + 1] : c === 64 ? 1 : 0;
      spacesThenNewline[i] = c === 32 ? spacesThenNewline[i + 1] : c === 10 ? 1 : 0;
      this.localPartEnd[i] = isLocalPartChar(c) ? this.localPartEnd[i + 1] : c === 64 ? i : -1;
    }
    let lastCut = 0;
    let inEntity = false; // after `&`, within [\w#]: an entity marked decodes as one piece
    for (let i = 0; i < n; i++) {
      const c = src.charCodeAt(i);
      const before = i > 0 ? src.charCodeAt(i - 1) : -1;
      if (c === 64 && this.wordAt(i + 1, 3) && !(isWord(before) || before === 64 || before === 47))
        this.mentions.push(i);
      if (
        c === 35 &&
        this.slugAt(i + 1) &&
        !(isWord(before) || before === 64 || before === 47 || before === 35 || before === 38)
      ) {
        this.hashtags.push(i);
      }
      // A cut at i ends the current text token there; consecutive text tokens are merged, so it is
      // neutral where marked's text rule stops anyway, or where no look-ahead started before i could
      // succeed past it and no other inline rule can start at i. Never inside `&...` (marked decodes
      // entities per token), nor before `www.` (marked links it only after a space or `*_~(`).
      if (i > 0 && i - lastCut >= spacing && !inEntity) {
        const alnumStart = isAlnum(c) && !isAlnum(before) && !runReachesAt[i] && !/^www\./i.test(src.slice(i, i + 4));
        const insideSpaces = c === 32 && before === 32 && !spacesThenNewline[i];
        // where the text rule stops anyway: `\\ < [`, and `! *` outside a run that reaches an `@`
        const stopChar = c === 92 || c === 60 || c === 91 || ((c === 33 || c === 42) && !runReachesAt[i]);
        if (alnumStart || insideSpaces || stopChar) {
          this.cuts.push(i);
          lastCut = i;
        }
      }
      inEntity = c === 38 || (inEntity && (isWord(c) || c === 35));
    }
  }

  /** Whether marked's email autolink (`name@host.tld`) matches at `position`. */
  emailAt(position: number): boolean {
    if (!isLocalPartChar(this.src.charCodeAt(position))) return false;
    const at = this.localPartEnd[position];
    if (at < 0) return false;
    let ok = this.domainAfter.get(at);
    if (ok === undefined) {
      EMAIL_DOMAIN.lastIndex = at;
      ok = EMAIL_DOMAIN.test(this.src);
      this.domainAfter.set(at, ok);
    }
    return ok;
  }

  private wordAt(from: number, length: number) {
    for (let k = from; k < from + length; k++) if (!isWord(this.src.charCodeAt(k))) return false;
    return true;
  }

  private slugAt(from: number) {
    const a = this.src.charCodeAt(from);
    const b = this.src.charCodeAt(from + 1);
    const slugChar = (c: number) => (c >= 48 && c <= 57) || (c >= 97 && c <= 122);
    return slugChar(a) && (slugChar(b) || b === 45);
  }
}

/** One pass over a block source: lines, [quote] openers at line starts, blank lines, quote matching. */
class BlockScan {
  readonly lineStarts: Int32Array;
  readonly lineCount: number;
  /** nextDrop[k]: the first line index j > k where the open-minus-close balance falls below its value at k */
  private readonly nextDrop: Int32Array;
  readonly quoteStarts: Positions;
  readonly blankLines: Positions;
  /** line indexes: `===` / `---` underlines, and whitespace-only lines followed by another line */
  readonly underlines: Positions;
  readonly emptyLines: Positions;

  constructor(readonly src: string) {
    const n = src.length;
    let lines = 1;
    for (let i = 0; i < n; i++) if (src.charCodeAt(i) === 10) lines++;
    this.lineCount = lines;
    this.lineStarts = new Int32Array(lines + 1);
    this.quoteStarts = new Positions(lines);
    this.blankLines = new Positions(lines);
    this.underlines = new Positions(lines);
    this.emptyLines = new Positions(lines);
    const balance = new Int32Array(lines + 1);
    let line = 0;
    let start = 0;
    for (let i = 0; i <= n; i++) {
      if (i < n && src.charCodeAt(i) !== 10) continue;
      this.lineStarts[line] = start;
      // Regexes only for lines that can match them: nested quotes scan their bodies again.
      let first = start;
      while (first < i && src.charCodeAt(first) === 32) first++;
      const c = first < i ? src.charCodeAt(first) : -1;
      let delta = 0;
      if (first === start && c === 91 /* [ */) {
        const text = src.slice(start, i);
        delta = QUOTE_OPEN_LINE.test(text) ? 1 : QUOTE_CLOSE_LINE.test(text) ? -1 : 0;
        if (text.startsWith('[quote="')) this.quoteStarts.push(start);
      } else if ((c === 61 /* = */ || c === 45) /* - */ && SETEXT_UNDERLINE.test(src.slice(start, i))) {
        this.underlines.push(line);
      } else if (i < n && (c === -1 || !/\S/.test(src.slice(first, i)))) {
        this.emptyLines.push(line);
      }
      balance[line + 1] = balance[line] + delta;
      if (i < n && src.charCodeAt(i + 1) === 10) this.blankLines.push(i);
      line++;
      start = i + 1;
    }
    this.lineStarts[lines] = n + 1;
    // Right to left, remembering the nearest later index of each balance value.
    this.nextDrop = new Int32Array(lines + 1).fill(-1);
    const nearest = new Map<number, number>();
    for (let j = lines; j >= 0; j--) {
      this.nextDrop[j] = nearest.get(balance[j] - 1) ?? -1;
      nearest.set(balance[j], j);
    }
  }

  /** Index of the line starting at `position`, or -1 when `position` is not a line start. */
  lineAt(position: number): number {
    let lo = 0;
    let hi = this.lineCount;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.lineStarts[mid] < position) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.lineCount && this.lineStarts[lo] === position ? lo : -1;
  }

  /**
   * The `[/quote]` line closing the quote whose body starts on `line`, counting nested openers: the
   * first close where the depth, 1 at `line`, reaches 0. Returns that line's index, or -1.
   */
  closingLine(line: number): number {
    const drop = this.nextDrop[line];
    return drop < 0 ? -1 : drop - 1;
  }
}

const CONTAINER_MARKER = / {0,3}(?:(?:[*+-]|\d{1,9}[.)])[ \t]+|>[ \t]?)/y;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const THEMATIC_BREAK = /^ {0,3}(?:(?:-[\t ]*){3,}|(?:_[ \t]*){3,}|(?:\*[ \t]*){3,})$/;

/**
 * A line opens at most MAX_NESTING containers (`>`, `-`, `1.`...): the next marker is escaped, so it
 * and the rest of the line read as text. Done before marked sees the text because its blockquote rule
 * re-reads lazy continuation lines once per `>` on the line, at the same depth (1,500 `>` then lines
 * of text took seconds). Lines with fewer markers, and lines in fenced code, are left as they are.
 */
export function capLineNesting(markdown: string): string {
  if (markdown.length <= MAX_NESTING) return markdown;
  const parts: string[] = [];
  let copied = 0;
  let fence: string | undefined;
  for (let start = 0; start <= markdown.length;) {
    const newline = markdown.indexOf("\n", start);
    const end = newline < 0 ? markdown.length : newline;
    const line = markdown.slice(start, end);
    const opening = FENCE.exec(line)?.[1];
    if (fence) {
      if (opening && opening[0] === fence[0] && opening.length >= fence.length) fence = undefined;
    } else if (opening) {
      fence = opening;
    } else if (line.length > MAX_NESTING && !THEMATIC_BREAK.test(line)) {
      let markers = 0;
      CONTAINER_MARKER.lastIndex = 0;
      while (markers < MAX_NESTING && CONTAINER_MARKER.test(line)) markers++;
      const rest = CONTAINER_MARKER.lastIndex;
      const next = markers === MAX_NESTING ? /^ {0,3}(?:[*+>-]|\d{1,9}([.)]))/.exec(line.slice(rest)) : null;
      if (next) {
        // escape the marker character (for `1.`, the dot)
        const at = start + rest + next[0].length - 1;
        parts.push(markdown.slice(copied, at), "\\");
        copied = at;
      }
    }
    if (newline < 0) break;
    start = newline + 1;
  }
  if (!parts.length) return markdown;
  parts.push(markdown.slice(copied));
  return parts.join("");
}

function paragraphOf(lexer: Lexer, src: string): Tokens.Paragraph {
  // The trailing newlines are found from the run's first "\n" (`\n+$` began again at each newline of every run:
  // 30,000 blank lines inside 101 nested quotes took 0.45 s). Only this paragraph can hold blank lines.
  const text = src.replace(/(?<!\n)\n+$/, "");
  return { type: "paragraph", raw: src, text, tokens: lexer.inline(text) };
}

/**
 * The lexer the pipeline uses. Scans are per source string: `rest` (what marked hands to `start`
 * functions and block tokenizers) is always a suffix of the source being tokenized, so its absolute
 * position is `src.length - rest.length`.
 */
export class BoundedLexer extends Lexer {
  private blockDepth = 0;
  private inlineDepth = 0;
  private readonly blockScans: { src: string; scan?: BlockScan }[] = [];
  private readonly inlineScans: { src: string; scan?: InlineScan }[] = [];

  constructor(options: MarkedOptions) {
    super(options);
  }

  override lex(src: string): TokensList {
    return super.lex(capLineNesting(src));
  }

  override blockTokens(src: string, tokens?: Token[], lastParagraphClipped?: boolean): Token[];
  override blockTokens(src: string, tokens?: TokensList, lastParagraphClipped?: boolean): TokensList;
  override blockTokens(src: string, tokens: Token[] = [], lastParagraphClipped?: boolean) {
    if (this.blockDepth >= MAX_NESTING) {
      // Too deep: the rest of this container is a paragraph, its markers shown as written.
      if (src.trim()) tokens.push(paragraphOf(this, src));
      return tokens;
    }
    this.blockDepth++;
    this.blockScans.push({ src });
    try {
      return super.blockTokens(src, tokens, lastParagraphClipped);
    } finally {
      this.blockScans.pop();
      this.blockDepth--;
    }
  }

  override inlineTokens(src: string, tokens: Token[] = []): Token[] {
    if (this.inlineDepth >= MAX_NESTING) {
      tokens.push({ type: "text", raw: src, text: src, escaped: false } satisfies Tokens.Text);
      return tokens;
    }
    this.inlineDepth++;
    this.inlineScans.push({ src });
    try {
      return super.inlineTokens(src, tokens);
    } finally {
      this.inlineScans.pop();
      this.inlineDepth--;
    }
  }

  private inlineScan(): InlineScan | undefined {
    const top = this.inlineScans[this.inlineScans.length - 1];
    if (!top) return undefined;
    return (top.scan ??= new InlineScan(top.src));
  }

  private blockScan(): BlockScan | undefined {
    const top = this.blockScans[this.blockScans.length - 1];
    if (!top) return undefined;
    return (top.scan ??= new BlockScan(top.src));
  }

  /** For an inline `start`: index in `rest` of the next position in `kind`, or undefined. */
  nextInline(rest: string, kind: "mentions" | "hashtags" | "cuts", exactAtStart?: RegExp): number | undefined {
    const scan = this.inlineScan();
    if (!scan || rest.length > scan.src.length) return undefined;
    const at = scan.src.length - rest.length;
    // marked's own search ran on `rest` alone, where the first character has nothing before it.
    if (exactAtStart?.test(rest)) return 0;
    const next = scan[kind].first(kind === "cuts" ? at : at + (exactAtStart ? 1 : 0));
    return next < 0 ? undefined : next - at;
  }

  /** False when marked's autolink rule (`url`) cannot match at `rest`: it scans a whole run first. */
  urlMayMatch(rest: string): boolean {
    if (URL_PREFIX.test(rest)) return true;
    const scan = this.inlineScan();
    if (!scan || rest.length > scan.src.length) return true;
    return scan.emailAt(scan.src.length - rest.length);
  }

  /**
   * False when marked's setext heading rule cannot match at `rest`: no `===`/`---` line comes before
   * the next blank line. (The rule scans to that line lazily, from every block start.)
   */
  setextMayMatch(rest: string): boolean {
    const scan = this.blockScan();
    if (!scan || rest.length > scan.src.length) return true;
    const line = scan.lineAt(scan.src.length - rest.length);
    if (line < 0) return true;
    const underline = scan.underlines.first(line + 1);
    if (underline < 0) return false;
    const empty = scan.emptyLines.first(line + 1);
    return empty < 0 || empty > underline;
  }

  /** For the [quote] block `start`: the next `[quote="` at a line start before the next blank line. */
  nextQuoteStart(rest: string): number | undefined {
    const scan = this.blockScan();
    if (!scan || rest.length > scan.src.length) return undefined;
    const at = scan.src.length - rest.length;
    if (rest.startsWith('[quote="')) return 0;
    const next = scan.quoteStarts.first(at + 1);
    if (next < 0) return undefined;
    const blank = scan.blankLines.first(at);
    return blank >= 0 && blank < next ? undefined : next - at;
  }

  /**
   * For the [quote] tokenizer: where the body that starts at `bodyStart` (relative to `src`, a line
   * start) ends, and where the closing line ends; undefined when the quote is never closed.
   */
  quoteBody(src: string, bodyStart: number): { bodyEnd: number; rawEnd: number } | undefined {
    const scan = this.blockScan();
    if (!scan || src.length > scan.src.length) return undefined;
    const at = scan.src.length - src.length;
    const line = scan.lineAt(at + bodyStart);
    if (line < 0) return undefined;
    const close = scan.closingLine(line);
    if (close < 0) return undefined;
    const closeStart = scan.lineStarts[close] - at;
    const closeEnd = Math.min(scan.lineStarts[close + 1] - at, src.length);
    return { bodyEnd: closeStart, rawEnd: closeEnd };
  }
}
