import { exportFhirBundle } from '../../src/export/fhir-export';
import { fhirId } from '../../src/export/fhir-resources';
import { seedTinyDirectory } from '../fixtures/directory';
import { createTestApp, type TestApp } from '../fixtures/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedTinyDirectory(t.app);
});
afterAll(() => t.close());

type Resource = { resourceType: string; id: string; [k: string]: any };
const bundle = async () =>
  exportFhirBundle(await t.store.allOrganizations(), t.app.readModel, {
    baseUrl: 'https://ketnoi.example.vn/fhir/',
    provinceNames: new Map([['22', 'Quảng Ninh']]),
  }) as { resourceType: string; type: string; entry: { fullUrl: string; resource: Resource }[] };

describe('exportFhirBundle', () => {
  it('is a collection Bundle with absolute fullUrls, no total, and every reference inside it', async () => {
    const b = await bundle();
    expect(b).toMatchObject({
      resourceType: 'Bundle',
      type: 'collection',
      timestamp: '2025-08-01T00:00:00.000Z',
    });
    expect(b).not.toHaveProperty('total');
    expect(b.entry.map((e) => e.fullUrl)).toContain('https://ketnoi.example.vn/fhir/Location/fac-a');
    const ids = new Set(b.entry.map((e) => `${e.resource.resourceType}/${e.resource.id}`));
    const refs = JSON.stringify(b).match(/"reference":"[^"]+"/g) ?? [];
    expect(refs.length).toBeGreaterThan(0);
    for (const r of refs) expect(ids).toContain(r.slice(13, -1));
    const counts = b.entry.reduce<Record<string, number>>(
      (acc, e) => ({ ...acc, [e.resource.resourceType]: (acc[e.resource.resourceType] ?? 0) + 1 }),
      {},
    );
    expect(counts).toEqual({ Organization: 1, Location: 4, HealthcareService: 3 });
  });

  it('shapes a facility as an mCSD FacilityLocation with position, identifiers and address', async () => {
    const location = (await bundle()).entry.find((e) => e.resource.id === 'fac-a')!.resource;
    expect(location.meta.profile).toEqual([
      'https://profiles.ihe.net/ITI/mCSD/StructureDefinition/IHE.mCSD.FacilityLocation',
    ]);
    expect(location.type[0].coding[0]).toEqual({
      system: 'https://profiles.ihe.net/ITI/mCSD/CodeSystem/IHE.mCSD.Organization.Location.Types',
      code: 'facility',
    });
    expect(location.identifier).toContainEqual({ system: 'urn:ket-noi:identifier:moh', value: 'QN-001' });
    expect(location.position).toEqual({ latitude: 21, longitude: 107 });
    expect(location.address).toMatchObject({ city: 'Phường Hà Tu', state: 'Quảng Ninh', country: 'VN' });
    expect(location.managingOrganization).toEqual({ reference: 'Organization/org-22-health' });
  });

  it('gives each offering a HealthcareService with BCP-47 languages, days and its RRULE', async () => {
    const service = (await bundle()).entry.find((e) => e.resource.id === 'off-b1')!.resource;
    expect(service.communication.map((c: any) => c.coding[0].code)).toEqual(['vi', 'ium']);
    expect(service.availableTime).toEqual([{ daysOfWeek: ['mon', 'wed'] }]);
    expect(service.extension).toContainEqual({
      url: 'urn:ket-noi:schedule-rrule',
      valueString: 'FREQ=WEEKLY;BYDAY=MO,WE',
    });
    expect(service.location).toEqual([{ reference: 'Location/fac-b' }]);
    expect(service.eligibility[0].comment).toBe('Ages 16–48 months');
  });

  it('is deterministic and keeps FHIR ids valid', async () => {
    expect(JSON.stringify(await bundle())).toBe(JSON.stringify(await bundle()));
    expect(fhirId('fac-a')).toBe('fac-a');
    expect(fhirId('moh:27_001')).toMatch(/^moh-27-001-[0-9a-f]{8}$/);
    expect(fhirId('moh:27_001')).not.toBe(fhirId('moh:27-001'));
  });
});
