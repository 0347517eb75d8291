// Search of forum posts. Meilisearch holds one document per readable post, each carrying the
// audiences that may read it (permissions.audienceOfTopic), so the permission filter runs inside
// Meilisearch and every page of results is full. When Meilisearch cannot answer, the same query
// runs on Postgres full-text search (posts.search_vector + topic titles) and says it is degraded.
// Building and syncing the index: forum-search-index.server.ts.
import { sql, type Expression, type SqlBool } from "kysely";
import { db } from "../../db.server";
import { logger } from "../../logger.server";
import { renderPlainExcerpt } from "../../markdown/excerpt.server";
import { audiencesOf, canSeeCategory, type Scope } from "../permissions.server";
import { guarded, isUnavailable, requireClient } from "../../search.server";
import { getCategoryById, getCategoryBySlug, listAllCategories, visibleCategoryIds } from "./category.server";
import { MAX_TOTAL_HITS, postsIndexUid, stripMarkers, type PostDocument } from "./forum-search-index.server";
import { dayStartSeconds, hasCriteria, queryTerms, type QueryProblem, type SearchQuery } from "./search-query";

export const RESULTS_PER_PAGE = 20;
export const MAX_PAGE = 50;
export { MAX_TOTAL_HITS };
/** The fallback ranks at most this many of the newest matching posts (per arm). */
const PG_CANDIDATES = 2_000;
/** in:bookmarks / in:likes look at the member's newest this many posts. */
const OWN_LIST_MAX = 5_000;

// Private-use characters mark highlights: they can never be mistaken for HTML, and the page
// renders the pieces between them as text nodes inside <mark>, so no user text is ever injected.
const PRE = "\ue000";
const POST = "\ue001";

// ---- searching -----------------------------------------------------------------------------------

export type Segment = { text: string; mark?: boolean };

export type SearchHit = {
  postId: number;
  topicId: number;
  postNumber: number;
  url: string;
  title: Segment[];
  snippet: Segment[];
  category: { slug: string; name: string; colour: string } | null;
  author: { username: string; displayName: string } | null;
  createdAt: string;
  likeCount: number;
};

export type SearchOutcome = {
  /** "idle": nothing asked yet; "meili": the index answered; "degraded": Postgres answered */
  mode: "idle" | "meili" | "degraded";
  hits: SearchHit[];
  page: number;
  hasNext: boolean;
  /** total matches when the engine knows it (Meilisearch) */
  total: number | null;
  problems: QueryProblem[];
  elapsedMs: number;
};

/** Splits highlighted text on the private-use markers into plain and marked pieces. */
export function toSegments(s: string): Segment[] {
  const out: Segment[] = [];
  let rest = s;
  for (;;) {
    const start = rest.indexOf(PRE);
    if (start < 0) break;
    const end = rest.indexOf(POST, start + 1);
    if (end < 0) break;
    if (start > 0) out.push({ text: stripMarkers(rest.slice(0, start)) });
    const marked = stripMarkers(rest.slice(start + 1, end));
    if (marked) out.push({ text: marked, mark: true });
    rest = rest.slice(end + 1);
  }
  if (rest) out.push({ text: stripMarkers(rest) });
  return out.filter((x) => x.text.length > 0);
}

