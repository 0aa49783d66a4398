/**
 * Cases, consents, referrals, their events and the audit trail. `Case` is a reserved word in
 * Grafeo's parser, so the label is always back-quoted; no property or parameter is named `case`.
 * Writes start with `WITH $row AS row`: Grafeo plans `MATCH (x {id: $row.id})` as a label scan (7 ms over
 * 40,000 referrals, growing with the data) but `MATCH (x {id: row.id})` after the WITH as an index lookup.
 */

export const CREATE_CASE = `
WITH $row AS row
MATCH (c:Commune {code: row.communeCode})
CREATE (k:\`Case\` {id: row.id})
SET k += row
MERGE (k)-[:LIVES_IN]->(c)
RETURN k.id AS id`;

export const CASES_BY_ID = `MATCH (k:\`Case\`) WHERE k.id IN $keys RETURN k{.*} AS k`;

/** Cases visible in a scope: an organisation, a province, or all (admins); newest first. */
export const CASES_PAGE = `
MATCH (k:\`Case\`)
WHERE ($organizationId IS NULL OR k.organizationId = $organizationId)
  AND ($provinceCode IS NULL OR k.provinceCode = $provinceCode)
  AND ($after IS NULL OR k.id > $after)
RETURN k{.*} AS k ORDER BY k.id LIMIT $limit`;

export const CASES_COUNT = `
MATCH (k:\`Case\`)
WHERE ($organizationId IS NULL OR k.organizationId = $organizationId)
  AND ($provinceCode IS NULL OR k.provinceCode = $provinceCode)
RETURN count(k) AS n`;

export const CREATE_CONSENT = `
WITH $row AS row
MATCH (k:\`Case\` {id: row.caseId})
CREATE (c:Consent {id: row.id})
SET c += row
MERGE (c)-[:GIVEN_FOR]->(k)
RETURN c.id AS id`;

export const WITHDRAW_CONSENT = `
MATCH (c:Consent {id: $id}) WHERE c.withdrawnAt IS NULL
SET c.withdrawnAt = $at
RETURN c{.*} AS c`;

export const CONSENTS_BY_CASE = `
MATCH (c:Consent) WHERE c.caseId IN $keys
RETURN c{.*} AS c ORDER BY c.grantedAt, c.id`;

/**
 * Inside a unit of work: the case's consents, read under their write locks. A SET takes Neo4j's write
 * lock on the node (the REMOVE leaves it unchanged), so a withdrawal of one of them waits until this
 * transaction ends, and this read waits for a withdrawal already under way: a referral decided on these
 * rows cannot commit after a withdrawal of its consent did. Locked in id order, so two such
 * transactions on one case queue rather than deadlock. (Grafeo: writes are serialised anyway.)
 */
export const LOCK_CONSENTS_BY_CASE = `
MATCH (c:Consent) WHERE c.caseId = $caseId
WITH c ORDER BY c.id
SET c._lock = true
REMOVE c._lock
RETURN c{.*} AS c ORDER BY c.grantedAt, c.id`;

export const CREATE_REFERRAL = `
WITH $row AS row
MATCH (k:\`Case\` {id: row.caseId})
MATCH (src:Facility {id: row.fromFacilityId})
MATCH (dst:Facility {id: row.toFacilityId})
CREATE (r:Referral {id: row.id})
SET r += row
MERGE (r)-[:FOR_CASE]->(k)
MERGE (r)-[:FROM]->(src)
MERGE (r)-[:TO]->(dst)
RETURN r.id AS id`;

export const LINK_ONWARD = `
MATCH (r:Referral {id: $id})
MATCH (p:Referral {id: $parentId})
MERGE (r)-[:ONWARD_OF]->(p)`;

/** Optimistic concurrency: the update applies only if nobody changed the referral since it was read. */
export const UPDATE_REFERRAL = `
WITH $row AS row
MATCH (r:Referral {id: row.id}) WHERE r.version = $expectedVersion
SET r += row
RETURN r.id AS id`;

