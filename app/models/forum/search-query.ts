// Parses a search box query with Discourse-style operators. Browser-safe (no server imports): the
// search page uses it on the server, and the help text names the same operators.
//
//   @username  #category  tags:a,b (any)  tags:a+b (all)  before:YYYY-MM-DD  after:YYYY-MM-DD
//   in:bookmarks  in:likes  status:open|closed  order:latest|likes
//
// Anything else is free text (quoted phrases kept as they are). A malformed operator is reported
// as a problem (an i18n key and values) and left out, so the rest of the query still searches.

export const QUERY_MAX = 500;

export type SearchOrder = "relevance" | "latest" | "likes";

export type QueryProblem = { key: string; values?: Record<string, string> };

export type SearchQuery = {
  /** the free words, operators removed, ready for the search engine */
  text: string;
  username?: string;
  category?: string;
  /** tags the post's topic must carry: any of them, or all of them */
  tags: string[];
  tagMode: "any" | "all";
  /** YYYY-MM-DD, UTC days: `before` excludes the day itself, `after` includes it */
  before?: string;
  after?: string;
  inBookmarks: boolean;
  inLikes: boolean;
  status?: "open" | "closed";
  order: SearchOrder;
  problems: QueryProblem[];
};

const USERNAME = /^@([A-Za-z0-9_]{1,30})$/;
const CATEGORY = /^#([a-z0-9][a-z0-9-]{0,79})$/i;
const TAG = /^[a-z0-9][a-z0-9-]{0,59}$/i;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day (2024-02-30 is not one). */
export function isCalendarDay(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** Splits on white space, keeping "quoted phrases" (with their quotes) as one token. */
function tokenize(input: string): string[] {
  const tokens: string[] = [];
  const re = /"[^"]*"?|\S+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(input))) tokens.push(m[0]);
  return tokens;
}

export function parseSearchQuery(raw: string): SearchQuery {
  const q: SearchQuery = {
    text: "",
    tags: [],
    tagMode: "any",
    inBookmarks: false,
    inLikes: false,
    order: "relevance",
    problems: [],
  };
  let input = raw.normalize("NFC").replace(/[\u0000-\u001f\u007f\ue000\ue001]/g, " ");
  if (input.length > QUERY_MAX) {
    q.problems.push({ key: "search.problems.tooLong", values: { max: String(QUERY_MAX) } });
    input = input.slice(0, QUERY_MAX);
  }
  const words: string[] = [];
  for (const token of tokenize(input)) {
    if (token.startsWith('"')) {
      const phrase = token.replace(/"/g, "").trim();
      if (phrase) words.push(`"${phrase}"`);
      continue;
    }
    let m: RegExpExecArray | null;
    if ((m = USERNAME.exec(token))) {
      q.username = m[1];
      continue;
    }
    if ((m = CATEGORY.exec(token))) {
      q.category = m[1].toLowerCase();
      continue;
    }
    const colon = token.indexOf(":");
    const key = colon > 0 ? token.slice(0, colon).toLowerCase() : "";
    const value = colon > 0 ? token.slice(colon + 1) : "";
    switch (key) {
      case "tags":
      case "tag": {
        const all = value.includes("+");
        const list = value
          .split(all ? "+" : ",")
          .map((s) => s.trim().toLowerCase())
          .filter(Boolean);
        if (!list.length || list.some((t) => !TAG.test(t))) {
          q.problems.push({ key: "search.problems.tags", values: { value: token } });
          continue;
        }
        q.tags = [...new Set([...q.tags, ...list])];
        if (all) q.tagMode = "all";
        continue;
      }
      case "before":
      case "after": {
        if (!isCalendarDay(value)) {
          q.problems.push({ key: "search.problems.date", values: { value: token } });
          continue;
        }
        q[key] = value;
        continue;
      }
      case "in": {
        const v = value.toLowerCase();
        if (v === "bookmarks" || v === "bookmarked") q.inBookmarks = true;
        else if (v === "likes" || v === "liked") q.inLikes = true;
        else q.problems.push({ key: "search.problems.in", values: { value: token } });
        continue;
      }
      case "status": {
        const v = value.toLowerCase();
        if (v === "open" || v === "closed") q.status = v;
        else q.problems.push({ key: "search.problems.status", values: { value: token } });
        continue;
      }
      case "order": {
        const v = value.toLowerCase();
        if (v === "latest" || v === "likes") q.order = v;
        else q.problems.push({ key: "search.problems.order", values: { value: token } });
        continue;
      }
      default:
        words.push(token);
    }
  }
  q.text = words.join(" ").trim();
  if (q.before && q.after && q.after >= q.before) q.problems.push({ key: "search.problems.dateRange" });
  return q;
}

/** Whether the query asks for anything at all (free words or a filter). */
export function hasCriteria(q: SearchQuery): boolean {
  return !!(
    q.text ||
    q.username ||
    q.category ||
    q.tags.length ||
    q.before ||
    q.after ||
    q.inBookmarks ||
    q.inLikes ||
    q.status
  );
}

/** Start of a UTC day in Unix seconds (the index stores times as seconds). */
export function dayStartSeconds(day: string): number {
  return Math.floor(Date.parse(`${day}T00:00:00Z`) / 1000);
}

/** The query's words, lowercased, for highlighting where the engine gives no positions. */
export function queryTerms(q: SearchQuery): string[] {
  return q.text
    .replace(/"/g, " ")
    .split(/\s+/)
    .map((w) => w.toLowerCase().replace(/^[^\p{L}\p{N}]+|(?<![^\p{L}\p{N}])[^\p{L}\p{N}]+$/gu, ""))
    .filter((w) => w.length > 0);
}
