/**
 * Real facilities named in the five seed documents (shared seeds 000-004), placed in their 2025 commune.
 * Where a document gives no ward, the facility sits in the commune of the provincial seat or the named town
 * and its source says "placement approximate". Offering details on them (capacity, wait, schedule) are demo
 * values generated like the rest (docs/data.md).
 */
import type { FacilityKind, FacilitySpec, ServiceSpec } from './demo/facility-spec';
import { organizationIdFor } from './demo/facility-spec';
import { CHS_SOURCE } from './demo/health-layer';

const S000 =
  'seed 000: Trung tâm Công tác xã hội tỉnh Quảng Ninh, 2018 (community mental-health model, 2016-2018)';
const S002 = 'seed 002: Báo Lao động & Xã hội, 2021 (Yên Bái social assistance programme 2021-2030)';
const S003 = 'seed 003: Sở Y tế Bắc Ninh, 2024 (social work in health units)';
const APPROX = 'placement approximate';

const TELE: ServiceSpec = { code: 'TELE.CONSULT', remote: true };
const REGIONAL_HEALTH: ServiceSpec[] = [
  'SCR.DEV',
  'SCR.ASD',
  'SCR.MH',
  'EXAM.GEN',
  'THR.PT',
  'CNS.COUNSEL',
  'SW.CASE',
  TELE,
];
/** The community mental-health model: collaborators screen (SCR.MH), the commune manages cases (SW.CASE). */
const PILOT_POINT: ServiceSpec[] = ['SCR.MH', 'SW.CASE', 'CNS.COUNSEL', 'AC.KIN', 'SA.ALLOW'];
const PILOT_STATION: ServiceSpec[] = ['SCR.DEV', 'SCR.MH'];

function real(
  id: string,
  name: string,
  kind: FacilityKind,
  where: { province: string; commune: string; level: FacilitySpec['level'] },
  source: string,
  services: ServiceSpec[],
  extra: Partial<FacilitySpec> = {},
): FacilitySpec {
  const sector = kind.startsWith('SOCIAL') || kind === 'COMMUNE_CHILD_PROTECTION_POINT' ? 'SOCIAL' : 'HEALTH';
  return {
    id,
    name,
    sector,
    kind,
    level: where.level,
    provinceCode: where.province,
    communeCode: where.commune,
    organizationId: organizationIdFor(where.province, sector),
    provenance: 'REAL',
    source,
    services,
    ...extra,
  };
}

const qn = (commune: string, level: FacilitySpec['level']) => ({ province: '22', commune, level });
const lc = (commune: string, level: FacilitySpec['level']) => ({ province: '15', commune, level });
const bn = (commune: string, level: FacilitySpec['level']) => ({ province: '24', commune, level });

/** The four pilot communes of seed 000 and the 2025 commune each now lies in. */
export const QUANG_NINH_PILOT_COMMUNES = [
  {
    oldCode: '06688',
    oldName: 'Phường Hồng Hải',
    newCode: '06688',
    slug: '06688',
    newName: 'Phường Hạ Long',
  },
  { oldCode: '06664', oldName: 'Phường Hà Tu', newCode: '06652', slug: '06652', newName: 'Phường Hà Tu' },
  {
    oldCode: '07015',
    oldName: 'Xã Đông Xá',
    newCode: '06994',
    slug: '06994-dong-xa',
    newName: 'Đặc khu Vân Đồn',
  },
  {
    oldCode: '07012',
    oldName: 'Xã Hạ Long',
    newCode: '06994',
    slug: '06994-ha-long',
    newName: 'Đặc khu Vân Đồn',
  },
] as const;

function pilotFacilities(): FacilitySpec[] {
  return QUANG_NINH_PILOT_COMMUNES.flatMap((p) => {
    const inZone = p.newCode === '06994';
    const former = `former ${p.oldName} (${p.oldCode}), now ${p.newName} (${p.newCode})`;
    const label = inZone ? `${p.newName} – điểm ${p.oldName.replace(/^Xã /, '')}` : p.newName;
    return [
      real(
        `fac-22-chs-${p.slug}`,
        `Trạm Y tế ${label}`,
        'COMMUNE_HEALTH_STATION',
        qn(p.newCode, 'COMMUNE'),
        inZone
          ? `${S000}: station of the pilot commune ${former}; ${APPROX} within the special zone`
          : `${CHS_SOURCE}; ${S000}: station of the pilot commune ${former}`,
        PILOT_STATION,
      ),
      real(
        `fac-22-cpp-${p.slug}`,
        `Điểm công tác xã hội – bảo vệ trẻ em ${inZone ? `${p.oldName.replace(/^Xã /, '')} (${p.newName})` : p.newName}`,
        'COMMUNE_CHILD_PROTECTION_POINT',
        qn(p.newCode, 'COMMUNE'),
        `${S000}: pilot commune ${former}; commune steering group and village social-work collaborators; ${APPROX}`,
        PILOT_POINT,
      ),
    ];
  });
}

