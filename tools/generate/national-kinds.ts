/**
 * The national layer adds facility kinds the three-province demo does not have. Seed specs carry a closed
 * kind union (seeds/demo/facility-spec.ts), so a national spec names the demo kind it is materialised as
 * (same languages, capacity and offering rules) and the record then takes its own kind.
 */
import type { FacilityRecord, OfferingRecord } from '../../src/store/port';
import type { FacilityKind, FacilitySpec, ProvinceContext } from '../../seeds/demo/facility-spec';
import { toFacilityRecord, toOfferingRecords } from '../../seeds/demo/materialize';

export const NATIONAL_KINDS = [
  'COMMUNE_HEALTH_STATION_BRANCH',
  'PRIMARY_SCHOOL',
  'LOWER_SECONDARY_SCHOOL',
  'PRIVATE_PAEDIATRIC_CLINIC',
  'CHILDREN_HOSPITAL',
  'TRADITIONAL_MEDICINE_HOSPITAL',
  'EYE_HOSPITAL',
] as const;
export type NationalKind = (typeof NATIONAL_KINDS)[number];

/** A facility of the national layer: a seed spec plus, for a new kind, the kind stored on the record. */
export interface NationalSpec extends FacilitySpec {
  storedKind?: NationalKind;
}

/** Materialises a national spec exactly as the demo layer does, then stores its own kind. */
export function materializeNational(
  spec: NationalSpec,
  ctx: ProvinceContext,
): { facility: FacilityRecord; offerings: OfferingRecord[] } {
  const { storedKind, ...base } = spec;
  const facility = toFacilityRecord(base, ctx);
  return {
    facility: storedKind ? { ...facility, kind: storedKind } : facility,
    offerings: toOfferingRecords(base, ctx),
  };
}

/** The demo kind a new kind is materialised as. */
export const MATERIALISED_AS: Record<NationalKind, FacilityKind> = {
  COMMUNE_HEALTH_STATION_BRANCH: 'COMMUNE_HEALTH_STATION',
  PRIMARY_SCHOOL: 'PRIMARY_LOWER_SECONDARY_SCHOOL',
  LOWER_SECONDARY_SCHOOL: 'PRIMARY_LOWER_SECONDARY_SCHOOL',
  PRIVATE_PAEDIATRIC_CLINIC: 'PRIVATE_GENERAL_HOSPITAL',
  CHILDREN_HOSPITAL: 'OBSTETRICS_PAEDIATRICS_HOSPITAL',
  TRADITIONAL_MEDICINE_HOSPITAL: 'REHABILITATION_HOSPITAL',
  EYE_HOSPITAL: 'GENERAL_HOSPITAL',
};
