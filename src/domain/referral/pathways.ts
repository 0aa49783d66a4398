/**
 * The five cross-sector referral pathways of product.md ("Typical referral chains") as data. A step lists
 * the service codes that satisfy it (any one completed is enough) and the sector expected to provide it.
 */
import type { Sector } from '../model';

/**
 * The taxonomy has no general medical examination yet; the abuse pathway asks for this code first and
 * accepts DX.MH meanwhile. Until EXAM.GEN is in the service taxonomy a search for it finds no provider.
 */
export const GENERAL_EXAM_CODE = 'EXAM.GEN';

export const PATHWAY_IDS = [
  'AUTISM',
  'DEPRESSION',
  'ABUSE_REPORT',
  'ORPHAN_CARE',
  'INTELLECTUAL_DISABILITY',
] as const;
export type PathwayId = (typeof PATHWAY_IDS)[number];

/** One stage of a pathway; `condition` marks a stage that only some children need. */
export interface PathwayStep {
  id: string;
  name: string;
  nameVi: string;
  serviceCodes: readonly string[];
  sector: Sector;
  condition?: string;
  conditionVi?: string;
}

/** A pathway template; `needs` are the case needs that select it (matched without regard to case). */
export interface Pathway {
  id: PathwayId;
  name: string;
  nameVi: string;
  needs: readonly string[];
  steps: readonly PathwayStep[];
}

