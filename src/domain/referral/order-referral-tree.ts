import { parseInstant } from './measure-elapsed';

/** The fields the ordering reads: identity, parent link and creation time. */
export interface TreeReferral {
  id: string;
  parentId?: string | null;
  createdAt: string;
}

/** A referral in trace order with its depth and a link to its parent's node. */
export interface TreeNode<T extends TreeReferral> {
  referral: T;
  /** The parent the trace used: null for a root, a missing parent, or the point where a cycle was cut. */
  parentId: string | null;
  depth: number;
  /** The parent's node: walking up a branch needs no copied ancestor lists, so long chains stay cheap. */
  parent: TreeNode<T> | null;
}

/** The ordered nodes plus what the ordering had to repair in the parent links. */
export interface ReferralTree<T extends TreeReferral> {
  nodes: TreeNode<T>[];
  /** Each cycle of parent links, listed child → parent from the referral where the trace cut it. */
  cycles: string[][];
  /** Referral id → the parent id it names that is not among the referrals. */
  missingParents: Map<string, string>;
}

/**
 * Flattens referrals into a tree walk (parents before children, siblings by createdAt then id). Cycles in
 * parent links are cut at their earliest referral, so every referral appears exactly once and the walk ends.
 */
export function orderReferralTree<T extends TreeReferral>(referrals: readonly T[]): ReferralTree<T> {
  const createdMs = new Map(referrals.map((r) => [r.id, parseInstant(r.createdAt, `createdAt of ${r.id}`)]));
  const byAge = (a: T, b: T) =>
    createdMs.get(a.id)! - createdMs.get(b.id)! || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const sorted = [...referrals].sort(byAge);
  const byId = new Map(sorted.map((r) => [r.id, r]));
  const missingParents = new Map<string, string>();
  const parentOf = new Map<string, string | null>();
  for (const r of sorted) {
    const named = r.parentId ?? null;
    if (named !== null && !byId.has(named)) missingParents.set(r.id, named);
    parentOf.set(r.id, named !== null && byId.has(named) ? named : null);
  }
  const cycles = cutParentCycles(sorted, parentOf);
  const children = new Map<string | null, T[]>();
  for (const r of sorted) {
    const parent = parentOf.get(r.id)!;
    const siblings = children.get(parent);
    if (siblings) siblings.push(r);
    else children.set(parent, [r]);
  }
  const nodes: TreeNode<T>[] = [];
  // An explicit stack, not recursion: a long chain imported from another system must not blow the stack.
  const stack = (children.get(null) ?? []).map((r) => ({ r, parent: null as TreeNode<T> | null })).reverse();
  while (stack.length > 0) {
    const { r, parent } = stack.pop()!;
    const node = { referral: r, parentId: parentOf.get(r.id)!, depth: parent ? parent.depth + 1 : 0, parent };
    nodes.push(node);
    for (const child of [...(children.get(r.id) ?? [])].reverse()) stack.push({ r: child, parent: node });
  }
  return { nodes, cycles, missingParents };
}

/** Finds and cuts each cycle in the parent links (each node has at most one parent); returns them. */
function cutParentCycles<T extends TreeReferral>(sorted: readonly T[], parentOf: Map<string, string | null>) {
  const cycles: string[][] = [];
  const state = new Map<string, 'ON_PATH' | 'DONE'>();
  for (const start of sorted) {
    const path: string[] = [];
    let id: string | null = start.id;
    while (id !== null && !state.has(id)) {
      state.set(id, 'ON_PATH');
      path.push(id);
      id = parentOf.get(id)!;
    }
    if (id !== null && state.get(id) === 'ON_PATH') {
      const members = path.slice(path.indexOf(id));
      // `sorted` is oldest first, so the first member found there is the cycle's earliest referral.
      const cut = sorted.find((r) => members.includes(r.id))!.id;
      parentOf.set(cut, null);
      const at = members.indexOf(cut);
      cycles.push([...members.slice(at), ...members.slice(0, at)]);
    }
    for (const visited of path) state.set(visited, 'DONE');
  }
  return cycles;
}