/** All real facilities of the seed documents, in a fixed order. */
export function realFacilitySpecs(): FacilitySpec[] {
  return [
    real(
      'fac-22-swc',
      'Trung tâm Công tác xã hội tỉnh Quảng Ninh',
      'SOCIAL_WORK_CENTRE',
      qn('06688', 'PROVINCIAL'),
      `${S000}; also seed 002 (related article: autism screening and psychotherapy at the centre); ${APPROX} (provincial seat, Phường Hạ Long)`,
      [
        'SCR.MH',
        'SCR.ASD',
        'THR.PSY',
        'CNS.COUNSEL',
        'SW.CASE',
        'CP.EMERG',
        'AC.KIN',
        'AC.FOSTER',
        'AC.ADOPT',
      ],
    ),
    ...pilotFacilities(),
    real(
      'fac-15-sa-yen-bai',
      'Trung tâm Công tác xã hội và Bảo trợ xã hội tỉnh Yên Bái',
      'SOCIAL_ASSISTANCE_MULTI',
      lc('04252', 'PROVINCIAL'),
      `${S002}; Yên Bái merged into Lào Cai in 2025; ${APPROX} (former Yên Bái city, Phường Yên Bái)`,
      [
        'SCR.ASD',
        'SCR.MH',
        'INT.EARLY',
        'THR.PSY',
        'THR.PT',
        'THR.OT',
        'EDU.SPEC',
        'VOC.GUIDE',
        'CNS.COUNSEL',
        'SW.CASE',
        'AC.RESID',
        'CP.EMERG',
      ],
    ),
    real(
      'fac-24-hosp-general',
      'Bệnh viện Đa khoa tỉnh Bắc Ninh',
      'GENERAL_HOSPITAL',
      bn('09187', 'PROVINCIAL'),
      `${S003}: has a Social Work Department; telemedicine per seed 004; ${APPROX} (former Bắc Ninh city centre, Phường Kinh Bắc)`,
      ['SCR.DEV', 'SCR.MH', 'EXAM.GEN', 'THR.PT', 'CNS.COUNSEL', 'SW.CASE', TELE],
    ),
    real(
      'fac-24-hosp-obpaed',
      'Bệnh viện Sản - Nhi Bắc Ninh',
      'OBSTETRICS_PAEDIATRICS_HOSPITAL',
      bn('09187', 'PROVINCIAL'),
      `${S003}: has a Social Work Department; ${APPROX} (former Bắc Ninh city centre, Phường Kinh Bắc)`,
      [
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
    ),
    real(
      'fac-24-hosp-thien-nhan',
      'Bệnh viện đa khoa Thiện Nhân',
      'PRIVATE_GENERAL_HOSPITAL',
      bn('09187', 'REGIONAL'),
      `${S003}: private hospital with a social work team; ${APPROX} (former Bắc Ninh city, Phường Kinh Bắc)`,
      ['SCR.DEV', 'THR.PT', 'CNS.COUNSEL', 'SW.CASE'],
      { organizationId: null, isPrivate: true },
    ),
    real(
      'fac-24-rhc-luong-tai',
      'Trung tâm Y tế Lương Tài',
      'REGIONAL_HEALTH_CENTRE',
      bn('09496', 'REGIONAL'),
      `${S003}: Trung tâm Y tế huyện Lương Tài, social work team; placed in Xã Lương Tài (former district town Thứa)`,
      REGIONAL_HEALTH,
    ),
    real(
      'fac-24-rhc-tu-son',
      'Trung tâm Y tế Từ Sơn',
      'REGIONAL_HEALTH_CENTRE',
      bn('09367', 'REGIONAL'),
      `${S003}: Trung tâm Y tế thành phố Từ Sơn hosted the conference; placed in Phường Từ Sơn`,
      REGIONAL_HEALTH,
    ),
    real(
      'fac-24-sa-mental-bac-giang',
      'Cơ sở Chăm sóc người tâm thần tỉnh Bắc Giang',
      'SOCIAL_ASSISTANCE_MENTAL',
      bn('07210', 'PROVINCIAL'),
      `seed 002: Báo Lao động & Xã hội, 2021 (related article on the facility); Bắc Giang merged into Bắc Ninh in 2025; ${APPROX} (former Bắc Giang city, Phường Bắc Giang)`,
      [{ code: 'AC.RESID', minAgeMonths: 144 }, 'THR.PSY', 'THR.OT', 'SW.CASE'],
    ),
  ];
}