/** The pathway templates, in the order product.md lists them (which also breaks ties when inferring). */
export const PATHWAYS: readonly Pathway[] = [
  {
    id: 'AUTISM',
    name: 'Autism: from screening to inclusive education',
    nameVi: 'Tự kỷ: từ sàng lọc đến giáo dục hòa nhập',
    needs: ['AUTISM', 'ASD', 'DEVELOPMENTAL_DELAY'],
    steps: [
      {
        id: 'SCREEN',
        name: 'Developmental or autism screening',
        nameVi: 'Sàng lọc phát triển hoặc tự kỷ',
        serviceCodes: ['SCR.DEV', 'SCR.ASD'],
        sector: 'HEALTH',
      },
      {
        id: 'DIAGNOSE',
        name: 'Autism diagnosis',
        nameVi: 'Chẩn đoán rối loạn phổ tự kỷ',
        serviceCodes: ['DX.ASD'],
        sector: 'HEALTH',
      },
      {
        id: 'THERAPY',
        name: 'Speech and/or occupational therapy',
        nameVi: 'Âm ngữ trị liệu và/hoặc hoạt động trị liệu',
        serviceCodes: ['THR.SLT', 'THR.OT'],
        sector: 'HEALTH',
      },
      {
        id: 'INCLUDE',
        name: 'Inclusive education support',
        nameVi: 'Hỗ trợ giáo dục hòa nhập',
        serviceCodes: ['EDU.INCL'],
        sector: 'EDUCATION',
      },
    ],
  },
  {
    id: 'DEPRESSION',
    name: 'Depression: from community screening to psychiatric care',
    nameVi: 'Trầm cảm: từ sàng lọc tại cộng đồng đến chăm sóc tâm thần',
    needs: ['DEPRESSION', 'MENTAL_HEALTH'],
    steps: [
      {
        id: 'SCREEN',
        name: 'Mental-health screening',
        nameVi: 'Sàng lọc sức khỏe tâm thần',
        serviceCodes: ['SCR.MH'],
        sector: 'SOCIAL',
      },
      {
        id: 'CASE',
        name: 'Social-work case management',
        nameVi: 'Quản lý trường hợp công tác xã hội',
        serviceCodes: ['SW.CASE'],
        sector: 'SOCIAL',
      },
      {
        id: 'COUNSEL',
        name: 'Counselling',
        nameVi: 'Tham vấn tâm lý',
        serviceCodes: ['CNS.COUNSEL'],
        sector: 'SOCIAL',
      },
      {
        id: 'DIAGNOSE',
        name: 'Mental-health diagnosis',
        nameVi: 'Chẩn đoán sức khỏe tâm thần',
        serviceCodes: ['DX.MH'],
        sector: 'HEALTH',
        condition: 'When screening shows severe depression',
        conditionVi: 'Khi kết quả sàng lọc cho thấy trầm cảm nặng',
      },
    ],
  },
  {
    id: 'ABUSE_REPORT',
    name: 'Abuse reported to hotline 111',
    nameVi: 'Xâm hại được báo qua Tổng đài 111',
    needs: ['ABUSE', 'VIOLENCE', 'NEGLECT'],
    steps: [
      {
        id: 'REPORT',
        name: 'Hotline report',
        nameVi: 'Tiếp nhận thông báo qua tổng đài',
        serviceCodes: ['CP.HOTLINE'],
        sector: 'SOCIAL',
      },
      {
        id: 'PROTECT',
        name: 'Emergency protection',
        nameVi: 'Bảo vệ khẩn cấp',
        serviceCodes: ['CP.EMERG'],
        sector: 'SOCIAL',
      },
      {
        id: 'EXAMINE',
        name: 'Medical examination',
        nameVi: 'Khám sức khỏe',
        serviceCodes: [GENERAL_EXAM_CODE, 'DX.MH'],
        sector: 'HEALTH',
      },
      {
        id: 'PLACE',
        name: 'Kinship or foster care',
        nameVi: 'Chăm sóc thay thế bởi người thân hoặc gia đình nhận nuôi dưỡng',
        serviceCodes: ['AC.KIN', 'AC.FOSTER'],
        sector: 'SOCIAL',
      },
      {
        id: 'RETURN',
        name: 'School re-entry with school counselling',
        nameVi: 'Trở lại trường học, có tư vấn học đường',
        serviceCodes: ['CNS.SCHOOL'],
        sector: 'EDUCATION',
      },
    ],
  },
  {
    id: 'ORPHAN_CARE',
    name: 'Orphan: kinship care, allowance, foster care',
    nameVi: 'Trẻ mồ côi: chăm sóc bởi người thân, trợ cấp, nhận nuôi dưỡng',
    needs: ['ORPHAN', 'ALTERNATIVE_CARE'],
    steps: [
      {
        id: 'KINSHIP',
        name: 'Kinship care assessment',
        nameVi: 'Đánh giá chăm sóc bởi người thân',
        serviceCodes: ['AC.KIN'],
        sector: 'SOCIAL',
      },
      {
        id: 'ALLOWANCE',
        name: 'Social allowance',
        nameVi: 'Trợ cấp xã hội',
        serviceCodes: ['SA.ALLOW'],
        sector: 'SOCIAL',
      },
      {
        id: 'FOSTER',
        name: 'Foster care',
        nameVi: 'Chăm sóc thay thế tại gia đình nhận nuôi dưỡng',
        serviceCodes: ['AC.FOSTER'],
        sector: 'SOCIAL',
        condition: 'If kinship care fails',
        conditionVi: 'Nếu chăm sóc bởi người thân không thành',
      },
    ],
  },
  {
    id: 'INTELLECTUAL_DISABILITY',
    name: 'Adolescent with intellectual disability',
    nameVi: 'Vị thành niên khuyết tật trí tuệ',
    needs: ['INTELLECTUAL_DISABILITY'],
    steps: [
      { id: 'DIAGNOSE', name: 'Diagnosis', nameVi: 'Chẩn đoán', serviceCodes: ['DX.MH'], sector: 'HEALTH' },
      {
        id: 'EDUCATE',
        name: 'Special education',
        nameVi: 'Giáo dục chuyên biệt',
        serviceCodes: ['EDU.SPEC'],
        sector: 'EDUCATION',
      },
      {
        id: 'GUIDE',
        name: 'Vocational guidance',
        nameVi: 'Hướng nghiệp',
        serviceCodes: ['VOC.GUIDE'],
        sector: 'EDUCATION',
      },
    ],
  },
];

/** The pathway with this id, or undefined. */
export function findPathway(id: string): Pathway | undefined {
  return PATHWAYS.find((p) => p.id === id);
}
