/**
 * The coverage report as a CSV a province office can open in Excel: UTF-8 with a byte-order mark (so Excel
 * on Windows reads Vietnamese names), Vietnamese or English headers, a first block saying what the file
 * holds (service, minutes, mode, season, age band, province, data date, source), then one row per commune.
 * Children per commune are rounded to whole people; the totals in the first block are computed from the
 * unrounded values, so the rows may not add up to them exactly.
 */
import type { CoverageReport } from '../domain/coverage/coverage-types';
import type { ReadModel } from '../read-model/read-model';

export type ReportLanguage = 'vi' | 'en';

/** What the file says about itself, beside the report's own need. */
export interface CoverageCsvContext {
  lang: ReportLanguage;
  provinceCode: string | null;
  provinceName: string | null;
  /** Latest change in the directory data the report read (YYYY-MM-DD). */
  dataDate: string;
}

const COLUMNS = [
  'commune_code',
  'commune_name',
  'province_code',
  'lat',
  'lon',
  'children',
  'children_source',
  'covered',
  'minutes',
  'nearest_facility_id',
  'nearest_facility_name',
  'nearest_facility_province',
  'demand',
] as const;
type Column = (typeof COLUMNS)[number];

const HEADERS: Record<ReportLanguage, Record<Column, string>> = {
  en: {
    commune_code: 'Commune code',
    commune_name: 'Commune',
    province_code: 'Province code',
    lat: 'Latitude',
    lon: 'Longitude',
    children: 'Children in age band (rounded)',
    children_source: 'Children source',
    covered: 'Within limit',
    minutes: 'Minutes to nearest provider',
    nearest_facility_id: 'Nearest provider id',
    nearest_facility_name: 'Nearest provider',
    nearest_facility_province: 'Nearest provider province',
    demand: 'Expected children needing the service',
  },
  vi: {
    commune_code: 'Mã xã/phường',
    commune_name: 'Xã/phường',
    province_code: 'Mã tỉnh',
    lat: 'Vĩ độ',
    lon: 'Kinh độ',
    children: 'Số trẻ trong độ tuổi (làm tròn)',
    children_source: 'Nguồn số trẻ',
    covered: 'Trong ngưỡng',
    minutes: 'Số phút tới nơi gần nhất',
    nearest_facility_id: 'Mã nơi cung cấp gần nhất',
    nearest_facility_name: 'Nơi cung cấp gần nhất',
    nearest_facility_province: 'Tỉnh của nơi cung cấp',
    demand: 'Số trẻ dự kiến cần dịch vụ',
  },
};

