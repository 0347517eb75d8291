// The directory's query, read from the URL (browser-safe): a plain GET form writes the same fields.
import { z } from "zod";
import { PROFICIENCIES } from "./profile.schema";

export const PER_PAGE = 24;
export const MAX_PAGE = 40;
export const QUERY_MAX = 120;
export const SORTS = ["relevance", "level", "experience", "recent"] as const;
export type DirectorySort = (typeof SORTS)[number];

/** Per-level views: /directory/professionals is level 2, and so on. */
export const LEVEL_VIEWS: Record<string, number> = { practitioners: 1, professionals: 2, managers: 3, leaders: 4 };

const one = (re: RegExp) =>
  z
    .string()
    .trim()
    .optional()
    .transform((s) => (s && re.test(s) ? s : undefined))
    .catch(undefined);

export const DirectoryQuerySchema = z.object({
  q: z.string().trim().max(QUERY_MAX).catch(""),
  level: z.coerce.number().int().min(1).max(4).optional().catch(undefined),
  country: one(/^[A-Z]{2}$/),
  competency: z
    .array(z.string())
    .transform((l) => [...new Set(l.filter((s) => /^[a-z0-9-]{2,60}$/.test(s)))].slice(0, 3))
    .catch([]),
  proficiency: z.enum(PROFICIENCIES).catch("emerging"),
  /** only claims evidence backs (a passed assessment, a tagged post, an endorsement) */
  evidenced: z.literal("1").optional().catch(undefined),
  designation: one(/^[A-Z0-9-]{2,20}$/),
  language: one(/^[a-z]{2,3}$/),
  open: z.literal("1").optional().catch(undefined),
  mentor: z.literal("1").optional().catch(undefined),
  sort: z.enum(SORTS).catch("relevance"),
  // a page past the end is kept (the page says so); absurd numbers are capped
  page: z.coerce
    .number()
    .int()
    .min(1)
    .catch(1)
    .transform((n) => Math.min(n, 10_000)),
});

export type DirectoryQuery = z.output<typeof DirectoryQuerySchema>;

export function parseDirectoryQuery(params: URLSearchParams, fixedLevel?: number): DirectoryQuery {
  const d = DirectoryQuerySchema.parse({
    q: params.get("q") ?? "",
    level: params.get("level") || undefined,
    country: params.get("country") || undefined,
    competency: params.getAll("competency").filter(Boolean),
    proficiency: params.get("proficiency") || "emerging",
    evidenced: params.get("evidenced") || undefined,
    designation: params.get("designation") || undefined,
    language: params.get("language") || undefined,
    open: params.get("open") || undefined,
    mentor: params.get("mentor") || undefined,
    sort: params.get("sort") || "relevance",
    page: params.get("page") || 1,
  });
  return fixedLevel ? { ...d, level: fixedLevel } : d;
}

/** The URL search string of a query (pagination, facet links, saved searches); defaults left out. */
export function directorySearchString(
  q: DirectoryQuery,
  change: Partial<DirectoryQuery> = {},
  { withLevel = true } = {},
): string {
  const d = { ...q, ...change };
  const p = new URLSearchParams();
  if (d.q) p.set("q", d.q);
  if (withLevel && d.level) p.set("level", String(d.level));
  if (d.country) p.set("country", d.country);
  for (const c of d.competency) p.append("competency", c);
  if (d.competency.length && d.proficiency !== "emerging") p.set("proficiency", d.proficiency);
  if (d.evidenced) p.set("evidenced", "1");
  if (d.designation) p.set("designation", d.designation);
  if (d.language) p.set("language", d.language);
  if (d.open) p.set("open", "1");
  if (d.mentor) p.set("mentor", "1");
  if (d.sort !== "relevance") p.set("sort", d.sort);
  if (d.page > 1) p.set("page", String(d.page));
  const s = p.toString();
  return s ? `?${s}` : "";
}
