/**
 * Child process for the kill -9 test: opens a file store, writes referrals one after another and
 * prints each id only after its transaction returned (committed). The parent kills it mid-stream.
 */
import { createApp } from '../../src/app';
import type { Viewer } from '../../src/auth/viewer';
import { loadConfig } from '../../src/config';
import { openEmbeddedRunner } from '../../src/store/embedded/embedded-runner';
import { CypherGraphStore } from '../../src/store/graph-store';
import { seedTinyDirectory } from '../fixtures/directory';

const caseworker: Viewer = {
  subject: 'cw-1',
  role: 'caseworker',
  organizationId: 'org-22-health',
  provinceCode: '22',
  facilityId: null,
};

async function main(path: string): Promise<void> {
  const store = new CypherGraphStore(openEmbeddedRunner({ path }));
  await store.ensureSchema();
  const app = await createApp(loadConfig({ KETNOI_DATA_FILE: path }), store);
  await seedTinyDirectory(app);
  const record = await app.cases.createCase(caseworker, {
    label: 'KILL-1',
    birthMonth: '2023-01',
    sex: 'F',
    communeCode: '06652',
  });
  await app.consents.grantConsent(caseworker, {
    caseId: record.id,
    grantedBy: 'MOTHER',
    scopeSectors: ['HEALTH'],
  });
  console.log(`READY ${record.id}`);
  for (;;) {
    const referral = await app.referrals.createReferral(caseworker, {
      caseId: record.id,
      fromFacilityId: 'fac-a',
      toFacilityId: 'fac-b',
      serviceCode: 'SCR.ASD',
      reason: 'kill -9 test',
    });
    console.log(`COMMITTED ${referral.id}`);
  }
}

main(process.argv[2]!).catch((err) => {
  console.error(err);
  process.exit(1);
});