/** A window of plain text around the first query term, terms marked (for the Postgres path). */
export function highlightPlain(text: string, terms: string[], width = 240): Segment[] {
  const clean = stripMarkers(text);
  if (!terms.length) return [{ text: clean.length > width ? `${clean.slice(0, width).trimEnd()}…` : clean }];
  const escaped = terms.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join("|")})[\\p{L}\\p{N}]*`, "giu");
  const first = re.exec(clean);
  let from = first ? Math.max(0, first.index - Math.floor(width / 3)) : 0;
  if (from > 0) {
    const space = clean.indexOf(" ", from);
    if (space > 0 && space - from < 20) from = space + 1;
  }
  const window = clean.slice(from, from + width);
  const out: Segment[] = [];
  if (from > 0) out.push({ text: "…" });
  let last = 0;
  re.lastIndex = 0;
  for (const m of window.matchAll(re)) {
    if (m.index > last) out.push({ text: window.slice(last, m.index) });
    out.push({ text: m[0], mark: true });
    last = m.index + m[0].length;
  }
  if (last < window.length) out.push({ text: window.slice(last) });
  if (from + width < clean.length) out.push({ text: "…" });
  return out;
}

type Resolved = {
  userId?: number;
  categoryId?: number;
  postIds?: number[];
  empty: boolean;
  problems: QueryProblem[];
};

/** Turns names in the query into ids, as the viewer may know them; a name they cannot see is "unknown". */
async function resolveQuery(scope: Scope, q: SearchQuery): Promise<Resolved> {
  const r: Resolved = { empty: false, problems: [...q.problems] };
  if (q.username) {
    const u = await db
      .selectFrom("users")
      .select("id")
      .where(sql`lower(username)`, "=", q.username.toLowerCase())
      .where("deleted_at", "is", null)
      .executeTakeFirst();
    if (u) r.userId = u.id;
    else {
      r.problems.push({ key: "search.problems.unknownUser", values: { name: q.username } });
      r.empty = true;
    }
  }
  if (q.category) {
    const c = await getCategoryBySlug(q.category);
    // private ("participants") categories are searched topic by topic: the audience filter decides
    if (c && (canSeeCategory(scope, c) || (c.see_rule === "participants" && scope.userId))) r.categoryId = c.id;
    else {
      r.problems.push({ key: "search.problems.unknownCategory", values: { slug: q.category } });
      r.empty = true;
    }
  }
  if (q.inBookmarks || q.inLikes) {
    if (!scope.userId) {
      r.problems.push({ key: "search.problems.signIn" });
      r.empty = true;
    } else {
      let ids: number[] | undefined;
      if (q.inBookmarks) {
        const rows = await db
          .selectFrom("bookmarks")
          .select("post_id")
          .where("user_id", "=", scope.userId)
          .orderBy("created_at", "desc")
          .limit(OWN_LIST_MAX)
          .execute();
        ids = rows.map((x) => x.post_id);
      }
      if (q.inLikes) {
        const rows = await db
          .selectFrom("post_likes")
          .select("post_id")
          .where("user_id", "=", scope.userId)
          .orderBy("created_at", "desc")
          .limit(OWN_LIST_MAX)
          .execute();
        const liked = rows.map((x) => x.post_id);
        ids = ids ? ids.filter((id) => liked.includes(id)) : liked;
      }
      r.postIds = ids ?? [];
      if (!r.postIds.length) r.empty = true;
    }
  }
  return r;
}

const lit = (s: string) => JSON.stringify(s);

/** The Meilisearch filter: the viewer's audiences first, then the query's operators. */
export function meiliFilter(scope: Scope, q: SearchQuery, r: Resolved): string[] {
  const f: string[] = [];
  const audiences = audiencesOf(scope);
  if (audiences !== "all") f.push(`audiences IN [${audiences.map(lit).join(", ")}]`);
  if (r.userId !== undefined) f.push(`user_id = ${r.userId}`);
  if (r.categoryId !== undefined) f.push(`category_id = ${r.categoryId}`);
  if (q.tags.length) {
    if (q.tagMode === "all") for (const t of q.tags) f.push(`tags = ${lit(t)}`);
    else f.push(`tags IN [${q.tags.map(lit).join(", ")}]`);
  }
  if (q.after) f.push(`created_at >= ${dayStartSeconds(q.after)}`);
  if (q.before) f.push(`created_at < ${dayStartSeconds(q.before)}`);
  if (q.status) f.push(`status = ${lit(q.status)}`);
  if (r.postIds) f.push(`id IN [${r.postIds.join(",")}]`);
  return f;
}

async function categoryView(id: number) {
  const c = await getCategoryById(id);
  return c ? { slug: c.slug, name: c.name, name_fr: c.name_fr, colour: c.colour } : null;
}

async function searchMeili(scope: Scope, q: SearchQuery, r: Resolved, page: number) {
  const client = requireClient();
  const order = q.order === "relevance" && !q.text ? "latest" : q.order;
  const res = await guarded(client, () =>
    client.index<PostDocument>(postsIndexUid()).search(q.text, {
      filter: meiliFilter(scope, q, r),
      page,
      hitsPerPage: RESULTS_PER_PAGE,
      sort:
        order === "latest"
          ? ["created_at:desc"]
          : order === "likes"
            ? ["like_count:desc", "created_at:desc"]
            : undefined,
      // best match may drop trailing words to find something; a sorted list keeps only full matches
      matchingStrategy: order === "relevance" ? "last" : "all",
      attributesToRetrieve: [
        "id",
        "topic_id",
        "post_number",
        "topic_title",
        "topic_slug",
        "username",
        "display_name",
        "category_id",
        "created_at",
        "like_count",
      ],
      attributesToHighlight: ["title", "body"],
      attributesToCrop: ["body"],
      cropLength: 36,
      cropMarker: "…",
      highlightPreTag: PRE,
      highlightPostTag: POST,
    }),
  );
  const hits: SearchHit[] = [];
  for (const h of res.hits) {
    const f = (h._formatted ?? {}) as Partial<Record<"title" | "body", string>>;
    hits.push({
      postId: h.id,
      topicId: h.topic_id,
      postNumber: h.post_number,
      url: `/t/${h.topic_slug}/${h.topic_id}/${h.post_number}#post-${h.post_number}`,
      title: h.post_number === 1 && f.title ? toSegments(f.title) : [{ text: h.topic_title }],
      snippet: toSegments(f.body ?? ""),
      category: await categoryView(h.category_id),
      author: h.username ? { username: h.username, displayName: h.display_name ?? h.username } : null,
      createdAt: new Date(h.created_at * 1000).toISOString(),
      likeCount: h.like_count,
    });
  }
  const totalPages = res.totalPages ?? 0;
  return { hits, hasNext: page < Math.min(totalPages, MAX_PAGE), total: res.totalHits ?? null };
}

