/**
 * Keeps this process's read model fresh from writes made by other processes over the same store (several
 * Kết Nối servers over one Neo4j): polls the change feed, re-reads the facilities and offerings it names
 * and applies them; tombstones remove. Each poll looks back a window before its cursor, because a write's
 * updatedAt is taken before its commit: a slow transaction can commit a time the cursor already passed.
 * Re-applying a record is harmless (apply* replaces by id), so the overlap costs a re-read, not a mistake.
 * Communes, roads and service types are not in the feed: they change with a restart (docs/deploy.md).
 * Polls run one at a time; a request carrying a bookmark waits for a poll that starts after it arrived
 * and reads from that bookmark (catchUp), so it sees the write the bookmark names.
 */
import { runInCausalScope } from '../store/causal-scope';
import type { ChangeCursor, GraphStore } from '../store/port';
import type { ReadModel } from './read-model';

type FollowedStore = Pick<GraphStore, 'changesAfter' | 'facilitiesById' | 'offeringsById' | 'awaitBookmarks'>;

const PAGE = 1000;

export interface FollowerOptions {
  intervalMs: number;
  /** How far before the cursor each poll starts again (ms). */
  lookbackMs?: number;
  /** Where to start: changes after this instant (the read model was loaded from the store then). */
  from: string;
  onError?: (err: unknown) => void;
}

export class StoreFollower {
  private cursorAt: string;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private failing = false;
  /** The last poll queued (or running): the next one starts after it. */
  private tail: Promise<unknown> = Promise.resolve();
  /** A queued poll that has not started yet, with the bookmarks it will read from. */
  private queued: { bookmarks: Set<string>; done: Promise<number> } | null = null;
  /** Polls completed; tests and /ready-style probes read it. */
  polls = 0;

  constructor(
    private readonly store: FollowedStore,
    private readonly readModel: ReadModel,
    private readonly options: FollowerOptions,
  ) {
    this.cursorAt = options.from;
  }

  start(): void {
    if (this.timer) return;
    const tick = () => {
      this.running = this.queuePoll([])
        .then(() => {
          this.failing = false;
        })
        .catch((err: unknown) => {
          // Once per outage: a store that is away fails every poll until it is back.
          if (!this.failing) this.options.onError?.(err);
          this.failing = true;
        })
        .finally(() => {
          this.running = null;
          if (this.timer) this.timer = setTimeout(tick, this.options.intervalMs).unref();
        });
    };
    this.timer = setTimeout(tick, this.options.intervalMs).unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  /**
   * Resolves once a poll that started after this call, reading from these bookmarks (a write made
   * through another server), has applied its changes; callers that arrive together share one poll.
   */
  async catchUp(bookmarks: readonly string[] = []): Promise<number> {
    // Each caller's bookmarks are reached on their own first, so one this store never reaches (forged,
    // or of another database) holds up only its own request, not the poll every caller shares.
    if (bookmarks.length > 0) await this.store.awaitBookmarks(bookmarks);
    return this.queuePoll(bookmarks);
  }

  private queuePoll(bookmarks: readonly string[]): Promise<number> {
    if (!this.queued) {
      const slot = { bookmarks: new Set<string>(), done: Promise.resolve(0) };
      slot.done = this.tail
        .catch(() => undefined)
        .then(() => {
          // From here on, a new caller may have arrived after this poll's reads began: it queues the next.
          this.queued = null;
          return runInCausalScope([...slot.bookmarks], () => this.pollOnce());
        });
      this.queued = slot;
      this.tail = slot.done;
    }
    for (const b of bookmarks) this.queued.bookmarks.add(b);
    return this.queued.done;
  }

  /** One poll: everything changed since the cursor (less the look-back), applied; returns how many. */
  async pollOnce(): Promise<number> {
    const lookback = this.options.lookbackMs ?? 2_000;
    const startAt = new Date(Date.parse(this.cursorAt) - lookback).toISOString();
    let cursor: ChangeCursor = { at: startAt, entity: '', id: '' };
    let applied = 0;
    for (;;) {
      const changes = await this.store.changesAfter(cursor, startAt, PAGE);
      if (changes.length === 0) break;
      const facilities = new Set<string>();
      const offerings = new Set<string>();
      for (const c of changes) {
        if (c.kind === 'DELETED') {
          if (c.entity === 'Facility') this.readModel.removeFacility(c.id);
          if (c.entity === 'Offering') this.readModel.removeOffering(c.id);
        } else if (c.entity === 'Facility') facilities.add(c.id);
        else if (c.entity === 'Offering') offerings.add(c.id);
      }
      const [fs, os] = await Promise.all([
        this.store.facilitiesById([...facilities]),
        this.store.offeringsById([...offerings]),
      ]);
      const liveFacilities = fs.filter((f) => f !== null);
      if (liveFacilities.length > 0) this.readModel.applyFacilities(liveFacilities);
      const liveOfferings = os.filter((o) => o !== null);
      if (liveOfferings.length > 0) this.readModel.applyOfferings(liveOfferings);
      applied += changes.length;
      const last = changes[changes.length - 1]!;
      cursor = { at: last.at, entity: last.entity, id: last.id };
      if (last.at > this.cursorAt) this.cursorAt = last.at;
      if (changes.length < PAGE) break;
    }
    this.polls += 1;
    return applied;
  }
}
