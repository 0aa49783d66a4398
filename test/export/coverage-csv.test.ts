import { analyseCoverage } from '../../src/domain/coverage/analyse-coverage';
import { createTravelGraph } from '../../src/domain/routing/travel-graph';
import { chooseReportLanguage, coverageFileName, coverageToCsv } from '../../src/export/coverage-csv';
import { ReadModel } from '../../src/read-model/read-model';
import type { CommuneRecord } from '../../src/store/port';
import { makeEdge } from '../fixtures/routing/make-edge';

describe('chooseReportLanguage', () => {
  it('takes ?lang first, then the heaviest vi or en tag of Accept-Language, else Vietnamese', () => {
    expect(chooseReportLanguage('en', 'vi')).toBe('en');
    expect(chooseReportLanguage(null, 'fr-FR,en-US;q=0.8,vi;q=0.9')).toBe('vi');
    expect(chooseReportLanguage(null, 'fr, en;q=0.5')).toBe('en');
    expect(chooseReportLanguage(null, 'vi;q=0, en;q=0.1')).toBe('en');
    expect(chooseReportLanguage('de', undefined)).toBe('vi');
  });
});

describe('coverageToCsv', () => {
  const commune = (code: string, name: string): CommuneRecord => ({
    code,
    name,
    shortName: name,
    type: 'xã',
    provinceCode: '15',
    lat: 22,
    lon: 104,
    areaKm2: null,
    areaEstimated: false,
    population: 10001,
    populationEstimated: code === 'B',
    childPopulation: null,
    scheme: 'VN34',
    validFrom: '2025-07-01',
    flags: [],
    updatedAt: '2025-07-01T00:00:00.000Z',
  });
  const model = new ReadModel();
  model.applyCommunes([commune('A', 'Xã Bản Lầu'), commune('B', '=HYPERLINK("x")')]);
  const report = analyseCoverage({
    graph: createTravelGraph({ edges: [makeEdge('A', 'B', 10)] }),
    communes: [
      { code: 'A', provinceCode: '15', population: 10001 },
      { code: 'B', provinceCode: '15', population: 10001, populationImputed: true },
    ],
    providers: [{ offeringId: 'o', facilityId: 'f', communeCode: 'A', serviceCode: 'SCR.ASD' }],
    need: { serviceCode: 'SCR.ASD', mode: 'WALK', season: 'RAINY', maxMinutes: 5 },
    provinceCode: '15',
  });
  const context = {
    lang: 'vi' as const,
    provinceCode: '15',
    provinceName: 'Lào Cai',
    dataDate: '2025-07-01',
  };

  it('starts with a BOM and a block naming service, minutes, mode, season, band, province, date and source', () => {
    const csv = coverageToCsv(report, model, context, (t) => t);
    expect(csv.startsWith('\uFEFFBáo cáo độ bao phủ dịch vụ\r\n')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    for (const line of [
      'Dịch vụ,SCR.ASD',
      'Ngưỡng (phút),5',
      'Phương tiện,WALK (đi bộ)',
      'Mùa,RAINY (mùa mưa)',
      'Độ tuổi (tháng),18–30',
      'Tỉnh,15 Lào Cai',
      'Ngày dữ liệu,2025-07-01',
    ])
      expect(lines).toContain(line);
    expect(lines.some((l) => l.startsWith('Nguồn,'))).toBe(true);
  });

  it('rounds children per commune, keeps the exact total in the block, and says IMPUTED', () => {
    const lines = coverageToCsv(report, model, context, (t) => t)
      .slice(1)
      .split('\r\n');
    const rows = lines.filter((l) => /^[AB],/.test(l)).map((l) => l.split(','));
    const exact = report.communes[0]!.children;
    expect(exact % 1).not.toBe(0);
    expect(rows[0]![5]).toBe(String(Math.round(exact)));
    expect(lines).toContain(`Số trẻ trong độ tuổi (tổng; tính từ số chưa làm tròn),${Math.round(2 * exact)}`);
    expect(rows[1]![6]).toBe('dân số ước tính bù');
  });

  it('passes every text cell through the neutraliser, numbers untouched', () => {
    const seen: string[] = [];
    coverageToCsv(report, model, context, (t) => (seen.push(t), t));
    expect(seen).toContain('=HYPERLINK("x")');
    expect(seen).toContain('Xã Bản Lầu');
    const csv = coverageToCsv(report, model, context, (t) => (t.startsWith('=') ? `'${t}` : t));
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it('names the file after what it holds', () => {
    expect(coverageFileName(report, context, 'csv')).toBe(
      'coverage_SCR.ASD_5min_WALK_RAINY_18-30m_p15_2025-07-01.csv',
    );
  });
});