/** The same search on Postgres: slower and plainer (no typo tolerance), but always there. */
async function searchPostgres(scope: Scope, q: SearchQuery, r: Resolved, page: number) {
  const conds: Expression<SqlBool>[] = [
    sql<SqlBool>`p.deleted_at is null`,
    sql<SqlBool>`p.hidden_at is null`,
    sql<SqlBool>`t.deleted_at is null`,
    sql<SqlBool>`not t.unlisted`,
  ];
  if (!scope.isStaff) {
    const { open, participantOnly } = await visibleCategoryIds(scope);
    const openList = open.length ? sql<SqlBool>`t.category_id = any(${open}::int[])` : sql<SqlBool>`false`;
    if (scope.userId && participantOnly.length) {
      conds.push(
        sql<SqlBool>`(${openList} or (t.category_id = any(${participantOnly}::int[]) and exists (select 1
            from topic_allowed_users a where a.topic_id = t.id and a.user_id = ${scope.userId})))`,
      );
    } else conds.push(openList);
  }
  if (r.userId !== undefined) conds.push(sql<SqlBool>`p.user_id = ${r.userId}`);
  if (r.categoryId !== undefined) conds.push(sql<SqlBool>`t.category_id = ${r.categoryId}`);
  if (q.tags.length)
    conds.push(
      q.tagMode === "all" ? sql<SqlBool>`t.tags @> ${q.tags}::text[]` : sql<SqlBool>`t.tags && ${q.tags}::text[]`,
    );
  if (q.after) conds.push(sql<SqlBool>`p.created_at >= ${`${q.after}T00:00:00Z`}::timestamptz`);
  if (q.before) conds.push(sql<SqlBool>`p.created_at < ${`${q.before}T00:00:00Z`}::timestamptz`);
  if (q.status === "closed") conds.push(sql<SqlBool>`(t.closed_at is not null or t.archived_at is not null)`);
  if (q.status === "open") conds.push(sql<SqlBool>`(t.closed_at is null and t.archived_at is null)`);
  if (r.postIds) conds.push(r.postIds.length ? sql<SqlBool>`p.id in (${sql.join(r.postIds)})` : sql<SqlBool>`false`);
  const where = sql.join(conds, sql` and `);

  // Candidates first: the newest matching posts the viewer may read, at most PG_CANDIDATES per
  // arm (a common word must not make Postgres rank every post). Each arm is served by an index:
  // posts.search_vector (GIN) or the primary key read backwards, and the topic title GIN index.
  const tsq = q.text ? sql`websearch_to_tsquery('simple', ${q.text})` : null;
  const candidates = tsq
    ? sql`(select p.id from posts p join topics t on t.id = p.topic_id
        where ${where} and p.search_vector @@ ${tsq} order by p.id desc limit ${PG_CANDIDATES})
          union
          (select p.id from posts p join topics t on t.id = p.topic_id where ${where} and p.post_number = 1
            and to_tsvector('simple', t.title) @@ ${tsq} order by p.id desc limit ${PG_CANDIDATES})`
    : sql`select p.id from posts p join topics t on t.id = p.topic_id where ${where} order by p.id desc
        limit ${PG_CANDIDATES}`;

  const order = q.order === "relevance" && !tsq ? "latest" : q.order;
  const orderBy =
    order === "latest"
      ? sql`p.created_at desc, p.id desc`
      : order === "likes"
        ? sql`p.like_count desc, p.created_at desc, p.id desc`
        : sql`ts_rank(p.search_vector, ${tsq}) + case when p.post_number = 1 and to_tsvector('simple',
            t.title) @@ ${tsq} then 1 else 0 end desc, p.id desc`;
  const rows = await sql<{
    id: number;
    topic_id: number;
    post_number: number;
    body_html: string;
    like_count: number;
    created_at: Date;
    title: string;
    slug: string;
    category_id: number;
    username: string | null;
    display_name: string | null;
  }>`
    with candidates as (${candidates})
    select p.id, p.topic_id, p.post_number, p.body_html, p.like_count, p.created_at, t.title, t.slug, t.category_id,
      u.username, u.display_name
    from candidates c
    join posts p on p.id = c.id
    join topics t on t.id = p.topic_id
    left join users u on u.id = p.user_id
    order by ${orderBy}
    limit ${RESULTS_PER_PAGE + 1} offset ${(page - 1) * RESULTS_PER_PAGE}`.execute(db);
  const terms = queryTerms(q);
  const hits: SearchHit[] = [];
  for (const h of rows.rows.slice(0, RESULTS_PER_PAGE)) {
    hits.push({
      postId: h.id,
      topicId: h.topic_id,
      postNumber: h.post_number,
      url: `/t/${h.slug}/${h.topic_id}/${h.post_number}#post-${h.post_number}`,
      title: h.post_number === 1 ? highlightPlain(h.title, terms, 1000) : [{ text: h.title }],
      snippet: highlightPlain(renderPlainExcerpt(h.body_html, 5000), terms),
      category: await categoryView(h.category_id),
      author: h.username ? { username: h.username, displayName: h.display_name ?? h.username } : null,
      createdAt: h.created_at.toISOString(),
      likeCount: h.like_count,
    });
  }
  return { hits, hasNext: rows.rows.length > RESULTS_PER_PAGE && page < MAX_PAGE, total: null };
}

