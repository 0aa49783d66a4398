import { buildAdjacency, requireCommuneIndex, type Adjacency } from '../../../src/domain/routing/adjacency';
import { InvalidRoutingInputError, UnknownCommuneError } from '../../../src/domain/routing/errors';
import {
  findShortestPaths,
  traceRoute,
  type ShortestPathTree,
} from '../../../src/domain/routing/shortest-paths';
import { computeAllPairsMinutes } from '../../fixtures/routing/floyd-warshall';
import { makeEdge } from '../../fixtures/routing/make-edge';
import { makeRandomGraph, shuffleSeeded, type RandomGraph } from '../../fixtures/routing/random-graph';
import { createSeededRandom, pickInt } from '../../fixtures/routing/seeded-random';

const SEEDS = Array.from({ length: 60 }, (_, i) => i + 1);

function adjacencyOf(graph: RandomGraph): Adjacency {
  return buildAdjacency({ edges: graph.edges, mode: 'MOTORBIKE', season: 'DRY', communeCodes: graph.codes });
}

// A route is valid when it starts at a source, ends at the target, each hop is an edge, and the cheapest
// edges along it add up to the reported minutes and km.
function expectValidRoute(
  graph: RandomGraph,
  adjacency: Adjacency,
  tree: ShortestPathTree,
  target: number,
  sources: number[],
): void {
  const route = traceRoute(adjacency, tree, target)!;
  expect(route[route.length - 1]).toBe(adjacency.codes[target]);
  expect(adjacency.codes[sources[tree.nearestSource[target]!]!]).toBe(route[0]);
  let minutes = 0;
  let km = 0;
  for (let i = 1; i < route.length; i += 1) {
    const hop = graph.edges.filter(
      (e) => (e.from === route[i - 1] && e.to === route[i]) || (e.to === route[i - 1] && e.from === route[i]),
    );
    expect(hop.length).toBeGreaterThan(0);
    const cheapest = hop.reduce((a, b) => (b.minutes.MOTORBIKE_DRY < a.minutes.MOTORBIKE_DRY ? b : a));
    minutes += cheapest.minutes.MOTORBIKE_DRY;
    km += cheapest.km;
  }
  expect(minutes).toBe(tree.minutes[target]);
  expect(km).toBeCloseTo(tree.km[target]!, 9);
}

