/** The provincial departments that group each province's facilities, one per sector. */
import type { OrganizationRecord, ProvinceRecord } from '../../src/store/port';
import { SEED_TIMESTAMP } from '../load-geography';
import { organizationIdFor, provinceLabel } from './facility-spec';

/**
 * Health and education departments exist under these names in every province. The social department is
 * generic on purpose: after the 2025 ministry merger the former Sở Lao động – Thương binh và Xã hội's social
 * protection and child duties moved, so we do not pin a successor and flag the record as demo.
 */
export function buildOrganizations(province: ProvinceRecord): OrganizationRecord[] {
  const of = provinceLabel(province);
  return [
    {
      id: organizationIdFor(province.code, 'HEALTH'),
      name: `Sở Y tế ${of}`,
      sector: 'HEALTH',
      provinceCode: province.code,
      demo: false,
      updatedAt: SEED_TIMESTAMP,
    },
    {
      id: organizationIdFor(province.code, 'SOCIAL'),
      name: `Sở quản lý lĩnh vực xã hội ${of}`,
      sector: 'SOCIAL',
      provinceCode: province.code,
      demo: true,
      updatedAt: SEED_TIMESTAMP,
    },
    {
      id: organizationIdFor(province.code, 'EDUCATION'),
      name: `Sở Giáo dục và Đào tạo ${of}`,
      sector: 'EDUCATION',
      provinceCode: province.code,
      demo: false,
      updatedAt: SEED_TIMESTAMP,
    },
  ];
}
