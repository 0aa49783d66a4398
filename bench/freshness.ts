/**
 * Freshness across servers: a write through server A (a new facility with an offering, a capacity
 * change, a referral) and the time from A's answer until server B answers with it, by polling B's
 * nearestProviders and coverage (a referral is not in either: it is read from the store, so B's
 * `referral(id)` is polled). Also read-your-writes: the same writes, read once through a server with
 * the bookmark A returned, and once without. Used by `npm run bench -- --freshness` and by
 * test/multi-server/two-servers.test.ts.
 */
import type { GraphqlClient } from './http-client';
import { percentile } from './stats';

export const BOOKMARK_HEADER = 'x-ketnoi-bookmark';

/** Where the probe writes and what it asks; every id it creates starts with `fresh-<run>-`. */
export interface FreshnessTarget {
  /** Origin of nearestProviders; the probe's facilities are placed in this commune. */
  communeCode: string;
  /** Province of the coverage report (the commune's). */
  provinceCode: string;
  serviceCode: string;
  childAgeMonths: number;
  /** An open case with consent that `caseworker` may refer from `fromFacilityId`. */
  referral: { caseId: string; fromFacilityId: string };
  tokens: { integrator: string; caseworker: string; planner: string };
}

export type WriteKind = 'facility' | 'capacity' | 'referral';

export interface FreshnessSample {
  kind: WriteKind;
  /** A's answer to the write (ms). */
  writeMs: number;
  /** A's answer → B's first answer showing it, per read; null when it did not show within the timeout. */
  nearestMs: number | null;
  coverageMs: number | null;
  referralMs: number | null;
}

const NEAREST = `query($i: NearestProvidersInput!) { nearestProviders(input: $i) {
  matches { facility { id } offering { id } availableCapacity } } }`;
const COVERAGE = `query($i: CoverageInput!) { coverage(input: $i) {
  providers { facility { id } offering { id } capacity } } }`;
const REFERRAL = `query($id: ID!) { referral(id: $id) { id } }`;
const IMPORT = `mutation($n: String!) { importDirectory(ndjson: $n) { committed problems { severity message } } }`;
const REFER = `mutation($i: CreateReferralInput!) { createReferral(input: $i) { id } }`;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Match {
  facility: { id: string };
  offering: { id: string };
  availableCapacity?: number | null;
  capacity?: number | null;
}
type Check = (m: Match) => boolean;

export class FreshnessProbe {
  private readonly run = `fresh-${Date.now().toString(36)}`;
  /** The facility and offering whose capacity the probe changes; created by prepare(). */
  readonly base = { facilityId: `${this.run}-base`, offeringId: `${this.run}-base-o` };

  constructor(
    private readonly target: FreshnessTarget,
    private readonly timeoutMs = 5_000,
  ) {}

  private location(id: string, name: string) {
    return {
      type: 'location',
      id,
      name,
      sector: 'HEALTH',
      kind: 'COMMUNE_HEALTH_STATION',
      commune_code: this.target.communeCode,
      source: 'freshness probe',
    };
  }

  private offering(id: string, facilityId: string, capacity: number) {
    return {
      type: 'service_at_location',
      id,
      service_code: this.target.serviceCode,
      location_id: facilityId,
      min_age_months: 0,
      max_age_months: 216,
      capacity,
      current_load: 0,
      wait_days: 1,
      languages: ['vie'],
      schedule: 'FREQ=WEEKLY;BYDAY=MO,WE,FR',
    };
  }

  private async importRows(client: GraphqlClient, rows: object[], headers: Record<string, string> = {}) {
    const ndjson = rows.map((r) => JSON.stringify(r)).join('\n');
    const { data, headers: answer } = await client.exchange<{
      importDirectory: { committed: boolean; problems: Array<{ severity: string; message: string }> };
    }>(IMPORT, { n: ndjson }, this.target.tokens.integrator, headers);
    if (!data.importDirectory.committed)
      throw new Error(`freshness import refused: ${JSON.stringify(data.importDirectory.problems)}`);
    return answer;
  }

