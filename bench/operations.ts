/**
 * The five measured operations, each as a GraphQL call over HTTP and as the same service call in process
 * (no GraphQL, no HTTP), with the inputs they rotate through and their bounds (max count, max seconds).
 */
import type { App } from '../src/app';
import { listFacilities } from '../src/services/list-facilities';
import { signToken } from '../src/auth/tokens';
import type { Viewer } from '../src/auth/viewer';
import { DEV_JWT_SECRET } from '../src/config';
import type { GraphqlClient } from './http-client';

export interface BenchInputs {
  communes: string[];
  provinces: string[];
  chainCaseId: string;
  chainProvince: string;
  /** Where bench referrals are sent from and to (a child-protection point, a provider of SCR.ASD). */
  refer: { province: string; communeCode: string; fromFacilityId: string; toFacilityId: string };
}

export interface Operation {
  name: string;
  maxCount: number;
  maxSeconds: number;
  http(client: GraphqlClient, i: number): Promise<void>;
  inProcess(app: App, i: number): Promise<void>;
}

const SERVICE = 'SCR.ASD';
/** What every bench nearest-provider question asks, besides the child's commune. */
export const NEAREST_QUESTION = { serviceCode: SERVICE, childAgeMonths: 30 } as const;
/** The origin of the i-th nearest-provider question: the communes in a fixed, scattered rotation. */
export const benchCommune = (inputs: BenchInputs, i: number) =>
  inputs.communes[(i * 7919) % inputs.communes.length]!;
const COVERAGE_SERVICES = ['SCR.ASD', 'DX.ASD', 'THR.SLT', 'EDU.INCL'];

export const viewers = (inputs: BenchInputs) => {
  const p = inputs.chainProvince;
  return {
    chainOwner: {
      subject: `bench-cw-${p}`,
      role: 'caseworker',
      organizationId: `org-${p}-social`,
      provinceCode: p,
      facilityId: null,
    } as Viewer,
    referrer: {
      subject: 'bench-referrer',
      role: 'caseworker',
      organizationId: `org-${inputs.refer.province}-social`,
      provinceCode: inputs.refer.province,
      facilityId: null,
    } as Viewer,
    planner: {
      subject: 'bench-planner',
      role: 'planner',
      organizationId: null,
      provinceCode: null,
      facilityId: null,
    } as Viewer,
  };
};

export async function tokenFor(v: Viewer): Promise<string> {
  return signToken(
    {
      subject: v.subject,
      role: v.role as never,
      organizationId: v.organizationId,
      provinceCode: v.provinceCode,
      facilityId: v.facilityId,
    },
    DEV_JWT_SECRET,
  );
}

const NEAREST = `query($c: String!, $s: String!) { nearestProviders(input: { communeCode: $c, serviceCode: $s, childAgeMonths: 30 }) {
  matches { facility { id name } travelMinutes distanceKm } } }`;
const FACILITIES = `query($p: String) { facilities(first: 20, where: { provinceCode: $p, serviceCode: "${SERVICE}", ageMonths: 30 }) {
  totalCount nodes { id name level } } }`;
const CHAIN = `query($id: ID!) { referralChain(caseId: $id) { steps { depth flags acceptedAt completedAt referral { id status } }
  issues { code } completedSteps openSteps } }`;
const COVERAGE = `query($s: String!) { coverage(input: { serviceCode: $s, maxMinutes: 60 }) { shareCovered coveredChildren children } }`;
const REFER = `mutation($i: CreateReferralInput!) { createReferral(input: $i) { id status } }`;

/** The operations, given the inputs, tokens and the bench cases each side refers for. */
export async function buildOperations(input: {
  inputs: BenchInputs;
  httpCases: string[];
  inProcessCases: string[];
}): Promise<Operation[]> {
  const { inputs } = input;
  const v = viewers(inputs);
  const [chainToken, referToken, plannerToken] = await Promise.all([
    tokenFor(v.chainOwner),
    tokenFor(v.referrer),
    tokenFor(v.planner),
  ]);
  const commune = (i: number) => inputs.communes[(i * 7919) % inputs.communes.length]!;
  const province = (i: number) => inputs.provinces[i % inputs.provinces.length]!;
  const referral = (cases: string[], i: number) => ({
    caseId: cases[i % cases.length]!,
    fromFacilityId: inputs.refer.fromFacilityId,
    toFacilityId: inputs.refer.toFacilityId,
    serviceCode: SERVICE,
    reason: 'Bench referral: screening requested',
  });
  return [
    {
      name: 'nearestProviders',
      maxCount: 20_000,
      maxSeconds: 10,
      http: (c, i) => c.request(NEAREST, { c: commune(i), s: SERVICE }, referToken),
      inProcess: async (app, i) => {
        await app.routing.nearestProviders({
          communeCode: commune(i),
          serviceCode: SERVICE,
          childAgeMonths: 30,
        });
      },
    },
    {
      name: 'facilities page (province, service, age)',
      maxCount: 5_000,
      maxSeconds: 10,
      http: (c, i) => c.request(FACILITIES, { p: province(i) }, null),
      inProcess: async (app, i) => {
        // What Query.facilities calls: offering filters are answered from the read model.
        await listFacilities(
          app,
          { provinceCode: province(i), serviceCode: SERVICE, ageMonths: 30 },
          { first: 20, after: null },
        );
      },
    },
    {
      name: 'referralChain (8 steps)',
      maxCount: 10_000,
      maxSeconds: 10,
      http: (c) => c.request(CHAIN, { id: inputs.chainCaseId }, chainToken),
      inProcess: async (app) => {
        await app.chains.referralChain(v.chainOwner, inputs.chainCaseId);
      },
    },
    {
      name: 'coverage (national, 60 min)',
      maxCount: 200,
      maxSeconds: 15,
      http: (c, i) =>
        c.request(COVERAGE, { s: COVERAGE_SERVICES[i % COVERAGE_SERVICES.length] }, plannerToken),
      inProcess: async (app, i) => {
        app.coverage.coverage({
          serviceCode: COVERAGE_SERVICES[i % COVERAGE_SERVICES.length]!,
          maxMinutes: 60,
        });
      },
    },
    {
      name: 'createReferral',
      maxCount: 5_000,
      maxSeconds: 10,
      http: (c, i) => c.request(REFER, { i: referral(input.httpCases, i) }, referToken),
      inProcess: async (app, i) => {
        await app.referrals.createReferral(v.referrer, referral(input.inProcessCases, i));
      },
    },
  ];
}
