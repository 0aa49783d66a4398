/**
 * What every seed generator (real and demo) produces: a FacilitySpec, which materialize.ts turns into a
 * FacilityRecord and its OfferingRecords. Keeping one shape means real and demo facilities get the same
 * coordinates, languages and offering rules.
 */
import type { FacilityLevel, Sector } from '../../src/domain/model';
import type { CommuneRecord, ProvinceRecord } from '../../src/store/port';
import type { ServiceCode } from '../taxonomy';
import type { LanguageProfile } from './province-context';

/** Facility kinds used by the seeds (FacilityRecord.kind is free text; these are the values we write). */
export const FACILITY_KINDS = [
  'COMMUNE_HEALTH_STATION',
  'REGIONAL_HEALTH_CENTRE',
  'GENERAL_HOSPITAL',
  'PRIVATE_GENERAL_HOSPITAL',
  'OBSTETRICS_PAEDIATRICS_HOSPITAL',
  'PSYCHIATRIC_HOSPITAL',
  'REHABILITATION_HOSPITAL',
  'COMMUNE_CHILD_PROTECTION_POINT',
  'SOCIAL_WORK_CENTRE',
  'SOCIAL_ASSISTANCE_MULTI',
  'SOCIAL_ASSISTANCE_CHILDREN',
  'SOCIAL_ASSISTANCE_DISABILITY',
  'SOCIAL_ASSISTANCE_MENTAL',
  'CHILD_HELPLINE',
  'PRESCHOOL',
  'PRIMARY_LOWER_SECONDARY_SCHOOL',
  'UPPER_SECONDARY_SCHOOL',
  'INCLUSIVE_EDUCATION_CENTRE',
  'SPECIAL_SCHOOL',
  'VOCATIONAL_GUIDANCE_CENTRE',
] as const;
export type FacilityKind = (typeof FACILITY_KINDS)[number];

/** One service at a facility; fields left out take the service's defaults (service-profiles.ts). */
export interface OfferingSpec {
  code: ServiceCode;
  remote?: boolean;
  minAgeMonths?: number;
  maxAgeMonths?: number;
}
export type ServiceSpec = ServiceCode | OfferingSpec;

export interface FacilitySpec {
  id: string;
  name: string;
  sector: Sector;
  kind: FacilityKind;
  level: FacilityLevel;
  provinceCode: string;
  communeCode: string;
  organizationId: string | null;
  provenance: 'REAL' | 'DEMO';
  source: string;
  services: ServiceSpec[];
  /** Private facilities charge fees (cost text). */
  isPrivate?: boolean;
}

/** A seeded province as the generators see it. */
export interface ProvinceContext {
  province: ProvinceRecord;
  /** Sorted by code. */
  communes: CommuneRecord[];
  byCode: ReadonlyMap<string, CommuneRecord>;
  /** Commune of the provincial seat (political-administrative centre). */
  seat: CommuneRecord;
  /** A second town that hosts some provincial facilities (the former capital of a merged province). */
  hub: CommuneRecord;
  /** Minority languages drawn per commune and offered at provincial level. */
  languages: LanguageProfile;
}

/** The organization that groups a province's facilities of one sector. */
export function organizationIdFor(provinceCode: string, sector: Sector): string {
  return `org-${provinceCode}-${sector.toLowerCase()}`;
}

/** The province's name as written after "tỉnh" (e.g. "tỉnh Quảng Ninh", "thành phố Hải Phòng"). */
export function provinceLabel(province: ProvinceRecord): string {
  return province.type === 'thành phố' ? `thành phố ${province.name}` : `tỉnh ${province.name}`;
}
