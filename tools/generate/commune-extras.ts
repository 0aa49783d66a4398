/**
 * The national layer inside each commune. A 2025 commune merged about three former ones, and each former
 * commune kept its health station (now a branch point) and its schools, so counts follow the number of
 * predecessors: about 1.4 preschools, 1.2 primary and 0.9 lower-secondary schools per former commune
 * (national totals near 15,000, 13,000 and 10,000), plus upper-secondary schools and private paediatric
 * clinics, most of them in urban wards. Names reuse the former communes' names, as schools do.
 */
import type { CommuneRecord, LegacyCommuneRecord } from '../../src/store/port';
import type { ProvinceContext, ServiceSpec } from '../../seeds/demo/facility-spec';
import { organizationIdFor } from '../../seeds/demo/facility-spec';
import { createRng, type Rng } from '../../seeds/demo/prng';
import { MATERIALISED_AS, type NationalKind, type NationalSpec } from './national-kinds';

const PER_FORMER = { preschool: 1.37, primary: 1.18, lowerSecondary: 0.92 };

interface Plan {
  slug: string;
  kind: NationalKind | 'PRESCHOOL' | 'UPPER_SECONDARY_SCHOOL';
  name: string;
  sector: 'HEALTH' | 'EDUCATION';
  services: (rng: Rng) => ServiceSpec[];
  isPrivate?: boolean;
}

const maybe = (rng: Rng, p: number, s: ServiceSpec): ServiceSpec[] => (rng.chance(p) ? [s] : []);

const PLANS: Record<'branch' | 'pre' | 'pri' | 'lsec' | 'ups' | 'clinic', Plan> = {
  branch: {
    slug: 'chsb',
    kind: 'COMMUNE_HEALTH_STATION_BRANCH',
    name: 'Điểm Trạm Y tế',
    sector: 'HEALTH',
    services: (rng) => ['SCR.DEV', 'EXAM.GEN', ...maybe(rng, 0.3, 'THR.PT'), ...maybe(rng, 0.3, 'SCR.MH')],
  },
  pre: {
    slug: 'pre',
    kind: 'PRESCHOOL',
    name: 'Trường Mầm non',
    sector: 'EDUCATION',
    services: (rng) => [{ code: 'EDU.INCL', maxAgeMonths: 72 }, ...maybe(rng, 0.5, 'SCR.DEV')],
  },
  pri: {
    slug: 'pri',
    kind: 'PRIMARY_SCHOOL',
    name: 'Trường Tiểu học',
    sector: 'EDUCATION',
    services: (rng) => [
      { code: 'CNS.SCHOOL', minAgeMonths: 72, maxAgeMonths: 143 },
      { code: 'EDU.INCL', minAgeMonths: 72, maxAgeMonths: 143 },
      ...maybe(rng, 0.4, { code: 'SCR.MH', minAgeMonths: 72, maxAgeMonths: 143 }),
    ],
  },
  lsec: {
    slug: 'lsec',
    kind: 'LOWER_SECONDARY_SCHOOL',
    name: 'Trường THCS',
    sector: 'EDUCATION',
    services: (rng) => [
      { code: 'CNS.SCHOOL', minAgeMonths: 132, maxAgeMonths: 191 },
      { code: 'EDU.INCL', minAgeMonths: 132, maxAgeMonths: 191 },
      { code: 'VOC.GUIDE', minAgeMonths: 156, maxAgeMonths: 191 },
      ...maybe(rng, 0.3, { code: 'SCR.MH', minAgeMonths: 132, maxAgeMonths: 191 }),
    ],
  },
  ups: {
    slug: 'ups',
    kind: 'UPPER_SECONDARY_SCHOOL',
    name: 'Trường THPT',
    sector: 'EDUCATION',
    services: (rng) => [
      { code: 'CNS.SCHOOL', minAgeMonths: 180, maxAgeMonths: 216 },
      { code: 'EDU.INCL', minAgeMonths: 180, maxAgeMonths: 216 },
      { code: 'VOC.GUIDE', minAgeMonths: 180 },
      ...maybe(rng, 0.3, { code: 'SCR.MH', minAgeMonths: 180 }),
    ],
  },
  clinic: {
    slug: 'pcl',
    kind: 'PRIVATE_PAEDIATRIC_CLINIC',
    name: 'Phòng khám Nhi',
    sector: 'HEALTH',
    isPrivate: true,
    services: (rng) => [
      'EXAM.GEN',
      'SCR.DEV',
      ...maybe(rng, 0.4, 'THR.SLT'),
      ...maybe(rng, 0.35, 'SCR.ASD'),
      ...maybe(rng, 0.25, 'THR.OT'),
      ...maybe(rng, 0.25, 'THR.PSY'),
      ...maybe(rng, 0.15, 'DX.ASD'),
    ],
  },
};

