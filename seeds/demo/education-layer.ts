/**
 * Education sector of the demo layer: preschools and primary/lower-secondary schools in most communes, an
 * upper-secondary school per regional cluster, and per province an inclusive-education support centre, a
 * special school and a vocational guidance centre.
 */
import type { CommuneRecord } from '../../src/store/port';
import type { FacilityKind, FacilitySpec, ProvinceContext, ServiceSpec } from './facility-spec';
import { organizationIdFor, provinceLabel } from './facility-spec';
import { clusterSeat } from './cluster-communes';
import { createRng } from './prng';

/** Shares of communes with a seeded preschool and primary/lower-secondary school (the seat and hub always). */
export const PRESCHOOL_SHARE = 0.8;
export const SCHOOL_SHARE = 0.7;

function school(
  ctx: ProvinceContext,
  commune: CommuneRecord,
  plan: { slug: string; kind: FacilityKind; name: string; english: string; level: 'COMMUNE' | 'REGIONAL' },
  services: ServiceSpec[],
): FacilitySpec {
  return {
    id: `fac-${ctx.province.code}-${plan.slug}-${commune.code}`,
    name: `${plan.name} ${commune.shortName}`,
    sector: 'EDUCATION',
    kind: plan.kind,
    level: plan.level,
    provinceCode: ctx.province.code,
    communeCode: commune.code,
    organizationId: organizationIdFor(ctx.province.code, 'EDUCATION'),
    provenance: 'DEMO',
    source: `generated: ${plan.english}; name by convention (demo)`,
    services,
  };
}

const PRESCHOOL = {
  slug: 'pre',
  kind: 'PRESCHOOL',
  name: 'Trường Mầm non',
  english: 'public preschool',
  level: 'COMMUNE',
} as const;
const SCHOOL = {
  slug: 'sch',
  kind: 'PRIMARY_LOWER_SECONDARY_SCHOOL',
  name: 'Trường Tiểu học và THCS',
  english: 'public primary and lower-secondary school',
  level: 'COMMUNE',
} as const;
const UPPER = {
  slug: 'ups',
  kind: 'UPPER_SECONDARY_SCHOOL',
  name: 'Trường THPT',
  english: 'public upper-secondary school',
  level: 'REGIONAL',
} as const;

interface ProvincialPlan {
  kind: FacilityKind;
  slug: string;
  name: string;
  english: string;
  at: 'seat' | 'hub';
  services: ServiceSpec[];
}

export const EDUCATION_PLANS: readonly ProvincialPlan[] = [
  {
    kind: 'INCLUSIVE_EDUCATION_CENTRE',
    slug: 'iec',
    name: 'Trung tâm Hỗ trợ phát triển giáo dục hòa nhập',
    english: 'inclusive-education support centre',
    at: 'seat',
    services: [{ code: 'SCR.ASD', maxAgeMonths: 72 }, 'INT.EARLY', 'EDU.INCL', 'THR.SLT'],
  },
  {
    kind: 'SPECIAL_SCHOOL',
    slug: 'spec',
    name: 'Trường Giáo dục chuyên biệt',
    english: 'special school',
    at: 'hub',
    services: ['EDU.SPEC', 'THR.SLT', 'VOC.GUIDE'],
  },
  {
    kind: 'VOCATIONAL_GUIDANCE_CENTRE',
    slug: 'voc',
    name: 'Trung tâm Hướng nghiệp và Giáo dục thường xuyên',
    english: 'vocational guidance centre',
    at: 'seat',
    services: ['VOC.GUIDE'],
  },
];

/** Education specs for one province. */
export function educationLayer(ctx: ProvinceContext, clusters: readonly CommuneRecord[][]): FacilitySpec[] {
  const out: FacilitySpec[] = [];
  const always = new Set([ctx.seat.code, ctx.hub.code]);
  for (const commune of ctx.communes) {
    const rng = createRng(`schools:${commune.code}`);
    const hasPreschool = rng.chance(PRESCHOOL_SHARE) || always.has(commune.code);
    const hasSchool = rng.chance(SCHOOL_SHARE) || always.has(commune.code);
    const screens = rng.chance(0.3);
    const guides = rng.chance(0.3);
    if (hasPreschool) {
      const services: ServiceSpec[] = [{ code: 'EDU.INCL', maxAgeMonths: 72 }];
      if (screens) services.push('SCR.DEV');
      out.push(school(ctx, commune, PRESCHOOL, services));
    }
    if (hasSchool) {
      const services: ServiceSpec[] = [
        { code: 'CNS.SCHOOL', minAgeMonths: 72, maxAgeMonths: 191 },
        { code: 'EDU.INCL', minAgeMonths: 72, maxAgeMonths: 191 },
      ];
      if (guides) services.push({ code: 'VOC.GUIDE', maxAgeMonths: 191 });
      out.push(school(ctx, commune, SCHOOL, services));
    }
  }
  for (const cluster of clusters) {
    out.push(
      school(ctx, clusterSeat(cluster), UPPER, [
        { code: 'CNS.SCHOOL', minAgeMonths: 180, maxAgeMonths: 216 },
        { code: 'EDU.INCL', minAgeMonths: 180, maxAgeMonths: 216 },
        { code: 'VOC.GUIDE', minAgeMonths: 180 },
      ]),
    );
  }
  for (const plan of EDUCATION_PLANS) {
    out.push({
      id: `fac-${ctx.province.code}-${plan.slug}`,
      name: `${plan.name} ${provinceLabel(ctx.province)}`,
      sector: 'EDUCATION',
      kind: plan.kind,
      level: 'PROVINCIAL',
      provinceCode: ctx.province.code,
      communeCode: (plan.at === 'seat' ? ctx.seat : ctx.hub).code,
      organizationId: organizationIdFor(ctx.province.code, 'EDUCATION'),
      provenance: 'DEMO',
      source: `generated: ${plan.english}; name by convention (demo)`,
      services: plan.services,
    });
  }
  return out;
}
