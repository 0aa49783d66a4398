/** Whether entry (m1, r1, n1) comes before (m2, r2, n2): by minutes, then rank, then node. */
function precedes(m1: number, r1: number, n1: number, m2: number, r2: number, n2: number): boolean {
  return m1 < m2 || (m1 === m2 && (r1 < r2 || (r1 === r2 && n1 < n2)));
}

/**
 * A binary min-heap of (minutes, rank, node) entries in typed arrays, ordered lexicographically so that
 * Dijkstra pops ties in a fixed order. It starts small and doubles when full, because a cut-off search
 * (the many local runs of suggestSites) touches only a few dozen nodes.
 */
export class MinHeap {
  private minutes: Float64Array;
  private ranks: Int32Array;
  private nodes: Int32Array;
  private count = 0;

  constructor(initialCapacity = 64) {
    const capacity = Math.max(1, initialCapacity);
    this.minutes = new Float64Array(capacity);
    this.ranks = new Int32Array(capacity);
    this.nodes = new Int32Array(capacity);
  }

  get size(): number {
    return this.count;
  }

  /** Minutes of the top entry. */
  topMinutes(): number {
    return this.minutes[0]!;
  }

  /** Rank of the top entry. */
  topRank(): number {
    return this.ranks[0]!;
  }

  /** Node of the top entry. */
  topNode(): number {
    return this.nodes[0]!;
  }

  /** Adds an entry. */
  push(m: number, r: number, n: number): void {
    if (this.count === this.nodes.length) this.grow();
    let at = this.count;
    this.count += 1;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (!precedes(m, r, n, this.minutes[parent]!, this.ranks[parent]!, this.nodes[parent]!)) break;
      this.copy(parent, at);
      at = parent;
    }
    this.set(at, m, r, n);
  }

  /** Removes the top entry (no-op when empty). */
  pop(): void {
    if (this.count === 0) return;
    this.count -= 1;
    const last = this.count;
    const m = this.minutes[last]!;
    const r = this.ranks[last]!;
    const n = this.nodes[last]!;
    let at = 0;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= this.count) break;
      const right = child + 1;
      if (right < this.count && this.isBefore(right, child)) child = right;
      if (!precedes(this.minutes[child]!, this.ranks[child]!, this.nodes[child]!, m, r, n)) break;
      this.copy(child, at);
      at = child;
    }
    this.set(at, m, r, n);
  }

  private grow(): void {
    const capacity = this.nodes.length * 2;
    const minutes = new Float64Array(capacity);
    const ranks = new Int32Array(capacity);
    const nodes = new Int32Array(capacity);
    minutes.set(this.minutes);
    ranks.set(this.ranks);
    nodes.set(this.nodes);
    [this.minutes, this.ranks, this.nodes] = [minutes, ranks, nodes];
  }

  private isBefore(a: number, b: number): boolean {
    return precedes(
      this.minutes[a]!,
      this.ranks[a]!,
      this.nodes[a]!,
      this.minutes[b]!,
      this.ranks[b]!,
      this.nodes[b]!,
    );
  }

  private copy(from: number, to: number): void {
    this.minutes[to] = this.minutes[from]!;
    this.ranks[to] = this.ranks[from]!;
    this.nodes[to] = this.nodes[from]!;
  }

  private set(at: number, m: number, r: number, n: number): void {
    this.minutes[at] = m;
    this.ranks[at] = r;
    this.nodes[at] = n;
  }
}
