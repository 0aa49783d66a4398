/**
 * Walks the five referral chains of the product brief through real GraphQL mutations on the demo data:
 * each next step comes from suggestNextSteps (pathway + nearest provider), the receiving facility's staff
 * accept, start and complete it, and the finished chain is traced.
 */
import type { Viewer } from '../../src/auth/viewer';
import { levelRank, type FacilityLevel } from '../../src/domain/model';
import { createDemoApp } from '../fixtures/demo-app';
import type { TestApp } from '../fixtures/test-app';

let t: TestApp;
let clock = Date.parse('2025-09-01T01:00:00.000Z');

beforeAll(async () => {
  t = await createDemoApp({ now: () => new Date((clock += 3_600_000)).toISOString() });
}, 60_000);
afterAll(() => t.close());

const staffOf = (facilityId: string): Viewer => ({
  subject: `staff-${facilityId}`,
  role: 'facility_staff',
  organizationId: null,
  provinceCode: null,
  facilityId,
});

interface ChainPlan {
  province: string;
  communeCode: string;
  birthMonth: string;
  needs: string[];
  startFacility: string;
  languages?: string[];
  expectedPathway: string;
}

async function walk(plan: ChainPlan) {
  // Each chain starts on the same day, so a child's age depends only on its own chain.
  clock = Date.parse('2025-09-01T01:00:00.000Z');
  const caseworker: Viewer = {
    subject: `cw-${plan.province}`,
    role: 'caseworker',
    organizationId: `org-${plan.province}-social`,
    provinceCode: plan.province,
    facilityId: null,
  };
  const created = await t.run(
    `mutation($i: CreateCaseInput!) { createCase(input: $i) { id } }`,
    {
      i: {
        label: `CHAIN-${plan.expectedPathway}`,
        birthMonth: plan.birthMonth,
        sex: 'F',
        communeCode: plan.communeCode,
        needs: plan.needs,
        languages: plan.languages ?? ['vie'],
      },
    },
    caseworker,
  );
  expect(created.errors).toBeUndefined();
  const caseId = created.data!.createCase.id;
  const consent = await t.run(
    `mutation($i: GrantConsentInput!) { grantConsent(input: $i) { id } }`,
    { i: { caseId, grantedBy: 'GUARDIAN', scopeSectors: ['HEALTH', 'SOCIAL', 'EDUCATION'] } },
    caseworker,
  );
  expect(consent.errors).toBeUndefined();

  let from = plan.startFacility;
  let parentId: string | null = null;
  const visited: string[] = [];
  for (let guard = 0; guard < 8; guard += 1) {
    const next = await t.run(
      `query($id: ID!) { suggestNextSteps(caseId: $id) { pathwayId stepId serviceCodes why
         providers { facility { id level sector } offering { service { code } } travelMinutes } } }`,
      { id: caseId },
      caseworker,
    );
    expect(next.errors).toBeUndefined();
    const steps = next.data!.suggestNextSteps;
    if (steps.length === 0) break;
    const step = steps[0];
    expect(step.pathwayId).toBe(plan.expectedPathway);
    if (step.providers.length === 0)
      throw new Error(`no provider for ${step.stepId} ${step.serviceCodes} after ${visited}`);
    const target = step.providers[0];
    const fromLevel = t.app.readModel.facilities.get(from)!;
    const skips =
      fromLevel.sector === 'HEALTH' &&
      target.facility.sector === 'HEALTH' &&
      levelRank(target.facility.level as FacilityLevel) - levelRank(fromLevel.level) > 1;
    const referral: any = await t.run(
      `mutation($i: CreateReferralInput!) { createReferral(input: $i) { id status } }`,
      {
        i: {
          caseId,
          fromFacilityId: from,
          toFacilityId: target.facility.id,
          serviceCode: target.offering.service.code,
          reason: step.why.slice(0, 900),
          parentId,
          skipReason: skips ? 'The lower level does not offer this service' : null,
        },
      },
      caseworker,
    );
    expect(referral.errors).toBeUndefined();
    const id = referral.data.createReferral.id;
    for (const action of ['ACCEPT', 'START', 'COMPLETE']) {
      const moved = await t.run(
        `mutation($i: TransitionReferralInput!) { transitionReferral(input: $i) { status } }`,
        { i: { referralId: id, action } },
        staffOf(target.facility.id),
      );
      expect(moved.errors).toBeUndefined();
    }
    visited.push(`${step.stepId}:${target.offering.service.code}`);
    // Each step takes about two and a half months: the child ages along the chain (the autism
    // pathway starts at 30 months and inclusive education takes children from 36 months).
    clock += 75 * 86_400_000;
    from = target.facility.id;
    parentId = id;
  }
  const chain = await t.run(
    `query($id: ID!) { referralChain(caseId: $id) { steps { depth flags referral { status service { code } } } issues { code message } sectorsCrossed completedSteps openSteps } }`,
    { id: caseId },
    caseworker,
  );
  expect(chain.errors).toBeUndefined();
  return { visited, chain: chain.data!.referralChain };
}

