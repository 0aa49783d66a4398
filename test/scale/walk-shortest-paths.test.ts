/** The lazy Dijkstra behind nearestProviders settles every node exactly as the full run labels it. */
import { buildAdjacency } from '../../src/domain/routing/adjacency';
import { findShortestPaths } from '../../src/domain/routing/shortest-paths';
import { walkShortestPaths } from '../../src/domain/routing/walk-shortest-paths';
import { roadToEdge } from '../../src/read-model/read-model';
import { buildDirectory } from '../../tools/generate/build-directory';

describe('walkShortestPaths', () => {
  it('settles nodes in order with the minutes, km and predecessor of findShortestPaths (Hà Nội, 126 communes)', () => {
    const directory = buildDirectory({ fraction: 0.01, seed: 1 });
    const adjacency = buildAdjacency({
      edges: directory.roads.map(roadToEdge),
      mode: 'MOTORBIKE',
      season: 'RAINY',
      communeCodes: directory.communes.map((c) => c.code),
    });
    for (let source = 0; source < adjacency.codes.length; source += 1) {
      const full = findShortestPaths(adjacency, { sources: [source] });
      const walk = walkShortestPaths(adjacency, source);
      let last = 0;
      let settled = 0;
      for (let u = walk.next(); u !== -1; u = walk.next()) {
        settled += 1;
        expect(walk.tree.minutes[u]).toBe(full.minutes[u]);
        expect(walk.tree.km[u]).toBe(full.km[u]);
        expect(walk.tree.predecessor[u]).toBe(full.predecessor[u]);
        expect(walk.tree.minutes[u]!).toBeGreaterThanOrEqual(last);
        last = walk.tree.minutes[u]!;
      }
      expect(settled).toBe([...full.minutes].filter((m) => m < Infinity).length);
      expect(walk.peekMinutes()).toBe(Infinity);
    }
  });
});
