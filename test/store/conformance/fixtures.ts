/**
 * A small directory world whose every key starts with a per-test prefix, so that tests sharing one
 * store (a Neo4j database) see only their own rows. Shaped like the real 2025 data (Quảng Ninh, 22).
 */
import type {
  CommuneRecord,
  FacilityRecord,
  LegacyCommuneRecord,
  OfferingRecord,
  OrganizationRecord,
  ProvinceRecord,
  RoadRecord,
  ServiceTypeRecord,
} from '../../../src/store/port';
import type { FacilityLevel, Sector } from '../../../src/domain/model';

const pad = (n: number) => String(n).padStart(2, '0');

export function province(p: string, suffix: string, name: string): ProvinceRecord {
  return {
    code: `${p}P${suffix}`,
    name,
    fullName: `Tỉnh ${name}`,
    type: 'tỉnh',
    lat: 21.0064,
    lon: 107.2925,
    population: 1_362_900,
    areaKm2: 6207.9,
    updatedAt: '2025-07-01T00:00:00Z',
  };
}

export function commune(
  p: string,
  suffix: string,
  provinceCode: string,
  name: string,
  type = 'xã',
): CommuneRecord {
  return {
    code: `${p}C${suffix}`,
    name,
    shortName: name.replace(/^(Xã|Phường|Đặc khu) /, ''),
    type,
    provinceCode,
    lat: 21.149,
    lon: 107.527,
    areaKm2: 538.92,
    areaEstimated: false,
    population: 53_904,
    populationEstimated: true,
    childPopulation: null,
    scheme: 'VN34',
    validFrom: '2025-07-01',
    flags: ['island'],
    updatedAt: '2025-07-01T00:00:00Z',
  };
}

export function serviceType(p: string, suffix: string, name: string, nameVi: string): ServiceTypeRecord {
  return {
    code: `${p}S${suffix}`,
    name,
    nameVi,
    category: 'HEALTH',
    sectors: ['HEALTH', 'SOCIAL'],
    description: `${name} for children`,
  };
}

export function organization(p: string, suffix: string, provinceCode: string): OrganizationRecord {
  return {
    id: `${p}-O${suffix}`,
    name: `Sở Y tế ${suffix}`,
    sector: 'HEALTH',
    provinceCode,
    demo: true,
    updatedAt: '2025-07-01T00:00:00Z',
  };
}

export function facility(
  p: string,
  n: number,
  c: CommuneRecord,
  over: Partial<FacilityRecord> = {},
): FacilityRecord {
  return {
    id: `${p}-F${pad(n)}`,
    name: `Trạm Y tế ${p} số ${n}`,
    organizationId: null,
    sector: 'HEALTH',
    kind: 'Trạm y tế',
    level: 'COMMUNE',
    communeCode: c.code,
    provinceCode: c.provinceCode,
    lat: 21.15 + n / 1000,
    lon: 107.5,
    address: `Thôn ${n}, ${c.name}`,
    phone: null,
    email: null,
    identifiers: [],
    provenance: 'DEMO',
    source: null,
    updatedAt: '2025-07-01T00:00:00Z',
    ...over,
  };
}

export function offering(
  f: FacilityRecord,
  s: ServiceTypeRecord,
  over: Partial<OfferingRecord> = {},
): OfferingRecord {
  return {
    id: `${f.id}-${s.code}`,
    facilityId: f.id,
    serviceCode: s.code,
    minAgeMonths: null,
    maxAgeMonths: null,
    capacity: 20,
    currentLoad: 5,
    waitDays: 3,
    languages: ['vie'],
    schedule: 'Thứ Hai–Thứ Sáu',
    remote: false,
    cost: null,
    updatedAt: '2025-07-01T00:00:00Z',
    ...over,
  };
}

export function legacy(
  p: string,
  suffix: string,
  successor: CommuneRecord,
  over: Partial<LegacyCommuneRecord> = {},
) {
  const record: LegacyCommuneRecord = {
    key: `${p}L${suffix}`,
    code: `${p}O${suffix}`,
    name: `Xã Cũ ${suffix}`,
    districtName: 'Huyện Vân Đồn',
    provinceName: 'Tỉnh Quảng Ninh',
    oldProvinceCode: '22',
    successorCode: successor.code,
    note: '',
    ...over,
  };
  return record;
}

