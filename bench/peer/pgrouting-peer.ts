/**
 * The peer's side: the exported tables loaded into PostgreSQL + pgRouting, and the nearest-provider question
 * as one prepared SQL statement per mode and season. The statement keeps the offerings a child of that age
 * may use (same service, in person, age range, a free place or unknown capacity: check-eligibility.ts),
 * asks pgRouting for the travel cost from the child's commune to their communes over the undirected edges,
 * counts a provider in the child's own commune at 0, adds the child's within-commune minutes, and returns
 * the `first` smallest totals. Two pgRouting calls are offered:
 * - `nearCost`: pgr_dijkstraNearCost with cap = first, which stops once `first` target communes are settled
 *   (the `first` nearest communes always hold the `first` nearest offerings), as our walk stops early;
 * - `allCost`: pgr_dijkstraCost one-to-many, which runs until every target commune is reached.
 */
import { Client } from 'pg';
import { TRAVEL_TIME_KEYS, type TravelTimeKey } from '../../src/domain/routing/travel-edge';
import type { PeerTables } from './peer-tables';

export type PeerVariant = 'nearCost' | 'allCost';

export interface PeerQuestion {
  communeId: number;
  serviceCode: string;
  childAgeMonths: number;
  first: number;
  travel: TravelTimeKey;
}

const column = (key: TravelTimeKey) => key.toLowerCase();
const minuteColumns = TRAVEL_TIME_KEYS.map((k) => `${column(k)} float8 NOT NULL`).join(', ');

const SCHEMA = `
CREATE EXTENSION IF NOT EXISTS pgrouting CASCADE; -- Debian's pgRouting requires PostGIS
CREATE TABLE peer_commune (id bigint PRIMARY KEY, code text NOT NULL, ${minuteColumns});
CREATE TABLE peer_edge (id bigint PRIMARY KEY, source bigint NOT NULL, target bigint NOT NULL, ${minuteColumns});
CREATE TABLE peer_provider (offering_id text PRIMARY KEY, commune_id bigint NOT NULL, service_code text NOT NULL,
  min_age_months float8, max_age_months float8, capacity float8, current_load float8, remote boolean NOT NULL);
`;

/** The statement text for one variant and travel key ($1 origin, $2 service, $3 age, $4 first). */
export function nearestSql(variant: PeerVariant, travel: TravelTimeKey): string {
  const col = column(travel);
  const edges = `'SELECT id, source, target, ${col} AS cost, ${col} AS reverse_cost FROM peer_edge'`;
  const targets = 'ARRAY(SELECT DISTINCT commune_id FROM eligible WHERE commune_id <> $1)';
  const call =
    variant === 'nearCost'
      ? `pgr_dijkstraNearCost(${edges}, $1::bigint, ${targets}, false, $4::bigint)`
      : `pgr_dijkstraCost(${edges}, $1::bigint, ${targets}, false)`;
  return `WITH eligible AS (
  SELECT commune_id FROM peer_provider
  WHERE service_code = $2 AND NOT remote
    AND (min_age_months IS NULL OR $3::float8 >= min_age_months)
    AND (max_age_months IS NULL OR $3::float8 <= max_age_months)
    AND (capacity IS NULL OR capacity - COALESCE(current_load, 0) > 0)
), reached AS (
  SELECT end_vid AS commune_id, agg_cost FROM ${call}
  UNION ALL SELECT $1::bigint, 0::float8
)
SELECT r.agg_cost + (SELECT ${col} FROM peer_commune WHERE id = $1) AS minutes
FROM eligible e JOIN reached r USING (commune_id)
ORDER BY minutes LIMIT $4`;
}

export class PgRoutingPeer {
  private constructor(
    private readonly client: Client,
    readonly pgroutingVersion: string,
    readonly variants: readonly PeerVariant[],
  ) {}

