/**
 * Health sector of the demo layer: a commune health station in every commune (they exist by law, so they are
 * REAL with conventional names), a regional health centre per cluster of ~9 communes, and the four provincial
 * hospitals a province is expected to have, each generated only where no real one is already seeded.
 */
import type { CommuneRecord } from '../../src/store/port';
import type { FacilityKind, FacilitySpec, ProvinceContext, ServiceSpec } from './facility-spec';
import { organizationIdFor, provinceLabel } from './facility-spec';
import { createRng } from './prng';
import { clusterSeat } from './cluster-communes';

export const CHS_SOURCE = 'one per commune by law; name by convention';

/** The id of a commune's health station: `fac-<province>-chs-<commune>`. */
export function healthStationId(commune: CommuneRecord): string {
  return `fac-${commune.provinceCode}-chs-${commune.code}`;
}

/** A commune health station: developmental screening everywhere, other screening where staff are trained. */
export function healthStationSpec(commune: CommuneRecord, extra: ServiceSpec[] = []): FacilitySpec {
  const id = healthStationId(commune);
  const rng = createRng(`services:${id}`);
  const services: ServiceSpec[] = ['SCR.DEV'];
  if (rng.chance(0.5)) services.push('SCR.MH');
  if (rng.chance(0.25)) services.push('SCR.ASD');
  if (rng.chance(0.2)) services.push('THR.PT');
  for (const s of extra) if (!services.includes(s)) services.push(s);
  return {
    id,
    name: `Trạm Y tế ${commune.name}`,
    sector: 'HEALTH',
    kind: 'COMMUNE_HEALTH_STATION',
    level: 'COMMUNE',
    provinceCode: commune.provinceCode,
    communeCode: commune.code,
    organizationId: organizationIdFor(commune.provinceCode, 'HEALTH'),
    provenance: 'REAL',
    source: CHS_SOURCE,
    services,
  };
}

function regionalCentreSpec(ctx: ProvinceContext, cluster: readonly CommuneRecord[]): FacilitySpec {
  const seat = clusterSeat(cluster);
  const id = `fac-${ctx.province.code}-rhc-${seat.code}`;
  const services: ServiceSpec[] = [
    'SCR.DEV',
    'SCR.ASD',
    'SCR.MH',
    'EXAM.GEN',
    'THR.PT',
    'CNS.COUNSEL',
    'SW.CASE',
  ];
  if (createRng(`services:${id}`).chance(0.5)) services.push('INT.EARLY');
  services.push({ code: 'TELE.CONSULT', remote: true });
  return {
    id,
    name: `Trung tâm Y tế khu vực ${seat.shortName}`,
    sector: 'HEALTH',
    kind: 'REGIONAL_HEALTH_CENTRE',
    level: 'REGIONAL',
    provinceCode: ctx.province.code,
    communeCode: seat.code,
    organizationId: organizationIdFor(ctx.province.code, 'HEALTH'),
    provenance: 'DEMO',
    source: `generated: regional health centre for ${cluster.length} neighbouring communes; name by convention (demo)`,
    services,
  };
}

interface HospitalPlan {
  kind: FacilityKind;
  slug: string;
  name: string;
  english: string;
  at: 'seat' | 'hub';
  services: ServiceSpec[];
}

const TELE: ServiceSpec = { code: 'TELE.CONSULT', remote: true };

/** The provincial hospitals generated when a province has no real one of the kind. */
export const HOSPITAL_PLANS: readonly HospitalPlan[] = [
  {
    kind: 'GENERAL_HOSPITAL',
    slug: 'general',
    name: 'Bệnh viện Đa khoa',
    english: 'general',
    at: 'seat',
    services: ['SCR.DEV', 'SCR.MH', 'EXAM.GEN', 'THR.PT', 'CNS.COUNSEL', 'SW.CASE', TELE],
  },
  {
    kind: 'OBSTETRICS_PAEDIATRICS_HOSPITAL',
    slug: 'obpaed',
    name: 'Bệnh viện Sản - Nhi',
    english: 'obstetrics–paediatrics',
    at: 'seat',
    services: [
      'SCR.DEV',
      'SCR.ASD',
      'DX.ASD',
      'EXAM.GEN',
      'INT.EARLY',
      'THR.PT',
      'THR.OT',
      'THR.SLT',
      'SW.CASE',
      TELE,
    ],
  },
  {
    kind: 'PSYCHIATRIC_HOSPITAL',
    slug: 'psych',
    name: 'Bệnh viện Tâm thần',
    english: 'psychiatric',
    at: 'hub',
    services: ['SCR.MH', 'DX.MH', 'DX.ASD', 'THR.PSY', 'CNS.COUNSEL', 'SW.CASE', TELE],
  },
  {
    kind: 'REHABILITATION_HOSPITAL',
    slug: 'rehab',
    name: 'Bệnh viện Phục hồi chức năng',
    english: 'rehabilitation',
    at: 'hub',
    services: ['INT.EARLY', 'THR.PT', 'THR.OT', 'THR.SLT', 'SW.CASE'],
  },
];

/** Health specs for one province; `real` are the province's real facilities, which take precedence. */
export function healthLayer(
  ctx: ProvinceContext,
  clusters: readonly CommuneRecord[][],
  real: readonly FacilitySpec[],
): FacilitySpec[] {
  const realIds = new Set(real.map((f) => f.id));
  const realKinds = new Set(real.map((f) => f.kind));
  const realRegional = new Set(
    real.filter((f) => f.kind === 'REGIONAL_HEALTH_CENTRE').map((f) => f.communeCode),
  );
  const out: FacilitySpec[] = [];
  for (const commune of ctx.communes) {
    if (!realIds.has(healthStationId(commune))) out.push(healthStationSpec(commune));
  }
  for (const cluster of clusters) {
    if (!cluster.some((c) => realRegional.has(c.code))) out.push(regionalCentreSpec(ctx, cluster));
  }
  for (const plan of HOSPITAL_PLANS) {
    if (realKinds.has(plan.kind)) continue;
    const commune = plan.at === 'seat' ? ctx.seat : ctx.hub;
    out.push({
      id: `fac-${ctx.province.code}-hosp-${plan.slug}`,
      name: `${plan.name} ${provinceLabel(ctx.province)}`,
      sector: 'HEALTH',
      kind: plan.kind,
      level: 'PROVINCIAL',
      provinceCode: ctx.province.code,
      communeCode: commune.code,
      organizationId: organizationIdFor(ctx.province.code, 'HEALTH'),
      provenance: 'DEMO',
      source: `generated: provincial ${plan.english} hospital; name by convention (demo)`,
      services: plan.services,
    });
  }
  return out;
}
