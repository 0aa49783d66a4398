import { applyImportedTimes } from '../../../src/domain/routing/apply-imported-times';
import { InvalidRoutingInputError } from '../../../src/domain/routing/errors';
import { makeEdge } from '../../fixtures/routing/make-edge';

describe('applyImportedTimes', () => {
  const edges = [makeEdge('A', 'B', 10), makeEdge('B', 'C', 20)];

  it('overrides only the imported mode and season, in either direction, and marks the edge IMPORTED', () => {
    const { edges: result, unmatched } = applyImportedTimes(edges, [
      { from: 'B', to: 'A', mode: 'WALK', season: 'RAINY', minutes: 95, km: 7 },
    ]);
    expect(result[0]).toMatchObject({ from: 'A', to: 'B', source: 'IMPORTED', km: 7 });
    expect(result[0]!.minutes).toEqual({ ...edges[0]!.minutes, WALK_RAINY: 95 });
    expect(result[1]).toBe(edges[1]);
    expect(unmatched).toEqual([]);
  });

  it('lets the last row win for a repeated key, and leaves the input untouched', () => {
    const { edges: result } = applyImportedTimes(edges, [
      { from: 'A', to: 'B', mode: 'CAR', season: 'DRY', minutes: 4 },
      { from: 'A', to: 'B', mode: 'CAR', season: 'DRY', minutes: 6 },
    ]);
    expect(result[0]!.minutes.CAR_DRY).toBe(6);
    expect(edges[0]!.minutes.CAR_DRY).toBe(10);
    expect(edges[0]!.source).toBe('ESTIMATED');
  });

  it('returns rows for pairs without an edge as unmatched', () => {
    const row = { from: 'A', to: 'C', mode: 'CAR' as const, season: 'DRY' as const, minutes: 4 };
    expect(applyImportedTimes(edges, [row]).unmatched).toEqual([row]);
  });

  it('rejects negative or non-finite minutes and non-positive km', () => {
    const row = { from: 'A', to: 'B', mode: 'CAR' as const, season: 'DRY' as const };
    expect(() => applyImportedTimes(edges, [{ ...row, minutes: -1 }])).toThrow(InvalidRoutingInputError);
    expect(() => applyImportedTimes(edges, [{ ...row, minutes: Infinity }])).toThrow(
      InvalidRoutingInputError,
    );
    expect(() => applyImportedTimes(edges, [{ ...row, minutes: 3, km: 0 }])).toThrow(
      InvalidRoutingInputError,
    );
  });
});
