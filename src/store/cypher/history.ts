/**
 * Bulk writes of generated case history (the port's HistoryBulkLoad, used by tools/generate): the same nodes, properties and relationships the services write
 * one at a time (src/store/cypher/cases.ts), as `UNWIND $rows` batches. The rows are new, so relationships
 * are CREATEd rather than MERGEd; every statement returns how many rows it wrote, so a row whose case,
 * commune or facility is missing fails the batch instead of vanishing. Portable: runs on Grafeo and Neo4j 5.
 */

export const LOAD_CASES = `
UNWIND $rows AS r
MATCH (c:Commune {code: r.communeCode})
CREATE (k:\`Case\` {id: r.id})
SET k += r
CREATE (k)-[:LIVES_IN]->(c)
RETURN count(k) AS n`;

export const LOAD_CONSENTS = `
UNWIND $rows AS r
MATCH (k:\`Case\` {id: r.caseId})
CREATE (c:Consent {id: r.id})
SET c += r
CREATE (c)-[:GIVEN_FOR]->(k)
RETURN count(c) AS n`;

export const LOAD_REFERRALS = `
UNWIND $rows AS r
MATCH (k:\`Case\` {id: r.caseId})
MATCH (src:Facility {id: r.fromFacilityId})
MATCH (dst:Facility {id: r.toFacilityId})
CREATE (x:Referral {id: r.id})
SET x += r
CREATE (x)-[:FOR_CASE]->(k)
CREATE (x)-[:FROM]->(src)
CREATE (x)-[:TO]->(dst)
RETURN count(x) AS n`;

/** Runs after LOAD_REFERRALS in the same transaction: parents come first in the file, or earlier in the batch. */
export const LINK_ONWARD_REFERRALS = `
UNWIND $rows AS r
MATCH (x:Referral {id: r.id})
MATCH (p:Referral {id: r.parentId})
CREATE (x)-[:ONWARD_OF]->(p)
RETURN count(x) AS n`;

export const LOAD_REFERRAL_EVENTS = `
UNWIND $rows AS r
MATCH (x:Referral {id: r.referralId})
CREATE (e:ReferralEvent {id: r.id})
SET e += r
CREATE (e)-[:OF]->(x)
RETURN count(e) AS n`;