describe('the five chains of the product brief, on the demo data', () => {
  it('1. autism in Lào Cai: screening → diagnosis → therapy → inclusive education', async () => {
    const { visited, chain } = await walk({
      province: '15',
      communeCode: '02647',
      birthMonth: '2023-03',
      needs: ['SCR.ASD'],
      startFacility: 'fac-15-pre-02647',
      expectedPathway: 'AUTISM',
    });
    expect(visited.map((v) => v.split(':')[0])).toEqual(['SCREEN', 'DIAGNOSE', 'THERAPY', 'INCLUDE']);
    expect(chain.completedSteps).toBe(4);
    expect(chain.openSteps).toBe(0);
    expect(chain.issues).toEqual([]);
    expect(chain.sectorsCrossed[0]).toBe('EDUCATION');
    expect(chain.sectorsCrossed).toContain('HEALTH');
    expect(chain.sectorsCrossed[chain.sectorsCrossed.length - 1]).toBe('EDUCATION');
    expect(chain.steps.map((s: any) => s.depth)).toEqual([0, 1, 2, 3]);
  });

  it('2. adolescent depression in Quảng Ninh: screening → case management → counselling → diagnosis', async () => {
    const { visited, chain } = await walk({
      province: '22',
      communeCode: '06652',
      birthMonth: '2010-05',
      needs: ['SCR.MH'],
      startFacility: 'fac-22-cpp-06652',
      expectedPathway: 'DEPRESSION',
    });
    expect(visited.map((v) => v.split(':')[0])).toEqual(['SCREEN', 'CASE', 'COUNSEL', 'DIAGNOSE']);
    expect(chain.completedSteps).toBe(4);
    expect(chain.sectorsCrossed).toEqual(expect.arrayContaining(['SOCIAL', 'HEALTH']));
  });

  it('3. abuse reported to hotline 111: protection → examination → alternative care → back to school', async () => {
    const { visited, chain } = await walk({
      province: '24',
      communeCode: '09367',
      birthMonth: '2016-02',
      needs: ['CP.HOTLINE'],
      startFacility: 'fac-24-cpp-09367',
      expectedPathway: 'ABUSE_REPORT',
    });
    expect(visited.map((v) => v.split(':')[0])).toEqual(['REPORT', 'PROTECT', 'EXAMINE', 'PLACE', 'RETURN']);
    expect(visited[2]).toBe('EXAMINE:EXAM.GEN');
    expect(chain.sectorsCrossed).toEqual(expect.arrayContaining(['SOCIAL', 'HEALTH', 'EDUCATION']));
    expect(chain.completedSteps).toBe(5);
  });

  it('4. orphan in Vân Đồn: kinship care → social allowance → foster care', async () => {
    const { visited, chain } = await walk({
      province: '22',
      communeCode: '07015',
      birthMonth: '2019-06',
      needs: ['AC.KIN'],
      startFacility: 'fac-22-cpp-06994',
      expectedPathway: 'ORPHAN_CARE',
    });
    expect(visited[0]).toMatch(/^KINSHIP:/);
    expect(visited[1]).toMatch(/^ALLOWANCE:/);
    expect(chain.completedSteps).toBe(visited.length);
    expect(chain.issues).toEqual([]);
  });

  it('5. adolescent with intellectual disability: diagnosis → special education → vocational guidance', async () => {
    const { visited, chain } = await walk({
      province: '24',
      communeCode: '09496',
      birthMonth: '2011-01',
      needs: ['DX.MH', 'EDU.SPEC'],
      startFacility: 'fac-24-cpp-09496',
      expectedPathway: 'INTELLECTUAL_DISABILITY',
    });
    expect(visited.map((v) => v.split(':')[0])).toEqual(['DIAGNOSE', 'EDUCATE', 'GUIDE']);
    expect(chain.sectorsCrossed).toEqual(expect.arrayContaining(['HEALTH', 'EDUCATION']));
  });
});