  /** Creates the facility whose offering's capacity the probe changes (through `client`). */
  async prepare(client: GraphqlClient): Promise<void> {
    await this.importRows(client, [
      this.location(this.base.facilityId, 'Trạm thử độ tươi (gốc)'),
      this.offering(this.base.offeringId, this.base.facilityId, 100),
    ]);
  }

  private nearest(client: GraphqlClient, headers: Record<string, string> = {}) {
    const { communeCode, serviceCode, childAgeMonths } = this.target;
    return client
      .exchange<{
        nearestProviders: { matches: Match[] };
      }>(
        NEAREST,
        { i: { communeCode, serviceCode, childAgeMonths, first: 50 } },
        this.target.tokens.caseworker,
        headers,
      )
      .then((r) => r.data.nearestProviders.matches);
  }

  private coverage(client: GraphqlClient, headers: Record<string, string> = {}) {
    const { provinceCode, serviceCode } = this.target;
    return client
      .exchange<{
        coverage: { providers: Match[] };
      }>(COVERAGE, { i: { serviceCode, provinceCode, maxMinutes: 60 } }, this.target.tokens.planner, headers)
      .then((r) => r.data.coverage.providers);
  }

  private referral(client: GraphqlClient, id: string, headers: Record<string, string> = {}) {
    return client
      .exchange<{ referral: { id: string } | null }>(REFERRAL, { id }, this.target.tokens.caseworker, headers)
      .then((r) => r.data.referral !== null);
  }

  /** Polls `read` until it holds; ms from `since` to the answer that held, or null after the timeout. */
  private async until(since: number, read: () => Promise<boolean>): Promise<number | null> {
    while (performance.now() - since < this.timeoutMs) {
      if (await read()) return performance.now() - since;
      await sleep(5);
    }
    return null;
  }

  /** One write of `kind` through `a` (number `i` of the run); resolves when A answered. */
  private async write(
    a: GraphqlClient,
    kind: WriteKind,
    i: number,
  ): Promise<{ ack: number; writeMs: number; check: Check; referralId?: string; bookmark?: string }> {
    const started = performance.now();
    if (kind === 'referral') {
      const { data, headers } = await a.exchange<{ createReferral: { id: string } }>(
        REFER,
        {
          i: {
            caseId: this.target.referral.caseId,
            fromFacilityId: this.target.referral.fromFacilityId,
            toFacilityId: this.base.facilityId,
            serviceCode: this.target.serviceCode,
            reason: `Freshness probe ${i}`,
          },
        },
        this.target.tokens.caseworker,
      );
      const ack = performance.now();
      return {
        ack,
        writeMs: ack - started,
        check: () => false,
        referralId: data.createReferral.id,
        bookmark: headers[BOOKMARK_HEADER] as string | undefined,
      };
    }
    let check: Check;
    let headers;
    if (kind === 'facility') {
      const facilityId = `${this.run}-f${i}`;
      headers = await this.importRows(a, [
        this.location(facilityId, `Trạm thử độ tươi ${i}`),
        this.offering(`${facilityId}-o`, facilityId, 10),
      ]);
      check = (m) => m.facility.id === facilityId;
    } else {
      const capacity = 1000 + i;
      headers = await this.importRows(a, [
        this.offering(this.base.offeringId, this.base.facilityId, capacity),
      ]);
      check = (m) =>
        m.offering.id === this.base.offeringId && (m.availableCapacity ?? m.capacity) === capacity;
    }
    const ack = performance.now();
    return { ack, writeMs: ack - started, check, bookmark: headers[BOOKMARK_HEADER] as string | undefined };
  }

  /** `rounds` rounds of one write of each kind through `a`, each polled on `b` until it shows. */
  async measure(a: GraphqlClient, b: GraphqlClient, rounds: number): Promise<FreshnessSample[]> {
    const samples: FreshnessSample[] = [];
    for (let i = 0; i < rounds; i += 1) {
      for (const kind of ['facility', 'capacity', 'referral'] as const) {
        const w = await this.write(a, kind, i);
        if (kind === 'referral') {
          const referralMs = await this.until(w.ack, () => this.referral(b, w.referralId!));
          samples.push({ kind, writeMs: w.writeMs, nearestMs: null, coverageMs: null, referralMs });
          continue;
        }
        const [nearestMs, coverageMs] = await Promise.all([
          this.until(w.ack, async () => (await this.nearest(b)).some(w.check)),
          this.until(w.ack, async () => (await this.coverage(b)).some(w.check)),
        ]);
        samples.push({ kind, writeMs: w.writeMs, nearestMs, coverageMs, referralMs: null });
      }
      // A write that never showed is the answer already: stop rather than wait out every timeout.
      if (samples.some((s) => visibleMs(s) === null)) break;
    }
    return samples;
  }

