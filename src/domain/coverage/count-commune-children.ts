import { UnknownCommuneError } from '../routing/errors';
import {
  computeBandWeights,
  countImportedBandChildren,
  estimateBandChildren,
  type AgeBand,
  type ImportedChildPopulation,
} from './child-population';
import type { CommuneCoverage, CoverageCommune } from './coverage-types';
import { imputePopulations } from './impute-population';

/** Children of the band in each commune: an imported count wins, else the estimate from (imputed) population. */
export function countCommuneChildren(input: {
  communes: readonly CoverageCommune[];
  ageBand: AgeBand;
  importedChildren?: readonly ImportedChildPopulation[];
}): Map<string, Pick<CommuneCoverage, 'children' | 'childrenSource'>> {
  const { communes, ageBand, importedChildren = [] } = input;
  const weights = computeBandWeights(ageBand);
  const known = new Set(communes.map((c) => c.code));
  const imported = new Map<string, number>();
  for (const row of importedChildren) {
    if (!known.has(row.communeCode))
      throw new UnknownCommuneError(row.communeCode, 'imported child population commune');
    imported.set(row.communeCode, countImportedBandChildren(row, weights));
  }
  const populations = imputePopulations(communes);
  return new Map(
    communes.map((c): [string, Pick<CommuneCoverage, 'children' | 'childrenSource'>] => {
      const fromImport = imported.get(c.code);
      if (fromImport !== undefined) return [c.code, { children: fromImport, childrenSource: 'IMPORTED' }];
      const { population, imputed } = populations.get(c.code)!;
      return [
        c.code,
        {
          children: estimateBandChildren(population, weights),
          childrenSource: imputed || c.populationImputed ? 'IMPUTED' : 'ESTIMATED',
        },
      ];
    }),
  );
}