  /** Connects, creates the extension and the tables, loads them and analyses them. */
  static async open(input: { port: number; user: string; database: string; tables: PeerTables }) {
    const client = new Client({
      host: '127.0.0.1',
      port: input.port,
      user: input.user,
      database: input.database,
    });
    await client.connect();
    try {
      await client.query(SCHEMA);
      const { communes, edges, providers } = input.tables;
      const keys = TRAVEL_TIME_KEYS;
      const floats = keys.map((_, i) => `$${i + 3}::float8[]`).join(', ');
      await client.query(
        `INSERT INTO peer_commune SELECT * FROM unnest($1::bigint[], $2::text[], ${floats})`,
        [communes.id, communes.code, ...keys.map((k) => communes.within[k])],
      );
      const edgeFloats = keys.map((_, i) => `$${i + 4}::float8[]`).join(', ');
      await client.query(
        `INSERT INTO peer_edge SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], ${edgeFloats})`,
        [edges.id, edges.source, edges.target, ...keys.map((k) => edges.minutes[k])],
      );
      await client.query(
        `INSERT INTO peer_provider SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[], $4::float8[],
           $5::float8[], $6::float8[], $7::float8[], $8::boolean[])`,
        [
          providers.offeringId,
          providers.communeId,
          providers.serviceCode,
          providers.minAgeMonths,
          providers.maxAgeMonths,
          providers.capacity,
          providers.currentLoad,
          providers.remote,
        ],
      );
      await client.query('CREATE INDEX peer_provider_service ON peer_provider (service_code)');
      await client.query('ANALYZE');
      const version = (await client.query<{ v: string }>('SELECT pgr_version() AS v')).rows[0]!.v;
      // pgr_dijkstraNearCost arrived in pgRouting 3.3 (proposed); older ones get the one-to-many call only.
      const near = await client.query(`SELECT 1 FROM pg_proc WHERE proname = 'pgr_dijkstranearcost'`);
      const variants: PeerVariant[] = near.rowCount ? ['nearCost', 'allCost'] : ['allCost'];
      return new PgRoutingPeer(client, version, variants);
    } catch (err) {
      await client.end();
      throw err;
    }
  }

  /** The `first` smallest travel minutes to an eligible offering, ascending (a prepared statement per key). */
  async nearestMinutes(variant: PeerVariant, q: PeerQuestion): Promise<number[]> {
    const result = await this.client.query<{ minutes: number }>({
      name: `nearest_${variant}_${q.travel}`,
      text: nearestSql(variant, q.travel),
      values: [q.communeId, q.serviceCode, q.childAgeMonths, q.first],
    });
    return result.rows.map((r) => Number(r.minutes));
  }

  /**
   * pgRouting's fixed cost per call: the edges query read through SPI and the graph built, for a search
   * that ends at once (from one end of the first edge to the other).
   */
  async graphOnly(travel: TravelTimeKey): Promise<void> {
    const col = column(travel);
    await this.client.query({
      name: `graph_only_${travel}`,
      text: `SELECT agg_cost FROM pgr_dijkstraCost('SELECT id, source, target, ${col} AS cost, ${col} AS reverse_cost FROM peer_edge',
        (SELECT source FROM peer_edge ORDER BY id LIMIT 1), ARRAY(SELECT target FROM peer_edge ORDER BY id LIMIT 1), false)`,
    });
  }

  /** One round trip that does nothing: the floor of any answer over this connection. */
  async ping(): Promise<void> {
    await this.client.query({ name: 'ping', text: 'SELECT 1' });
  }

  /** The plan of one question, to show where PostgreSQL spends its time (and that JIT stays off). */
  async explain(variant: PeerVariant, q: PeerQuestion): Promise<string> {
    const sql = nearestSql(variant, q.travel)
      .replaceAll('$1', String(q.communeId))
      .replaceAll('$2', `'${q.serviceCode.replaceAll("'", "''")}'`)
      .replaceAll('$3', String(q.childAgeMonths))
      .replaceAll('$4', String(q.first));
    const rows = await this.client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, COSTS OFF) ${sql}`);
    return rows.rows.map((r) => r['QUERY PLAN']).join('\n');
  }

  async close(): Promise<void> {
    await this.client.end();
  }
}
