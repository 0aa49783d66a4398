/**
 * The service taxonomy of docs/product.md (24 codes) plus EXAM.GEN, the general examination the abuse pathway
 * needs (product.md: "hospital for examination"; the taxonomy is extendable): names, category, sectors.
 */
import type { Sector } from '../src/domain/model';
import type { ServiceTypeRecord } from '../src/store/port';

export const SERVICE_CODES = [
  'SCR.DEV',
  'SCR.ASD',
  'SCR.MH',
  'DX.ASD',
  'DX.MH',
  'EXAM.GEN',
  'INT.EARLY',
  'THR.PSY',
  'THR.PT',
  'THR.OT',
  'THR.SLT',
  'CNS.COUNSEL',
  'CNS.SCHOOL',
  'SW.CASE',
  'CP.HOTLINE',
  'CP.EMERG',
  'AC.KIN',
  'AC.FOSTER',
  'AC.ADOPT',
  'AC.RESID',
  'EDU.INCL',
  'EDU.SPEC',
  'VOC.GUIDE',
  'TELE.CONSULT',
  'SA.ALLOW',
] as const;
export type ServiceCode = (typeof SERVICE_CODES)[number];

/** Services that are only ever delivered remotely; every other code has in-person providers in each province. */
export const REMOTE_ONLY_SERVICES: ReadonlySet<ServiceCode> = new Set<ServiceCode>([
  'CP.HOTLINE',
  'TELE.CONSULT',
]);

type Entry = [name: string, nameVi: string, sectors: Sector[], description: string];

const H: Sector = 'HEALTH';
const S: Sector = 'SOCIAL';
const E: Sector = 'EDUCATION';

const ENTRIES: Record<ServiceCode, Entry> = {
  'SCR.DEV': [
    'Developmental screening',
    'Sàng lọc phát triển',
    [H, E],
    'Checks motor, language and social milestones against age norms.',
  ],
  'SCR.ASD': [
    'Autism screening',
    'Sàng lọc rối loạn phổ tự kỷ',
    [H, S, E],
    'Structured autism screening (e.g. M-CHAT-R) for toddlers and young children.',
  ],
  'SCR.MH': [
    'Mental-health screening',
    'Sàng lọc sức khỏe tâm thần',
    [H, S, E],
    'Screens for depression, anxiety and distress; positive screens are referred.',
  ],
  'DX.ASD': [
    'Autism diagnosis',
    'Chẩn đoán rối loạn phổ tự kỷ',
    [H],
    'Specialist assessment and diagnosis of autism spectrum disorder.',
  ],
  'DX.MH': [
    'Mental-health diagnosis',
    'Chẩn đoán rối loạn tâm thần',
    [H],
    'Psychiatric assessment and diagnosis, including intellectual disability.',
  ],
  'EXAM.GEN': [
    'General medical examination',
    'Khám sức khỏe tổng quát',
    [H],
    'Clinical examination by a doctor, e.g. of a child reported to the child-protection hotline.',
  ],
  'INT.EARLY': [
    'Early intervention',
    'Can thiệp sớm',
    [H, S, E],
    'Individual early-intervention programme for young children with developmental delays.',
  ],
  'THR.PSY': ['Psychotherapy', 'Tâm lý trị liệu', [H, S], 'Individual or family psychological therapy.'],
  'THR.PT': ['Physiotherapy', 'Vật lý trị liệu', [H, S], 'Physical therapy and motor rehabilitation.'],
  'THR.OT': [
    'Occupational therapy',
    'Hoạt động trị liệu',
    [H, S],
    'Therapy for daily-living, sensory and fine-motor skills.',
  ],
  'THR.SLT': [
    'Speech and language therapy',
    'Âm ngữ trị liệu',
    [H, S, E],
    'Therapy for speech, language, communication and swallowing.',
  ],
  'CNS.COUNSEL': [
    'Counselling',
    'Tư vấn, tham vấn tâm lý',
    [H, S],
    'Psychosocial counselling for children and their carers.',
  ],
  'CNS.SCHOOL': [
    'School counselling',
    'Tư vấn tâm lý học đường',
    [E],
    'Counselling and social-work support in schools (Circular 18/2025/TT-BGDĐT).',
  ],
  'SW.CASE': [
    'Social-work case management',
    'Quản lý trường hợp công tác xã hội',
    [S, H],
    'Assessment, case plan, linking to services and follow-up by a social worker.',
  ],
  'CP.HOTLINE': [
    'Child-protection hotline',
    'Tổng đài điện thoại quốc gia bảo vệ trẻ em 111',
    [S],
    'Free 24-hour hotline 111 for reports of abuse, neglect and child-protection advice.',
  ],
  'CP.EMERG': [
    'Emergency protection and shelter',
    'Bảo vệ khẩn cấp, nơi tạm lánh',
    [S],
    'Immediate safety, temporary shelter and care for a child at risk of harm.',
  ],
  'AC.KIN': [
    'Kinship care',
    'Chăm sóc thay thế bởi người thân thích',
    [S],
    'Assessment, support and monitoring of care by relatives.',
  ],
  'AC.FOSTER': [
    'Foster care',
    'Chăm sóc thay thế bởi gia đình nhận chăm sóc',
    [S],
    'Placement with a vetted foster family that is not related to the child.',
  ],
  'AC.ADOPT': ['Adoption', 'Nhận con nuôi', [S], 'Preparation, matching and follow-up of domestic adoption.'],
  'AC.RESID': [
    'Residential care',
    'Chăm sóc thay thế tại cơ sở trợ giúp xã hội',
    [S],
    'Care and upbringing in a social assistance facility.',
  ],
  'EDU.INCL': [
    'Inclusive education',
    'Giáo dục hòa nhập',
    [E],
    'Support for a child with disabilities to learn in a mainstream class.',
  ],
  'EDU.SPEC': [
    'Special education',
    'Giáo dục chuyên biệt',
    [E, S],
    'Teaching in a specialised class or school for children with disabilities.',
  ],
  'VOC.GUIDE': [
    'Vocational guidance',
    'Hướng nghiệp, định hướng nghề nghiệp',
    [E, S],
    'Career guidance and pre-vocational training for adolescents.',
  ],
  'TELE.CONSULT': [
    'Telehealth consultation',
    'Tư vấn, khám chữa bệnh từ xa',
    [H],
    'Remote consultation with a clinician by video or phone.',
  ],
  'SA.ALLOW': [
    'Social allowance',
    'Trợ cấp xã hội hằng tháng',
    [S],
    'Monthly social allowance for eligible children (Decree 20/2021/NĐ-CP).',
  ],
};

/** The category of a code is its prefix: `SCR.DEV` → `SCR`. */
export function categoryOf(code: string): string {
  return code.slice(0, code.indexOf('.'));
}

/** One ServiceTypeRecord per taxonomy code, in taxonomy order. */
export function buildServiceTypes(): ServiceTypeRecord[] {
  return SERVICE_CODES.map((code) => {
    const [name, nameVi, sectors, description] = ENTRIES[code];
    return { code, name, nameVi, category: categoryOf(code), sectors: [...sectors], description };
  });
}
