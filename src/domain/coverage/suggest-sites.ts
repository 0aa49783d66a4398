import { requireCommuneIndex } from '../routing/adjacency';
import { InvalidRoutingInputError } from '../routing/errors';
import { findShortestPaths } from '../routing/shortest-paths';
import { withinMinutesOf } from '../routing/within-commune';
import { analyseCoverage } from './analyse-coverage';
import type { CoverageInput, CoverageReport } from './coverage-types';

export interface SuggestedSite {
  communeCode: string;
  /** Uncovered children this site brings within maxMinutes, given the sites picked before it. */
  gainedChildren: number;
  newlyCoveredCommunes: string[];
  coveredChildrenAfter: number;
  shareCoveredAfter: number | null;
}

export interface SiteSuggestions {
  baseline: CoverageReport;
  picks: SuggestedSite[];
}

/**
 * Greedy maximal coverage: up to `count` new sites, each the commune that brings the most still-uncovered
 * children within maxMinutes (ties to the lower commune code). Stops early when no site gains anything.
 * Candidate sites are all communes unless `candidateCommunes` narrows them.
 */
export function suggestSites(
  input: CoverageInput & { count: number; candidateCommunes?: readonly string[] },
): SiteSuggestions {
  const { count, candidateCommunes, ...base } = input;
  if (!(Number.isInteger(count) && count >= 0))
    throw new InvalidRoutingInputError(`count must be a whole number ≥ 0, got ${count}`);
  const baseline = analyseCoverage(base);
  const adjacency = base.graph.adjacencyFor(baseline.need.mode, baseline.need.season);
  const n = adjacency.codes.length;
  const isCandidate = new Uint8Array(n).fill(candidateCommunes ? 0 : 1);
  for (const code of candidateCommunes ?? [])
    isCandidate[requireCommuneIndex(adjacency, code, 'candidate commune')] = 1;

  // The graph is undirected, so the sites within reach of an uncovered commune are exactly the sites
  // that would cover it: one cut-off Dijkstra per uncovered commune gives every candidate's catchment.
  const uncovered = baseline.communes.filter((c) => !c.covered && c.children > 0);
  const catchments: number[][] = Array.from({ length: n }, () => []);
  const { mode, season, maxMinutes } = baseline.need;
  uncovered.forEach((c, u) => {
    // The road trip may use what is left of the limit after travel inside the commune itself.
    const budget = maxMinutes - withinMinutesOf(base.graph, c.communeCode, mode, season);
    if (budget < 0) return;
    const tree = findShortestPaths(adjacency, {
      sources: [requireCommuneIndex(adjacency, c.communeCode)],
      maxMinutes: budget,
    });
    for (let v = 0; v < n; v += 1) if (isCandidate[v] && tree.minutes[v]! < Infinity) catchments[v]!.push(u);
  });

  const isCovered = new Uint8Array(uncovered.length);
  let coveredChildren = baseline.totals.coveredChildren;
  const picks: SuggestedSite[] = [];
  while (picks.length < count) {
    let best = -1;
    let bestGain = 0;
    for (let v = 0; v < n; v += 1) {
      let gain = 0;
      for (const u of catchments[v]!) if (!isCovered[u]) gain += uncovered[u]!.children;
      if (gain > bestGain) [best, bestGain] = [v, gain];
    }
    if (best === -1) break;
    const gained = catchments[best]!.filter((u) => !isCovered[u]);
    for (const u of gained) isCovered[u] = 1;
    coveredChildren += bestGain;
    picks.push({
      communeCode: adjacency.codes[best]!,
      gainedChildren: bestGain,
      newlyCoveredCommunes: gained.map((u) => uncovered[u]!.communeCode).sort(),
      coveredChildrenAfter: coveredChildren,
      shareCoveredAfter: baseline.totals.children > 0 ? coveredChildren / baseline.totals.children : null,
    });
  }
  return { baseline, picks };
}