describe('findShortestPaths', () => {
  it.each(SEEDS)(
    'matches Floyd–Warshall from a single source on random graph %i, with valid routes',
    (seed) => {
      const graph = makeRandomGraph(seed);
      const adjacency = adjacencyOf(graph);
      const reference = computeAllPairsMinutes(graph.codes, graph.edges, 'MOTORBIKE_DRY');
      const origin = seed % graph.codes.length;
      const tree = findShortestPaths(adjacency, { sources: [origin] });
      graph.codes.forEach((_, target) => {
        expect(tree.minutes[target]).toBe(reference[origin]![target]);
        if (reference[origin]![target] === Infinity) {
          expect(traceRoute(adjacency, tree, target)).toBeNull();
          expect(tree.nearestSource[target]).toBe(-1);
        } else {
          expectValidRoute(graph, adjacency, tree, target, [origin]);
        }
      });
    },
  );

  it.each(SEEDS)(
    'gives every node its nearest source, ties to the first listed, on random graph %i',
    (seed) => {
      const graph = makeRandomGraph(seed);
      const adjacency = adjacencyOf(graph);
      const reference = computeAllPairsMinutes(graph.codes, graph.edges, 'MOTORBIKE_DRY');
      const random = createSeededRandom(seed * 7919);
      const sources = Array.from({ length: pickInt(random, 1, 4) }, () =>
        pickInt(random, 0, graph.codes.length - 1),
      );
      const tree = findShortestPaths(adjacency, { sources });
      graph.codes.forEach((_, node) => {
        const best = Math.min(...sources.map((s) => reference[s]![node]!));
        expect(tree.minutes[node]).toBe(best);
        const expectedRank = best === Infinity ? -1 : sources.findIndex((s) => reference[s]![node] === best);
        expect(tree.nearestSource[node]).toBe(expectedRank);
        if (best < Infinity) expectValidRoute(graph, adjacency, tree, node, sources);
      });
    },
  );

  it.each(SEEDS)('stops at the cutoff without changing anything within it on random graph %i', (seed) => {
    const graph = makeRandomGraph(seed);
    const adjacency = adjacencyOf(graph);
    const reference = computeAllPairsMinutes(graph.codes, graph.edges, 'MOTORBIKE_DRY');
    const maxMinutes = seed % 25;
    const full = findShortestPaths(adjacency, { sources: [0] });
    const cut = findShortestPaths(adjacency, { sources: [0], maxMinutes });
    graph.codes.forEach((_, node) => {
      const within = reference[0]![node]! <= maxMinutes;
      expect(cut.minutes[node]).toBe(within ? reference[0]![node] : Infinity);
      expect(cut.predecessor[node]).toBe(within ? full.predecessor[node] : -1);
    });
  });

  it('returns the same tree whatever the order of the edges', () => {
    for (const seed of SEEDS.slice(0, 20)) {
      const graph = makeRandomGraph(seed);
      const shuffled = { ...graph, edges: shuffleSeeded(graph.edges, seed + 1) };
      const a = findShortestPaths(adjacencyOf(graph), { sources: [0] });
      const b = findShortestPaths(adjacencyOf(shuffled), { sources: [0] });
      expect(Array.from(b.predecessor)).toEqual(Array.from(a.predecessor));
      expect(Array.from(b.minutes)).toEqual(Array.from(a.minutes));
    }
  });

  it('breaks a tie between equal routes by the lower commune index, deterministically', () => {
    // A–B–D and A–C–D both take 10 minutes; B sorts before C, so B is settled first and claims D.
    const edges = [
      makeEdge('A', 'C', 5),
      makeEdge('C', 'D', 5),
      makeEdge('A', 'B', 5),
      makeEdge('B', 'D', 5),
    ];
    const adjacency = buildAdjacency({ edges, mode: 'WALK', season: 'DRY' });
    const tree = findShortestPaths(adjacency, { sources: [0] });
    expect(traceRoute(adjacency, tree, 3)).toEqual(['A', 'B', 'D']);
  });

  it('uses the minutes of the requested mode and season', () => {
    const edges = [makeEdge('A', 'B', 10, { overrides: { WALK_RAINY: 100 } }), makeEdge('B', 'C', 10)];
    const walkRainy = buildAdjacency({ edges, mode: 'WALK', season: 'RAINY' });
    const carDry = buildAdjacency({ edges, mode: 'CAR', season: 'DRY' });
    expect(findShortestPaths(walkRainy, { sources: [0] }).minutes[2]).toBe(110);
    expect(findShortestPaths(carDry, { sources: [0] }).minutes[2]).toBe(20);
  });

  it('rejects a negative cutoff and an out-of-range source', () => {
    const adjacency = buildAdjacency({ edges: [makeEdge('A', 'B', 1)], mode: 'CAR', season: 'DRY' });
    expect(() => findShortestPaths(adjacency, { sources: [0], maxMinutes: -1 })).toThrow(
      InvalidRoutingInputError,
    );
    expect(() => findShortestPaths(adjacency, { sources: [5] })).toThrow(InvalidRoutingInputError);
  });
});

describe('buildAdjacency', () => {
  it('keeps communes without edges as isolated nodes, sorted by code', () => {
    const adjacency = buildAdjacency({
      edges: [makeEdge('B', 'A', 3)],
      mode: 'CAR',
      season: 'DRY',
      communeCodes: ['Z', 'A'],
    });
    expect(adjacency.codes).toEqual(['A', 'B', 'Z']);
    expect(Array.from(adjacency.offsets)).toEqual([0, 1, 2, 2]);
    expect(findShortestPaths(adjacency, { sources: [0] }).minutes[2]).toBe(Infinity);
  });

  it('rejects an edge with negative or missing minutes', () => {
    const bad = makeEdge('A', 'B', 3, { overrides: { CAR_DRY: -1 } });
    expect(() => buildAdjacency({ edges: [bad], mode: 'CAR', season: 'DRY' })).toThrow(
      InvalidRoutingInputError,
    );
  });

  it('names an unknown commune in requireCommuneIndex', () => {
    const adjacency = buildAdjacency({ edges: [makeEdge('A', 'B', 3)], mode: 'CAR', season: 'DRY' });
    expect(requireCommuneIndex(adjacency, 'B')).toBe(1);
    expect(() => requireCommuneIndex(adjacency, 'Q', 'origin commune')).toThrow(
      new UnknownCommuneError('Q', 'origin commune'),
    );
    expect(new UnknownCommuneError('Q')).toMatchObject({
      code: 'BAD_USER_INPUT',
      name: 'UnknownCommuneError',
      message: 'Unknown commune code: Q',
    });
    expect(new InvalidRoutingInputError('x')).toMatchObject({
      code: 'BAD_USER_INPUT',
      name: 'InvalidRoutingInputError',
    });
  });
});