/** A former commune's name without its type: "Xã Đông Xá" → "Đông Xá". */
export function formerShortName(name: string): string {
  return name.replace(/^(Phường|Xã|Thị trấn|Đặc khu)\s+/u, '');
}

function spec(
  ctx: ProvinceContext,
  commune: CommuneRecord,
  plan: Plan,
  n: number,
  label: string,
  seed: number,
): NationalSpec {
  const id = `fac-${ctx.province.code}-${plan.slug}-${commune.code}-${n}`;
  const kind = plan.kind;
  const national = kind !== 'PRESCHOOL' && kind !== 'UPPER_SECONDARY_SCHOOL';
  return {
    id,
    name: `${plan.name} ${label}`,
    sector: plan.sector,
    kind: national ? MATERIALISED_AS[kind] : kind,
    ...(national ? { storedKind: kind } : {}),
    level: 'COMMUNE',
    provinceCode: ctx.province.code,
    communeCode: commune.code,
    organizationId: plan.isPrivate ? null : organizationIdFor(ctx.province.code, plan.sector),
    provenance: 'DEMO',
    source: `generated: national layer, seed ${seed}; name by convention (demo)`,
    services: plan.services(createRng(`${seed}:services:${id}`)),
    ...(plan.isPrivate ? { isPrivate: true } : {}),
  };
}

/** Commune-level facilities of the national layer for one province (base ids are never reused). */
export function communeExtras(input: {
  ctx: ProvinceContext;
  predecessors: ReadonlyMap<string, readonly LegacyCommuneRecord[]>;
  baseIds: ReadonlySet<string>;
  seed: number;
}): NationalSpec[] {
  const { ctx, predecessors, baseIds, seed } = input;
  const out: NationalSpec[] = [];
  for (const commune of ctx.communes) {
    const rng = createRng(`${seed}:extras:${commune.code}`);
    const former = (predecessors.get(commune.code) ?? []).map((l) => formerShortName(l.name));
    const names = former.length > 0 ? former : [commune.shortName];
    const label = (i: number) => {
      const base = names[i % names.length]!;
      const round = Math.floor(i / names.length);
      return round === 0 ? base : `${base} số ${round + 1}`;
    };
    const count = (perFormer: number) => Math.floor(perFormer * names.length + rng.next());
    const add = (plan: Plan, total: number, baseSlug: string | null) => {
      const hasBase =
        baseSlug !== null && baseIds.has(`fac-${ctx.province.code}-${baseSlug}-${commune.code}`);
      for (let i = hasBase ? 1 : 0; i < total; i += 1) out.push(spec(ctx, commune, plan, i, label(i), seed));
    };
    add(PLANS.branch, names.length, 'chs');
    add(PLANS.pre, count(PER_FORMER.preschool), 'pre');
    add(PLANS.pri, count(PER_FORMER.primary), 'sch');
    add(PLANS.lsec, count(PER_FORMER.lowerSecondary), null);
    const urban = commune.type === 'phường';
    add(PLANS.ups, urban ? 1 + (rng.chance(0.5) ? 1 : 0) : rng.chance(0.3) ? 1 : 0, null);
    add(PLANS.clinic, urban ? rng.int(1, 5) : rng.chance(0.25) ? 1 : 0, null);
  }
  return out;
}
