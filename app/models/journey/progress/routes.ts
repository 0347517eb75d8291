// Alternative routes (browser-safe, pure). A route is an "all of" group: every requirement in it
// must be met. The routes of one target (a level's completion, a designation) are "any of": one
// route is enough. Requirements outside any route are needed whatever the route.
import type { EvaluatedRequirement } from "./types";

export type RouteRow = { id: number; key: string; name: string; name_fr: string | null };

export type RouteProgress = RouteRow & {
  /** the route's requirements, in order (ids into the target's requirement list) */
  requirementIds: number[];
  met: number;
  total: number;
  /** met / total, 0 for an empty route */
  fraction: number;
  /** everything met but the experience the applicant declares on the application */
  ready: boolean;
  /** the route with the largest met fraction (the first on a tie) */
  closest: boolean;
};

/** Declared on the application itself and verified by the admin who decides it. */
export const declaredOnApplication = (r: Pick<EvaluatedRequirement, "kind">) => r.kind === "experience_years";

const isMet = (r: EvaluatedRequirement) => r.progress.status === "met";

/** "all of": every requirement met (experience declared on the application aside, with `declared`). */
export function allOf(requirements: EvaluatedRequirement[], { declared = false } = {}) {
  return requirements.every((r) => isMet(r) || (declared && declaredOnApplication(r)));
}

/**
 * Each route with what is met and what is left; an empty route (staff still filling it) is never
 * ready, so it cannot open a credential to everyone.
 */
export function groupRoutes(routes: RouteRow[], requirements: EvaluatedRequirement[]): RouteProgress[] {
  const grouped = routes.map((route) => {
    const mine = requirements.filter((r) => r.routeId === route.id);
    const met = mine.filter(isMet).length;
    return {
      ...route,
      requirementIds: mine.map((r) => r.id),
      met,
      total: mine.length,
      fraction: mine.length ? met / mine.length : 0,
      ready: mine.length > 0 && allOf(mine, { declared: true }),
      closest: false,
    };
  });
  let best: RouteProgress | undefined;
  for (const r of grouped) if (r.total && (!best || r.fraction > best.fraction)) best = r;
  if (best) best.closest = true;
  return grouped;
}

/** "any of": the route an application uses: the one asked for if it is ready, else the closest ready one. */
export function pickRoute(routes: RouteProgress[], wanted?: number | null): RouteProgress | undefined {
  if (wanted) return routes.find((r) => r.id === wanted && r.ready);
  const ready = routes.filter((r) => r.ready);
  return ready.find((r) => r.closest) ?? [...ready].sort((a, b) => b.fraction - a.fraction)[0];
}