  /**
   * Read-your-writes: each write through `a` is read at once through `b`, first without and then with
   * the bookmark A returned. With `b` polling seldom, the first read shows how stale `b` is and the
   * second whether the bookmark made `b` catch up.
   */
  async readYourWrites(a: GraphqlClient, b: GraphqlClient, rounds: number): Promise<BookmarkSample[]> {
    const samples: BookmarkSample[] = [];
    for (let i = 0; i < rounds; i += 1) {
      for (const kind of ['capacity', 'referral'] as const) {
        const w = await this.write(a, kind, 10_000 + i);
        const read = async (headers: Record<string, string>) =>
          kind === 'referral'
            ? this.referral(b, w.referralId!, headers)
            : (await this.nearest(b, headers)).some(w.check) &&
              (await this.coverage(b, headers)).some(w.check);
        const withoutBookmark = await read({});
        const started = performance.now();
        const withBookmark = w.bookmark ? await read({ [BOOKMARK_HEADER]: w.bookmark }) : false;
        samples.push({
          kind,
          hadBookmark: Boolean(w.bookmark),
          withoutBookmark,
          withBookmark,
          readMs: performance.now() - started,
        });
      }
    }
    return samples;
  }
}

export interface BookmarkSample {
  kind: 'capacity' | 'referral';
  /** A's answer carried a bookmark. */
  hadBookmark: boolean;
  /** The read without the bookmark already showed the write. */
  withoutBookmark: boolean;
  /** The read with the bookmark showed it. */
  withBookmark: boolean;
  /** Time of the bookmarked read(s) (ms). */
  readMs: number;
}

/** The later of a sample's reads: when the write showed everywhere it was looked for. */
export function visibleMs(s: FreshnessSample): number | null {
  const reads = s.kind === 'referral' ? [s.referralMs] : [s.nearestMs, s.coverageMs];
  return reads.some((r) => r === null) ? null : Math.max(...(reads as number[]));
}

export interface Percentiles {
  n: number;
  missing: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentiles of the values that are not null; `missing` counts the nulls. */
export function percentilesOf(values: ReadonlyArray<number | null>): Percentiles {
  const seen = values.filter((v): v is number => v !== null).sort((x, y) => x - y);
  const r = (x: number) => Math.round(x * 10) / 10;
  return {
    n: values.length,
    missing: values.length - seen.length,
    p50: r(percentile(seen, 0.5)),
    p95: r(percentile(seen, 0.95)),
    p99: r(percentile(seen, 0.99)),
    max: r(seen[seen.length - 1] ?? NaN),
  };
}

/** One line per kind and one for all: write-in-A → visible-in-B percentiles. */
export function freshnessLines(samples: readonly FreshnessSample[]): string[] {
  const line = (label: string, s: readonly FreshnessSample[]) => {
    const p = percentilesOf(s.map(visibleMs));
    const w = percentilesOf(s.map((x) => x.writeMs));
    const reads = (['nearestMs', 'coverageMs', 'referralMs'] as const)
      .map((k) => [k, percentilesOf(s.filter((x) => x[k] !== null).map((x) => x[k]))] as const)
      .filter(([, q]) => q.n > 0)
      .map(([k, q]) => `${k.replace('Ms', '')} p50 ${q.p50} p99 ${q.p99}`)
      .join(', ');
    return `freshness ${label}: visible in B p50 ${p.p50} p95 ${p.p95} p99 ${p.p99} max ${p.max} ms (n ${p.n}, not seen ${p.missing}; ${reads}); write in A p50 ${w.p50} p99 ${w.p99} ms`;
  };
  return [
    ...(['facility', 'capacity', 'referral'] as const).map((k) =>
      line(
        k,
        samples.filter((s) => s.kind === k),
      ),
    ),
    line('all', samples),
  ];
}
