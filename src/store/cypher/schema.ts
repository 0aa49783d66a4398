/**
 * DDL differs per store (measured, see docs/decisions.md): Grafeo's UNIQUE constraint has no backing
 * index, so every unique key also gets a plain index there; Neo4j refuses an index beside its
 * constraint's own. Keys and plain indexes are listed once and rendered per store.
 */
export const UNIQUE_KEYS: ReadonlyArray<readonly [label: string, property: string]> = [
  ['Province', 'code'],
  ['Commune', 'code'],
  ['LegacyCommune', 'key'],
  ['ServiceType', 'code'],
  ['Organization', 'id'],
  ['Facility', 'id'],
  ['Offering', 'id'],
  ['Identifier', 'key'],
  ['Case', 'id'],
  ['Consent', 'id'],
  ['Referral', 'id'],
  ['ReferralEvent', 'id'],
  ['AuditEvent', 'id'],
  ['Tombstone', 'id'],
  ['IdempotencyKey', 'id'],
];

export const PLAIN_INDEXES: ReadonlyArray<readonly [label: string, property: string]> = [
  ['Commune', 'provinceCode'],
  ['LegacyCommune', 'code'],
  ['LegacyCommune', 'successorCode'],
  ['Facility', 'communeCode'],
  ['Facility', 'provinceCode'],
  ['Offering', 'facilityId'],
  ['Offering', 'serviceCode'],
  ['Case', 'organizationId'],
  ['Consent', 'caseId'],
  ['Identifier', 'facilityId'],
  ['Referral', 'caseId'],
  ['Referral', 'toFacilityId'],
  ['ReferralEvent', 'referralId'],
  ['AuditEvent', 'caseId'],
];

const name = (label: string, property: string, suffix: string) =>
  `${label.toLowerCase()}_${property.toLowerCase()}_${suffix}`;

const constraint = (label: string, property: string) =>
  `CREATE CONSTRAINT ${name(label, property, 'unique')} IF NOT EXISTS FOR (n:\`${label}\`) REQUIRE n.${property} IS UNIQUE`;

const index = (label: string, property: string) =>
  `CREATE INDEX ${name(label, property, 'idx')} IF NOT EXISTS FOR (n:\`${label}\`) ON (n.${property})`;

/** Grafeo: each unique key needs its own index, or every insert scans the label. */
export const EMBEDDED_SCHEMA: readonly string[] = [
  ...UNIQUE_KEYS.flatMap(([l, p]) => [constraint(l, p), index(l, p)]),
  ...PLAIN_INDEXES.map(([l, p]) => index(l, p)),
];

/**
 * Neo4j only: range indexes behind the change feed's `updatedAt > $at` (and the tombstones'
 * `deletedAt`), which every server's read-model follower polls every 200 ms; without them each poll
 * scans 58,428 facilities and 148,244 offerings of the national set. Grafeo's hash indexes do not serve
 * ranges, and only one process follows an embedded store, so they are left out there.
 */
export const FEED_INDEXES: ReadonlyArray<readonly [label: string, property: string]> = [
  ['Facility', 'updatedAt'],
  ['Offering', 'updatedAt'],
  ['Organization', 'updatedAt'],
  ['Tombstone', 'deletedAt'],
];

/** Neo4j 5: the constraint owns its index. */
export const NEO4J_SCHEMA: readonly string[] = [
  ...UNIQUE_KEYS.map(([l, p]) => constraint(l, p)),
  ...PLAIN_INDEXES.map(([l, p]) => index(l, p)),
  ...FEED_INDEXES.map(([l, p]) => index(l, p)),
];
