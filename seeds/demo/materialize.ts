/** Turns FacilitySpecs into store records: coordinates, languages, capacity, load, wait and schedule. */
import type { FacilityLevel } from '../../src/domain/model';
import type { FacilityRecord, OfferingRecord } from '../../src/store/port';
import { SEED_TIMESTAMP } from '../load-geography';
import { REMOTE_ONLY_SERVICES } from '../taxonomy';
import type { FacilitySpec, OfferingSpec, ProvinceContext, ServiceSpec } from './facility-spec';
import { createRng, hashString } from './prng';
import { communeLanguages, provincialLanguages } from './province-context';
import { costOf, SERVICE_PROFILES } from './service-profiles';

/** Capacity multiplier by level: a provincial hospital runs about five times a commune station's sessions. */
export const LEVEL_SCALE: Record<FacilityLevel, number> = {
  COMMUNE: 1,
  REGIONAL: 2.5,
  PROVINCIAL: 5,
  CENTRAL: 40,
};

/** Share of facilities that are full (every offering at or over capacity, long waits). */
export const FULL_SHARE = 0.12;

/** Max offset from the commune point in degrees (about 550 m), so facilities of one commune do not overlap. */
const MAX_OFFSET_DEG = 0.005;

function offset(key: string): number {
  return (hashString(key) / 4294967296 - 0.5) * 2 * MAX_OFFSET_DEG;
}

const round5 = (x: number) => Math.round(x * 1e5) / 1e5;

export function toFacilityRecord(spec: FacilitySpec, ctx: ProvinceContext): FacilityRecord {
  const commune = ctx.byCode.get(spec.communeCode);
  if (!commune)
    throw new Error(
      `Facility ${spec.id}: commune ${spec.communeCode} is not in province ${ctx.province.code}`,
    );
  const hasPoint = commune.lat != null && commune.lon != null;
  return {
    id: spec.id,
    name: spec.name,
    organizationId: spec.organizationId,
    sector: spec.sector,
    kind: spec.kind,
    level: spec.level,
    communeCode: commune.code,
    provinceCode: ctx.province.code,
    lat: hasPoint ? round5(commune.lat! + offset(`lat:${spec.id}`)) : null,
    lon: hasPoint ? round5(commune.lon! + offset(`lon:${spec.id}`)) : null,
    address: `${commune.name}, ${ctx.province.fullName}`,
    phone: null,
    email: null,
    identifiers: [],
    provenance: spec.provenance,
    source: spec.source,
    updatedAt: SEED_TIMESTAMP,
  };
}

/** Languages a facility works in: its commune's at commune level, the province's list above it. */
export function facilityLanguages(spec: FacilitySpec, ctx: ProvinceContext): string[] {
  if (spec.kind === 'CHILD_HELPLINE') return ['vie'];
  const commune = ctx.byCode.get(spec.communeCode)!;
  return spec.level === 'COMMUNE' ? communeLanguages(ctx, commune) : provincialLanguages(ctx, commune);
}

const asOffering = (s: ServiceSpec): OfferingSpec => (typeof s === 'string' ? { code: s } : s);

/** The stable id of an offering: `off-<facility id without "fac-">-<code>`, plus `-remote` for a remote twin. */
export function offeringIdFor(facilityId: string, s: OfferingSpec): string {
  const remote = s.remote === true && !REMOTE_ONLY_SERVICES.has(s.code) ? '-remote' : '';
  return `off-${facilityId.replace(/^fac-/, '')}-${s.code.toLowerCase().replace('.', '-')}${remote}`;
}

export function toOfferingRecords(spec: FacilitySpec, ctx: ProvinceContext): OfferingRecord[] {
  const languages = facilityLanguages(spec, ctx);
  const full = createRng(`load:${spec.id}`).chance(FULL_SHARE);
  return spec.services.map(asOffering).map((s) => {
    const id = offeringIdFor(spec.id, s);
    const profile = SERVICE_PROFILES[s.code];
    const remote = s.remote ?? REMOTE_ONLY_SERVICES.has(s.code);
    const rng = createRng(`offering:${id}`);
    const capacity = Math.max(
      1,
      Math.round(profile.capacity * LEVEL_SCALE[spec.level] * (0.7 + 0.6 * rng.next())),
    );
    const ratio = full ? 1 + rng.next() * 0.2 : 0.2 + rng.next() * 0.75;
    const waitDays = remote
      ? rng.int(0, 3)
      : profile.baseWaitDays + (full ? rng.int(14, 45) : Math.round(ratio * 7));
    return {
      id,
      facilityId: spec.id,
      serviceCode: s.code,
      minAgeMonths: s.minAgeMonths ?? profile.minAgeMonths,
      maxAgeMonths: s.maxAgeMonths ?? profile.maxAgeMonths,
      capacity,
      currentLoad: Math.round(capacity * ratio),
      waitDays,
      languages,
      schedule: rng.pick(profile.schedules),
      remote,
      cost: costOf(s.code, spec.sector, spec.isPrivate === true),
      updatedAt: SEED_TIMESTAMP,
    };
  });
}
