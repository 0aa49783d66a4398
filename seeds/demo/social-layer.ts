/**
 * Social sector of the demo layer: a child-protection point per commune (the commune officer and village
 * collaborators), the provincial Social Work Centre, social assistance facilities of the Decree 103/2017 types
 * (children in special circumstances, people with disabilities, mental disorders) and the hotline 111 intake.
 */
import type { CommuneRecord } from '../../src/store/port';
import type { FacilityKind, FacilitySpec, ProvinceContext, ServiceSpec } from './facility-spec';
import { organizationIdFor, provinceLabel } from './facility-spec';
import { createRng } from './prng';

/** The id of a commune's child-protection point: `fac-<province>-cpp-<commune>`. */
export function childProtectionPointId(commune: CommuneRecord): string {
  return `fac-${commune.provinceCode}-cpp-${commune.code}`;
}

function childProtectionPoint(commune: CommuneRecord): FacilitySpec {
  const id = childProtectionPointId(commune);
  const rng = createRng(`services:${id}`);
  const services: ServiceSpec[] = ['SW.CASE', 'SA.ALLOW', 'AC.KIN'];
  if (rng.chance(0.3)) services.push('SCR.MH');
  if (rng.chance(0.2)) services.push('CNS.COUNSEL');
  return {
    id,
    name: `Điểm bảo vệ trẻ em ${commune.name}`,
    sector: 'SOCIAL',
    kind: 'COMMUNE_CHILD_PROTECTION_POINT',
    level: 'COMMUNE',
    provinceCode: commune.provinceCode,
    communeCode: commune.code,
    organizationId: organizationIdFor(commune.provinceCode, 'SOCIAL'),
    provenance: 'DEMO',
    source:
      'generated: commune child-protection officer and village collaborators (an officer per commune by law); point by convention (demo)',
    services,
  };
}

interface SocialPlan {
  kind: FacilityKind;
  slug: string;
  name: string;
  english: string;
  at: 'seat' | 'hub';
  services: ServiceSpec[];
}

export const SOCIAL_PLANS: readonly SocialPlan[] = [
  {
    kind: 'SOCIAL_WORK_CENTRE',
    slug: 'swc',
    name: 'Trung tâm Công tác xã hội',
    english: 'provincial Social Work Centre',
    at: 'seat',
    services: ['SCR.MH', 'CNS.COUNSEL', 'THR.PSY', 'SW.CASE', 'CP.EMERG', 'AC.KIN', 'AC.FOSTER', 'AC.ADOPT'],
  },
  {
    kind: 'SOCIAL_ASSISTANCE_CHILDREN',
    slug: 'sa-children',
    name: 'Cơ sở trợ giúp trẻ em',
    english: 'social assistance facility for children in special circumstances',
    at: 'hub',
    services: ['CP.EMERG', 'AC.RESID', 'AC.FOSTER', 'AC.ADOPT', 'CNS.COUNSEL', 'SW.CASE'],
  },
  {
    kind: 'SOCIAL_ASSISTANCE_DISABILITY',
    slug: 'sa-disability',
    name: 'Trung tâm Phục hồi chức năng và trợ giúp người khuyết tật',
    english: 'social assistance facility for people with disabilities',
    at: 'seat',
    services: ['AC.RESID', 'INT.EARLY', 'THR.PT', 'THR.OT', 'VOC.GUIDE'],
  },
  {
    kind: 'SOCIAL_ASSISTANCE_MENTAL',
    slug: 'sa-mental',
    name: 'Cơ sở Chăm sóc người tâm thần',
    english: 'social assistance facility for people with mental disorders',
    at: 'hub',
    services: [{ code: 'AC.RESID', minAgeMonths: 144 }, 'THR.PSY', 'THR.OT', 'SW.CASE'],
  },
];

/** Social specs for one province; `real` are the province's real facilities, which take precedence. */
export function socialLayer(ctx: ProvinceContext, real: readonly FacilitySpec[]): FacilitySpec[] {
  const realIds = new Set(real.map((f) => f.id));
  const realKinds = new Set(real.map((f) => f.kind));
  const seatTaken = real.some(
    (f) => f.sector === 'SOCIAL' && f.level === 'PROVINCIAL' && f.communeCode === ctx.seat.code,
  );
  const p = ctx.province.code;
  const out: FacilitySpec[] = [];
  for (const commune of ctx.communes) {
    if (!realIds.has(childProtectionPointId(commune))) out.push(childProtectionPoint(commune));
  }
  for (const plan of SOCIAL_PLANS) {
    if (realKinds.has(plan.kind)) continue;
    const commune = plan.at === 'hub' || seatTaken ? ctx.hub : ctx.seat;
    out.push({
      id: `fac-${p}-${plan.slug}`,
      name: `${plan.name} ${provinceLabel(ctx.province)}`,
      sector: 'SOCIAL',
      kind: plan.kind,
      level: 'PROVINCIAL',
      provinceCode: p,
      communeCode: commune.code,
      organizationId: organizationIdFor(p, 'SOCIAL'),
      provenance: 'DEMO',
      source: `generated: ${plan.english}; name by convention (demo)`,
      services: plan.services,
    });
  }
  out.push({
    id: `fac-${p}-hotline-111`,
    name: `Tổng đài quốc gia bảo vệ trẻ em 111 – đầu mối tiếp nhận ${provinceLabel(ctx.province)}`,
    sector: 'SOCIAL',
    kind: 'CHILD_HELPLINE',
    level: 'CENTRAL',
    provinceCode: p,
    communeCode: ctx.seat.code,
    organizationId: organizationIdFor(p, 'SOCIAL'),
    provenance: 'DEMO',
    source:
      'national child-protection hotline 111 (a real, free, 24-hour service); the provincial intake point and its placement are generated (demo)',
    services: [{ code: 'CP.HOTLINE', remote: true }],
  });
  return out;
}
