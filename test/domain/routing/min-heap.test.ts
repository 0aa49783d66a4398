import { MinHeap } from '../../../src/domain/routing/min-heap';
import { createSeededRandom, pickInt } from '../../fixtures/routing/seeded-random';

describe('MinHeap', () => {
  it('pops entries in (minutes, rank, node) order', () => {
    const random = createSeededRandom(42);
    const entries = Array.from(
      { length: 500 },
      () => [pickInt(random, 0, 30), pickInt(random, 0, 3), pickInt(random, 0, 99)] as const,
    );
    const heap = new MinHeap(4);
    for (const [m, r, n] of entries) heap.push(m, r, n);
    const popped: (readonly [number, number, number])[] = [];
    while (heap.size > 0) {
      popped.push([heap.topMinutes(), heap.topRank(), heap.topNode()]);
      heap.pop();
    }
    const expected = [...entries].sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
    expect(popped).toEqual(expected);
  });

  it('grows past its initial capacity without losing entries', () => {
    const heap = new MinHeap(1);
    [5, 3, 9, 1, 7].forEach((m, node) => heap.push(m, 0, node));
    const popped: number[] = [];
    while (heap.size > 0) {
      popped.push(heap.topMinutes());
      heap.pop();
    }
    expect(popped).toEqual([1, 3, 5, 7, 9]);
  });
});
