import { measureGreatCircleKm } from '../../src/domain/routing/measure-great-circle-km';
import { buildSeedDataset, DEMO_PROVINCES } from '../../seeds/seed';
import { REMOTE_ONLY_SERVICES, SERVICE_CODES } from '../../seeds/taxonomy';

const data = buildSeedDataset();
const facilityById = new Map(data.facilities.map((f) => [f.id, f]));
const communeByCode = new Map(data.communes.map((c) => [c.code, c]));

describe('buildSeedDataset (demo provinces)', () => {
  it('is deterministic: two runs are deep-equal', () => {
    expect(buildSeedDataset()).toEqual(data);
  });

  it('draws no randomness from Math.random and reads no clock', () => {
    const random = jest.spyOn(Math, 'random').mockImplementation(() => {
      throw new Error('Math.random used');
    });
    const now = jest.spyOn(Date, 'now').mockImplementation(() => {
      throw new Error('Date.now used');
    });
    try {
      expect(buildSeedDataset().facilities).toEqual(data.facilities);
    } finally {
      random.mockRestore();
      now.mockRestore();
    }
  });

  it('puts a commune health station, named by convention, in every seeded commune', () => {
    const stations = data.facilities.filter((f) => f.kind === 'COMMUNE_HEALTH_STATION');
    const withStation = new Set(stations.map((f) => f.communeCode));
    expect(data.communes.filter((c) => !withStation.has(c.code))).toEqual([]);
    const haTu = facilityById.get('fac-22-chs-06652')!;
    expect(haTu).toMatchObject({
      name: 'Trạm Y tế Phường Hà Tu',
      provenance: 'REAL',
      level: 'COMMUNE',
      sector: 'HEALTH',
    });
    const other = facilityById.get('fac-15-chs-02686')!;
    expect(other).toMatchObject({
      name: 'Trạm Y tế Xã A Mú Sung',
      provenance: 'REAL',
      source: 'one per commune by law; name by convention',
    });
  });

  it.each(DEMO_PROVINCES)(
    'has an in-person provider of every taxonomy code in province %s (remote-only codes remotely)',
    (p) => {
      const offered = data.offerings.filter((o) => facilityById.get(o.facilityId)!.provinceCode === p);
      for (const code of SERVICE_CODES) {
        const remote = REMOTE_ONLY_SERVICES.has(code);
        const providers = offered.filter((o) => o.serviceCode === code && o.remote === remote);
        expect({ code, providers: providers.length > 0 }).toEqual({ code, providers: true });
      }
    },
  );

  it('writes the real facilities of the seed documents with provenance REAL and their source', () => {
    const expected: Array<[string, string, string]> = [
      ['fac-22-swc', 'Trung tâm Công tác xã hội tỉnh Quảng Ninh', '06688'],
      ['fac-15-sa-yen-bai', 'Trung tâm Công tác xã hội và Bảo trợ xã hội tỉnh Yên Bái', '04252'],
      ['fac-24-hosp-general', 'Bệnh viện Đa khoa tỉnh Bắc Ninh', '09187'],
      ['fac-24-hosp-obpaed', 'Bệnh viện Sản - Nhi Bắc Ninh', '09187'],
      ['fac-24-hosp-thien-nhan', 'Bệnh viện đa khoa Thiện Nhân', '09187'],
      ['fac-24-rhc-luong-tai', 'Trung tâm Y tế Lương Tài', '09496'],
      ['fac-24-rhc-tu-son', 'Trung tâm Y tế Từ Sơn', '09367'],
      ['fac-24-sa-mental-bac-giang', 'Cơ sở Chăm sóc người tâm thần tỉnh Bắc Giang', '07210'],
    ];
    for (const [id, name, communeCode] of expected) {
      const f = facilityById.get(id);
      expect(f).toMatchObject({ name, communeCode, provenance: 'REAL' });
      expect(f!.source).toMatch(/^seed 00\d: /);
    }
    expect(facilityById.get('fac-24-hosp-general')!.source).toContain('placement approximate');
    expect(facilityById.get('fac-24-hosp-thien-nhan')!.organizationId).toBeNull();
  });

  it('gives the four Quảng Ninh pilot communes a health station and a point offering SCR.MH and SW.CASE', () => {
    for (const slug of ['06688', '06652', '06994-dong-xa', '06994-ha-long']) {
      for (const kind of ['chs', 'cpp']) {
        const f = facilityById.get(`fac-22-${kind}-${slug}`);
        expect(f).toMatchObject({ provenance: 'REAL', communeCode: slug.slice(0, 5) });
        expect(f!.source).toContain('seed 000');
      }
      const services = data.offerings
        .filter((o) => o.facilityId === `fac-22-cpp-${slug}`)
        .map((o) => o.serviceCode);
      expect(services).toEqual(expect.arrayContaining(['SCR.MH', 'SW.CASE']));
    }
  });

  it('does not generate a demo hospital where a real one of the kind exists', () => {
    expect(facilityById.has('fac-24-hosp-psych')).toBe(true);
    expect(
      data.facilities.filter((f) => f.provinceCode === '24' && f.kind === 'GENERAL_HOSPITAL'),
    ).toHaveLength(1);
    expect(
      data.facilities.filter((f) => f.provinceCode === '24' && f.kind === 'SOCIAL_ASSISTANCE_MENTAL'),
    ).toHaveLength(1);
    expect(facilityById.get('fac-15-hosp-obpaed')).toMatchObject({ provenance: 'DEMO', level: 'PROVINCIAL' });
  });

  it('labels every generated facility as demo and keeps ids unique and readable', () => {
    expect(new Set(data.facilities.map((f) => f.id)).size).toBe(data.facilities.length);
    expect(data.facilities.every((f) => /^fac-\d\d-[a-z0-9-]+$/.test(f.id))).toBe(true);
    for (const f of data.facilities.filter((x) => x.provenance === 'DEMO'))
      expect(f.source).toContain('(demo)');
    expect(new Set(data.offerings.map((o) => o.id)).size).toBe(data.offerings.length);
  });

  it('places facilities in seeded communes, within about 1 km of the commune point', () => {
    const orgs = new Set(data.organizations.map((o) => o.id));
    for (const f of data.facilities) {
      const c = communeByCode.get(f.communeCode)!;
      expect(c.provinceCode).toBe(f.provinceCode);
      expect(measureGreatCircleKm(c.lat!, c.lon!, f.lat!, f.lon!)).toBeLessThan(1);
      if (f.organizationId) expect(orgs.has(f.organizationId)).toBe(true);
    }
  });

  it('gives offerings plausible ages, capacity, schedules and languages', () => {
    for (const o of data.offerings) {
      expect(o.minAgeMonths!).toBeLessThanOrEqual(o.maxAgeMonths!);
      expect(o.capacity!).toBeGreaterThan(0);
      expect(o.schedule).toMatch(/^FREQ=(DAILY|WEEKLY|MONTHLY)/);
      expect(o.languages[0]).toBe('vie');
    }
    const asd = data.offerings.filter((o) => o.serviceCode === 'SCR.ASD' && o.facilityId.includes('-chs-'));
    expect(asd.every((o) => o.minAgeMonths === 16 && o.maxAgeMonths === 48)).toBe(true);
    const full = data.offerings.filter((o) => o.currentLoad! >= o.capacity!);
    expect(full.length).toBeGreaterThan(0);
    expect(full.length).toBeLessThan(data.offerings.length / 3);
  });

  it('offers Hmong, Dao, Tày and Giáy in Lào Cai and mostly Vietnamese elsewhere', () => {
    const langsIn = (p: string) =>
      new Set(data.offerings.filter((o) => o.facilityId.startsWith(`fac-${p}-`)).flatMap((o) => o.languages));
    expect([...langsIn('15')].sort()).toEqual(['hmn', 'ium', 'pcc', 'tyz', 'vie']);
    expect([...langsIn('22')].every((l) => ['vie', 'tyz', 'nut'].includes(l))).toBe(true);
    expect([...langsIn('24')].every((l) => ['vie', 'tyz', 'nut'].includes(l))).toBe(true);
  });

  it('builds estimated roads between seeded communes only', () => {
    expect(data.roads.length).toBeGreaterThan(data.communes.length);
    for (const r of data.roads) {
      expect(communeByCode.has(r.fromCode) && communeByCode.has(r.toCode)).toBe(true);
      expect(r.fromCode < r.toCode).toBe(true);
      expect(r.minutes.MOTORBIKE_RAINY).toBeGreaterThan(0);
    }
  });
});