const WORDS = {
  en: {
    title: 'Service coverage report',
    service: 'Service',
    minutes: 'Limit (minutes)',
    mode: 'Travel mode',
    season: 'Season',
    ageBand: 'Age band (months)',
    province: 'Province',
    allProvinces: 'all provinces',
    delivery: 'Delivery',
    dataDate: 'Data date',
    source: 'Source',
    children: 'Children in age band (total; from unrounded values)',
    covered: 'Children within the limit (total)',
    share: 'Share covered',
    notApplicable: 'not applicable (remote service)',
    note: 'Note',
    noteText:
      'Travel times and children are estimates (docs/travel-model.md, docs/coverage-method.md); rows are rounded, totals are not.',
    sourceText:
      'Kết Nối directory; 2025 administrative units (vn-admin-2025, MIT); 2019 census age shares (GSO); travel times estimated',
    yes: 'yes',
    no: 'no',
    IN_PERSON: 'in person (travel)',
    REMOTE_ONLY: 'remote only (phone or telehealth): travel coverage does not apply',
    NONE: 'no provider',
    MOTORBIKE: 'motorbike',
    CAR: 'car',
    WALK: 'on foot',
    DRY: 'dry season',
    RAINY: 'rainy season',
    IMPORTED: 'imported',
    ESTIMATED: 'estimated',
    IMPUTED: 'imputed population',
  },
  vi: {
    title: 'Báo cáo độ bao phủ dịch vụ',
    service: 'Dịch vụ',
    minutes: 'Ngưỡng (phút)',
    mode: 'Phương tiện',
    season: 'Mùa',
    ageBand: 'Độ tuổi (tháng)',
    province: 'Tỉnh',
    allProvinces: 'tất cả các tỉnh',
    delivery: 'Hình thức',
    dataDate: 'Ngày dữ liệu',
    source: 'Nguồn',
    children: 'Số trẻ trong độ tuổi (tổng; tính từ số chưa làm tròn)',
    covered: 'Số trẻ trong ngưỡng (tổng)',
    share: 'Tỷ lệ bao phủ',
    notApplicable: 'không áp dụng (dịch vụ từ xa)',
    note: 'Ghi chú',
    noteText:
      'Thời gian đi lại và số trẻ là ước tính (docs/travel-model.md, docs/coverage-method.md); từng dòng đã làm tròn, số tổng thì không.',
    sourceText:
      'Danh bạ Kết Nối; đơn vị hành chính 2025 (vn-admin-2025, MIT); cơ cấu tuổi Tổng điều tra 2019 (TCTK); thời gian đi lại ước tính',
    yes: 'có',
    no: 'không',
    IN_PERSON: 'trực tiếp (đi lại)',
    REMOTE_ONLY: 'chỉ từ xa (điện thoại hoặc khám từ xa): không tính độ bao phủ theo thời gian đi lại',
    NONE: 'không có nơi cung cấp',
    MOTORBIKE: 'xe máy',
    CAR: 'ô tô',
    WALK: 'đi bộ',
    DRY: 'mùa khô',
    RAINY: 'mùa mưa',
    IMPORTED: 'nhập từ dữ liệu',
    ESTIMATED: 'ước tính',
    IMPUTED: 'dân số ước tính bù',
  },
} as const;

/** Picks the report language: ?lang= wins, then the first vi/en tag of Accept-Language by weight; vi by default. */
export function chooseReportLanguage(
  lang: string | null,
  acceptLanguage: string | undefined,
): ReportLanguage {
  if (lang === 'vi' || lang === 'en') return lang;
  const tags = (acceptLanguage ?? '')
    .split(',')
    .map((part, i) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = Number(params.find((p) => p.trim().startsWith('q='))?.split('=')[1] ?? 1);
      return { tag: tag ?? '', q: Number.isFinite(q) ? q : 0, i };
    })
    .filter((t) => t.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const { tag } of tags) {
    if (tag === 'vi' || tag.startsWith('vi-')) return 'vi';
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
  }
  return 'vi';
}

/** A file name that says what the file holds, e.g. coverage_SCR.ASD_60min_MOTORBIKE_DRY_18-30m_p15_2025-07-01.csv */
export function coverageFileName(report: CoverageReport, context: CoverageCsvContext, ext: string): string {
  const { serviceCode, maxMinutes, mode, season, ageBand } = report.need;
  const parts = [
    'coverage',
    serviceCode,
    `${maxMinutes}min`,
    mode,
    season,
    `${ageBand.minMonths}-${ageBand.maxMonths}m`,
    context.provinceCode ? `p${context.provinceCode}` : 'all',
    context.dataDate,
  ];
  return `${parts.join('_').replace(/[^A-Za-z0-9._-]/g, '')}.${ext}`;
}

type Cell = string | number | boolean | null | undefined;