export const REFERRALS_BY_ID = `MATCH (r:Referral) WHERE r.id IN $keys RETURN r{.*} AS r`;

export const REFERRALS_BY_CASE = `
MATCH (r:Referral) WHERE r.caseId IN $keys
RETURN r{.*} AS r ORDER BY r.createdAt, r.id`;

export const REFERRALS_PAGE = `
MATCH (r:Referral)
WHERE ($toFacilityId IS NULL OR r.toFacilityId = $toFacilityId)
  AND ($status IS NULL OR r.status = $status)
  AND ($caseOrganizationId IS NULL OR EXISTS {
    MATCH (r)-[:FOR_CASE]->(k:\`Case\`) WHERE k.organizationId = $caseOrganizationId })
  AND ($caseProvinceCode IS NULL OR EXISTS {
    MATCH (r)-[:FOR_CASE]->(k:\`Case\`) WHERE k.provinceCode = $caseProvinceCode })
  AND ($after IS NULL OR r.id > $after)
RETURN r{.*} AS r ORDER BY r.id LIMIT $limit`;

export const REFERRALS_COUNT = `
MATCH (r:Referral)
WHERE ($toFacilityId IS NULL OR r.toFacilityId = $toFacilityId)
  AND ($status IS NULL OR r.status = $status)
  AND ($caseOrganizationId IS NULL OR EXISTS {
    MATCH (r)-[:FOR_CASE]->(k:\`Case\`) WHERE k.organizationId = $caseOrganizationId })
  AND ($caseProvinceCode IS NULL OR EXISTS {
    MATCH (r)-[:FOR_CASE]->(k:\`Case\`) WHERE k.provinceCode = $caseProvinceCode })
RETURN count(r) AS n`;

export const CREATE_REFERRAL_EVENT = `
WITH $row AS row
MATCH (r:Referral {id: row.referralId})
CREATE (e:ReferralEvent {id: row.id})
SET e += row
MERGE (e)-[:OF]->(r)
RETURN e.id AS id`;

export const EVENTS_BY_REFERRAL = `
MATCH (e:ReferralEvent) WHERE e.referralId IN $keys
RETURN e{.*} AS e ORDER BY e.at, e.id`;

export const APPEND_AUDIT = `
CREATE (a:AuditEvent {id: $row.id})
SET a += $row
RETURN a.id AS id`;

export const AUDIT_BY_CASE = `
MATCH (a:AuditEvent {caseId: $caseId})
RETURN a{.*} AS a ORDER BY a.at, a.id LIMIT $limit`;

/**
 * When each viewer last opened each referral's outcome: the OUTCOME_SEEN reads of the audit trail (the
 * audit already records every read of case data, so "seen" needs no second copy). Anchored on caseId,
 * which is indexed.
 */
export const OUTCOMES_SEEN = `
MATCH (a:AuditEvent)
WHERE a.caseId IN $caseIds AND a.actor = $actor AND a.purpose = 'OUTCOME_SEEN'
RETURN a.caseId AS caseId, a.entityId AS referralId, max(a.at) AS at`;

/** A case of one organisation with this label (labels are unique within an organisation). */
export const CASE_BY_LABEL = `
MATCH (k:\`Case\` {organizationId: $organizationId, label: $label})
RETURN k.id AS id LIMIT 1`;

/**
 * An idempotency key, created unless it exists; the stored node comes back either way. The unique key on
 * IdempotencyKey.id makes a concurrent MERGE of the same id wait for the first and then match it.
 */
export const CLAIM_IDEMPOTENCY_KEY = `
WITH $row AS row
MERGE (i:IdempotencyKey {id: row.id})
ON CREATE SET i += row
RETURN i{.*} AS i`;

export const IDEMPOTENCY_KEY = `MATCH (i:IdempotencyKey {id: $id}) RETURN i{.*} AS i`;
