/**
 * Provincial facilities of the national layer: the specialised hospitals most provinces run (traditional
 * medicine, eye; a children's hospital where the population passes 1.5 million), private general hospitals
 * (about one per 250,000 people) and social assistance facilities (about one per 350,000), placed in the
 * most populous communes. National totals land near 1,000 hospitals and 450 social assistance facilities.
 */
import type { ProvinceContext, ServiceSpec } from '../../seeds/demo/facility-spec';
import { organizationIdFor, provinceLabel } from '../../seeds/demo/facility-spec';
import { createRng } from '../../seeds/demo/prng';
import type { NationalSpec } from './national-kinds';

const TELE: ServiceSpec = { code: 'TELE.CONSULT', remote: true };

const SPECIALISED = [
  {
    slug: 'children',
    storedKind: 'CHILDREN_HOSPITAL',
    kind: 'OBSTETRICS_PAEDIATRICS_HOSPITAL',
    name: 'Bệnh viện Nhi',
    minPopulation: 1_500_000,
    services: [
      'SCR.DEV',
      'SCR.ASD',
      'DX.ASD',
      'DX.MH',
      'EXAM.GEN',
      'INT.EARLY',
      'THR.SLT',
      'THR.OT',
      'THR.PSY',
      TELE,
    ],
  },
  {
    slug: 'tradmed',
    storedKind: 'TRADITIONAL_MEDICINE_HOSPITAL',
    kind: 'REHABILITATION_HOSPITAL',
    name: 'Bệnh viện Y dược cổ truyền',
    minPopulation: 0,
    services: ['EXAM.GEN', 'THR.PT', 'INT.EARLY'],
  },
  {
    slug: 'eye',
    storedKind: 'EYE_HOSPITAL',
    kind: 'GENERAL_HOSPITAL',
    name: 'Bệnh viện Mắt',
    minPopulation: 0,
    services: ['EXAM.GEN'],
  },
] as const;

const PRIVATE_HOSPITAL: ServiceSpec[] = ['SCR.DEV', 'SCR.ASD', 'THR.PT', 'THR.SLT', 'CNS.COUNSEL'];
const SOCIAL_KINDS = ['SOCIAL_ASSISTANCE_MULTI', 'SOCIAL_ASSISTANCE_CHILDREN'] as const;

/** Provincial and private facilities of the national layer for one province. */
export function provincialExtras(ctx: ProvinceContext, seed: number): NationalSpec[] {
  const p = ctx.province.code;
  const population = ctx.province.population ?? 0;
  const ranked = [...ctx.communes].sort(
    (a, b) => (b.population ?? 0) - (a.population ?? 0) || (a.code < b.code ? -1 : 1),
  );
  const at = (i: number) => ranked[i % ranked.length]!;
  const source = `generated: national layer, seed ${seed}; name by convention (demo)`;
  const out: NationalSpec[] = [];
  for (const plan of SPECIALISED) {
    if (population < plan.minPopulation) continue;
    out.push({
      id: `fac-${p}-hosp-${plan.slug}`,
      name: `${plan.name} ${provinceLabel(ctx.province)}`,
      sector: 'HEALTH',
      kind: plan.kind,
      storedKind: plan.storedKind,
      level: 'PROVINCIAL',
      provinceCode: p,
      communeCode: ctx.seat.code,
      organizationId: organizationIdFor(p, 'HEALTH'),
      provenance: 'DEMO',
      source,
      services: [...plan.services],
    });
  }
  const rng = createRng(`${seed}:provincial:${p}`);
  const hospitals = Math.max(1, Math.round(population / 250_000));
  for (let i = 0; i < hospitals; i += 1) {
    const commune = at(i);
    out.push({
      id: `fac-${p}-phosp-${i + 1}`,
      name: `Bệnh viện Đa khoa tư nhân ${commune.shortName}${i >= ranked.length ? ` ${i + 1}` : ''}`,
      sector: 'HEALTH',
      kind: 'PRIVATE_GENERAL_HOSPITAL',
      level: 'REGIONAL',
      provinceCode: p,
      communeCode: commune.code,
      organizationId: null,
      provenance: 'DEMO',
      source,
      services: ['EXAM.GEN', ...PRIVATE_HOSPITAL.filter(() => rng.chance(0.7))],
      isPrivate: true,
    });
  }
  const social = Math.max(2, Math.round(population / 350_000));
  for (let i = 0; i < social; i += 1) {
    const commune = at(i * 3 + 1);
    const kind = SOCIAL_KINDS[i % SOCIAL_KINDS.length]!;
    out.push({
      id: `fac-${p}-sa-${i + 1}`,
      name: `${kind === 'SOCIAL_ASSISTANCE_CHILDREN' ? 'Cơ sở trợ giúp trẻ em' : 'Cơ sở trợ giúp xã hội tổng hợp'} ${commune.shortName}`,
      sector: 'SOCIAL',
      kind,
      level: 'REGIONAL',
      provinceCode: p,
      communeCode: commune.code,
      organizationId: organizationIdFor(p, 'SOCIAL'),
      provenance: 'DEMO',
      source,
      services: ['AC.RESID', 'SW.CASE', 'CNS.COUNSEL', ...(rng.chance(0.5) ? (['AC.FOSTER'] as const) : [])],
    });
  }
  return out;
}