// Quote a cell when it holds a separator, quote or line break (RFC 4180).
function quote(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function rowOf(cells: readonly Cell[], neutralise: (text: string) => string): string {
  return cells
    .map((value) => {
      if (value === null || value === undefined) return '';
      if (typeof value === 'number') return String(value);
      return quote(neutralise(String(value)));
    })
    .join(',');
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * The CSV, BOM first. `neutralise` turns any text cell that a spreadsheet would read as a formula into
 * plain text (the project's one neutraliser, src/export; identity only in tests of the layout).
 */
export function coverageToCsv(
  report: CoverageReport,
  readModel: ReadModel,
  context: CoverageCsvContext,
  neutralise: (text: string) => string,
): string {
  const w = WORDS[context.lang];
  const { serviceCode, maxMinutes, mode, season, ageBand } = report.need;
  const serviceName = readModel.serviceTypes.get(serviceCode);
  const serviceLabel = serviceName
    ? `${serviceCode} — ${context.lang === 'vi' ? serviceName.nameVi : serviceName.name}`
    : serviceCode;
  const travel = report.delivery === 'IN_PERSON';
  const share = report.totals.shareCovered;
  const block: Cell[][] = [
    [w.title],
    [w.service, serviceLabel],
    [w.minutes, maxMinutes],
    [w.mode, `${mode} (${w[mode]})`],
    [w.season, `${season} (${w[season]})`],
    [w.ageBand, `${ageBand.minMonths}–${ageBand.maxMonths}`],
    [
      w.province,
      context.provinceCode ? `${context.provinceCode} ${context.provinceName ?? ''}`.trim() : w.allProvinces,
    ],
    [w.delivery, w[report.delivery]],
    [w.dataDate, context.dataDate],
    [w.source, w.sourceText],
    [w.children, Math.round(report.totals.children)],
    [w.covered, travel ? Math.round(report.totals.coveredChildren) : w.notApplicable],
    [w.share, travel && share !== null ? `${round(share * 100, 1)}%` : w.notApplicable],
    [w.note, w.noteText],
    [],
  ];
  const headers = COLUMNS.map((c) => HEADERS[context.lang][c]);
  const lines = report.communes.map((c) => {
    const commune = readModel.communes.get(c.communeCode);
    const facility = c.nearestFacilityId ? readModel.facilities.get(c.nearestFacilityId) : undefined;
    const facilityProvince = c.nearestSiteCommune
      ? readModel.communes.get(c.nearestSiteCommune)?.provinceCode
      : undefined;
    const row: Record<Column, Cell> = {
      commune_code: c.communeCode,
      commune_name: commune?.name ?? '',
      province_code: c.provinceCode,
      lat: commune?.lat ?? null,
      lon: commune?.lon ?? null,
      children: Math.round(c.children),
      children_source: w[c.childrenSource],
      covered: travel ? (c.covered ? w.yes : w.no) : null,
      minutes: c.minutes === null ? null : round(c.minutes, 1),
      nearest_facility_id: c.nearestFacilityId,
      nearest_facility_name: facility?.name ?? null,
      nearest_facility_province: facilityProvince ?? null,
      demand: c.demand === null ? null : round(c.demand, 2),
    };
    return COLUMNS.map((k) => row[k]);
  });
  return '\uFEFF' + [...block, headers, ...lines].map((r) => rowOf(r, neutralise)).join('\r\n') + '\r\n';
}

/**
 * The file's context from the read model: the report's province and the data date, the latest change
 * (updatedAt) among the communes, facilities and offerings the report read.
 */
export function describeCoverageData(
  report: CoverageReport,
  readModel: ReadModel,
  lang: ReportLanguage,
  provinceNames: ReadonlyMap<string, string> = new Map(),
): CoverageCsvContext {
  let latest = '';
  const seen = (at: string | undefined) => {
    if (at && at > latest) latest = at;
  };
  for (const c of report.communes) seen(readModel.communes.get(c.communeCode)?.updatedAt);
  for (const { offering, facility } of readModel.offeringsOf(report.need.serviceCode)) {
    seen(offering.updatedAt);
    seen(facility.updatedAt);
  }
  return {
    lang,
    provinceCode: report.provinceCode,
    provinceName: report.provinceCode ? (provinceNames.get(report.provinceCode) ?? null) : null,
    dataDate: latest.slice(0, 10) || 'unknown',
  };
}
