// What the directory page shows a viewer: the query read from the address, the search (visibility
// enforced inside it), and the competency list for the filters.
import { db } from "~/db.server";
import { scopeOf } from "~/models/permissions.server";
import type { Viewer } from "~/viewer.server";
import { LEVEL_VIEWS, parseDirectoryQuery, type DirectoryQuery } from "./directory.schema";
import { searchDirectory, type DirectoryOutcome } from "./directory.server";
import { listCompetencies } from "./profile.server";
import { shortlistedAmong } from "./shortlist.server";

export type DirectoryPageData = {
  query: DirectoryQuery;
  fixedLevel: number | null;
  basePath: string;
  outcome: DirectoryOutcome;
  competencies: { slug: string; name: string; name_fr?: string | null }[];
  signedIn: boolean;
  isRecruiter: boolean;
  /** a recruiter's: which of the cards are already on their shortlist */
  shortlisted?: number[];
};

let competencyCache:
  { at: number; list: Promise<{ slug: string; name: string; name_fr: string | null }[]> } | undefined;
function competencies() {
  if (!competencyCache || Date.now() - competencyCache.at > 60_000) {
    const list = listCompetencies(db).then((l) => l.map(({ slug, name, name_fr }) => ({ slug, name, name_fr })));
    competencyCache = { at: Date.now(), list };
    list.catch(() => (competencyCache = undefined));
  }
  return competencyCache.list;
}

/** `levelSlug` is the view's slug (/directory/managers), already known to be one of LEVEL_VIEWS. */
export async function loadDirectoryPage(
  viewer: Viewer | null,
  params: URLSearchParams,
  levelSlug?: string,
): Promise<DirectoryPageData> {
  const fixedLevel = levelSlug ? LEVEL_VIEWS[levelSlug] : undefined;
  const scope = scopeOf(viewer);
  const query = parseDirectoryQuery(params, fixedLevel);
  const [outcome, comps] = await Promise.all([searchDirectory({ scope, query }), competencies()]);
  const shortlisted = scope.isRecruiter
    ? await shortlistedAmong({ scope, ids: outcome.cards.map((c) => c.id) })
    : undefined;
  return {
    query,
    fixedLevel: fixedLevel ?? null,
    basePath: levelSlug ? `/directory/${levelSlug}` : "/directory",
    outcome,
    competencies: comps,
    signedIn: !!viewer,
    isRecruiter: !!scope.isRecruiter,
    shortlisted,
  };
}