/**
 * Searches the posts the viewer may read. Meilisearch first; if it cannot answer, Postgres
 * (`mode: "degraded"`). `fallback: "force"` goes straight to Postgres (tests, benchmarks).
 */
export async function searchPosts({
  scope,
  query,
  page = 1,
  fallback,
}: {
  scope: Scope;
  query: SearchQuery;
  page?: number;
  fallback?: "force";
}): Promise<SearchOutcome> {
  const t0 = performance.now();
  page = Math.min(Math.max(1, Math.floor(page) || 1), MAX_PAGE);
  const base = { hits: [] as SearchHit[], page, hasNext: false, total: null as number | null };
  if (!hasCriteria(query)) return { ...base, mode: "idle", problems: query.problems, elapsedMs: 0 };
  const r = await resolveQuery(scope, query);
  const done = (
    mode: SearchOutcome["mode"],
    res: Pick<SearchOutcome, "hits" | "hasNext" | "total">,
  ): SearchOutcome => ({
    ...base,
    ...res,
    mode,
    problems: r.problems,
    elapsedMs: Math.round(performance.now() - t0),
  });
  if (r.empty) return done(fallback === "force" ? "degraded" : "meili", { hits: [], hasNext: false, total: 0 });
  if (fallback !== "force") {
    try {
      return done("meili", await searchMeili(scope, query, r, page));
    } catch (e) {
      if (!isUnavailable(e)) throw e;
      logger.warn({ err: e }, "search: Meilisearch unavailable, answering from Postgres");
    }
  }
  return done("degraded", await searchPostgres(scope, query, r, page));
}

/** Categories, for the search form's help (only those the viewer may see). */
export async function listSearchableCategories(scope: Scope) {
  return (await listAllCategories())
    .filter((c) => c.see_rule !== "participants" && canSeeCategory(scope, c))
    .map((c) => ({ slug: c.slug, name: c.name, name_fr: c.name_fr }));
}