export function road(from: CommuneRecord, to: CommuneRecord, km: number): RoadRecord {
  return {
    fromCode: from.code,
    toCode: to.code,
    km,
    straightKm: Math.round(km * 0.7 * 10) / 10,
    terrain: 'MOUNTAIN',
    source: 'ESTIMATED',
    minutes: { MOTORBIKE_DRY: Math.round(km * 2), MOTORBIKE_RAINY: Math.round(km * 3), WALK_DRY: km * 12 },
  };
}

const SECTORS: Sector[] = ['HEALTH', 'SOCIAL', 'EDUCATION'];
const LEVELS: FacilityLevel[] = ['COMMUNE', 'REGIONAL', 'PROVINCIAL', 'CENTRAL'];
const KINDS = ['Trạm y tế', 'Trung tâm bảo trợ', 'Trường mầm non'];

/** Two provinces, three communes, two services, 25 facilities that vary on every filtered field. */
export function directoryWorld(p: string) {
  const provinces = [province(p, '1', 'Quảng Ninh'), province(p, '2', 'Lào Cai')];
  const [p1, p2] = provinces as [ProvinceRecord, ProvinceRecord];
  const communes = [
    commune(p, '1', p1.code, 'Đặc khu Vân Đồn', 'đặc khu'),
    commune(p, '2', p1.code, 'Đặc khu Cô Tô', 'đặc khu'),
    commune(p, '3', p2.code, 'Xã Bát Xát'),
  ];
  const [c1, c2, c3] = communes as [CommuneRecord, CommuneRecord, CommuneRecord];
  const services = [
    serviceType(p, 'VAX', 'Immunisation', 'Tiêm chủng'),
    serviceType(p, 'SPEECH', 'Speech therapy', 'Âm ngữ trị liệu'),
  ];
  const [vax, speech] = services as [ServiceTypeRecord, ServiceTypeRecord];
  const organizations = [organization(p, '1', p1.code)];
  const facilities = Array.from({ length: 25 }, (_, k) => {
    const n = k + 1;
    const c = [c3, c1, c2][n % 3] as CommuneRecord;
    return facility(p, n, c, {
      sector: SECTORS[Math.floor(n / 2) % 3] as Sector,
      kind: KINDS[Math.floor(n / 3) % 3] as string,
      level: LEVELS[n % 4] as FacilityLevel,
      organizationId: n % 5 === 0 ? `${p}-O1` : null,
      identifiers: n <= 3 ? [`${p}MOH|${1000 + n}`] : [],
      provenance: n % 7 === 0 ? 'REAL' : 'DEMO',
      updatedAt: `2025-07-${pad(1 + (n % 28))}T00:00:00Z`,
    });
  });
  // Two in three facilities vaccinate (0-6 years); every fourth offers speech therapy (2-5 years), some in Hmong.
  const offerings = facilities.flatMap((f, k) => [
    ...(k % 3 !== 2 ? [offering(f, vax, { minAgeMonths: 0, maxAgeMonths: 72 })] : []),
    ...(k % 4 === 1
      ? [
          offering(f, speech, {
            minAgeMonths: 24,
            maxAgeMonths: 60,
            languages: (k - 1) % 8 ? ['vie'] : ['vie', 'hmn'],
          }),
        ]
      : []),
  ]);
  const legacyCommunes = [
    legacy(p, '1', c1, { name: 'Xã Hạ Long' }),
    legacy(p, '2', c1, { name: 'Xã Đông Xá' }),
    legacy(p, '3', c2, { name: 'Thị trấn Cô Tô', code: null }),
  ];
  const roads = [road(c1, c2, 40), road(c1, c3, 310.5)];
  return { provinces, communes, services, organizations, facilities, offerings, legacyCommunes, roads };
}

export type DirectoryWorld = ReturnType<typeof directoryWorld>;
