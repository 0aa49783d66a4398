import { UnreachableCaseError } from '../errors';

/** Groups of services that ask the family for the same papers. */
export type ServiceFamily = 'HEALTH_CARE' | 'COUNSELLING' | 'SOCIAL_SUPPORT' | 'EDUCATION' | 'OTHER';

// Keyed by the taxonomy prefix (the part before the dot); CNS.SCHOOL is the one code filed by its full name.
const FAMILY_BY_PREFIX: Readonly<Record<string, ServiceFamily>> = {
  SCR: 'HEALTH_CARE',
  DX: 'HEALTH_CARE',
  INT: 'HEALTH_CARE',
  THR: 'HEALTH_CARE',
  TELE: 'HEALTH_CARE',
  'CNS.SCHOOL': 'EDUCATION',
  CNS: 'COUNSELLING',
  SW: 'SOCIAL_SUPPORT',
  CP: 'SOCIAL_SUPPORT',
  AC: 'SOCIAL_SUPPORT',
  SA: 'SOCIAL_SUPPORT',
  EDU: 'EDUCATION',
  VOC: 'EDUCATION',
  EXAM: 'HEALTH_CARE',
};

/** The family of a service code; OTHER for a code outside the taxonomy's prefixes. */
export function classifyServiceFamily(serviceCode: string): ServiceFamily {
  const prefix = serviceCode.split('.')[0] ?? '';
  return FAMILY_BY_PREFIX[serviceCode] ?? FAMILY_BY_PREFIX[prefix] ?? 'OTHER';
}

const ALWAYS = ['Phiếu giới thiệu này', 'Căn cước công dân của cha, mẹ hoặc người giám hộ đi cùng trẻ'];
const BIRTH_CERTIFICATE = 'Bản sao giấy khai sinh của trẻ';

/** What the family should bring, in Vietnamese, for the service on the slip. */
export function listSlipChecklist(serviceCode: string): string[] {
  const family = classifyServiceFamily(serviceCode);
  switch (family) {
    case 'HEALTH_CARE':
      return [
        ...ALWAYS,
        'Thẻ bảo hiểm y tế của trẻ (hoặc bản sao giấy khai sinh nếu chưa có thẻ)',
        'Sổ theo dõi sức khỏe bà mẹ và trẻ em, sổ tiêm chủng',
        'Kết quả khám, xét nghiệm và đơn thuốc trước đây (nếu có)',
      ];
    case 'COUNSELLING':
      return [...ALWAYS, 'Kết quả sàng lọc hoặc đánh giá trước đây (nếu có)'];
    case 'SOCIAL_SUPPORT':
      return [
        ...ALWAYS,
        BIRTH_CERTIFICATE,
        'Giấy xác nhận thông tin về cư trú',
        'Giấy tờ về hoàn cảnh của trẻ (nếu có), ví dụ giấy xác nhận khuyết tật',
      ];
    case 'EDUCATION':
      return [
        ...ALWAYS,
        BIRTH_CERTIFICATE,
        'Học bạ hoặc sổ liên lạc gần nhất',
        'Kết quả đánh giá, chẩn đoán trước đây và giấy xác nhận khuyết tật (nếu có)',
      ];
    case 'OTHER':
      return [...ALWAYS, BIRTH_CERTIFICATE];
    default:
      throw new UnreachableCaseError(family);
  }
}
