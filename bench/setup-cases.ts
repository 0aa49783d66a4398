/** Bench cases for createReferral, with a consent each: over GraphQL for the HTTP runs, in process otherwise. */
import type { App } from '../src/app';
import type { GraphqlClient } from './http-client';
import { tokenFor, viewers, type BenchInputs } from './operations';

// Case labels are unique per organisation: the HTTP and in-process halves write to the same store copy,
// and a store may keep an earlier run's cases, so each half of each run labels its own.
const RUN = Date.now().toString(36);
const CASE_INPUT = (inputs: BenchInputs, n: number, half: 'HTTP' | 'IN-PROCESS') => ({
  label: `BENCH-${half}-${RUN}-${n}`,
  birthMonth: '2022-06',
  sex: 'F' as const,
  communeCode: inputs.refer.communeCode,
  needs: ['SCR.ASD'],
});

const SECTORS = ['HEALTH', 'SOCIAL', 'EDUCATION'] as const;

export async function createHttpCases(
  client: GraphqlClient,
  inputs: BenchInputs,
  count: number,
): Promise<string[]> {
  const token = await tokenFor(viewers(inputs).referrer);
  const ids: string[] = [];
  for (let n = 0; n < count; n += 1) {
    const created = await client.request<{ createCase: { id: string } }>(
      `mutation($i: CreateCaseInput!) { createCase(input: $i) { id } }`,
      { i: CASE_INPUT(inputs, n, 'HTTP') },
      token,
    );
    await client.request(
      `mutation($i: GrantConsentInput!) { grantConsent(input: $i) { id } }`,
      { i: { caseId: created.createCase.id, grantedBy: 'MOTHER', scopeSectors: SECTORS } },
      token,
    );
    ids.push(created.createCase.id);
  }
  return ids;
}

export async function createInProcessCases(app: App, inputs: BenchInputs, count: number): Promise<string[]> {
  const viewer = viewers(inputs).referrer;
  const ids: string[] = [];
  for (let n = 0; n < count; n += 1) {
    const record = await app.cases.createCase(viewer, CASE_INPUT(inputs, n, 'IN-PROCESS'));
    await app.consents.grantConsent(viewer, {
      caseId: record.id,
      grantedBy: 'MOTHER',
      scopeSectors: [...SECTORS],
    });
    ids.push(record.id);
  }
  return ids;
}

/** A facility of the bench province offering SCR.ASD, found through the public directory. */
export async function findReceiver(client: GraphqlClient, province: string): Promise<string> {
  const data = await client.request<{ facilities: { nodes: { id: string; level: string }[] } }>(
    `query($p: String) { facilities(first: 50, where: { provinceCode: $p, serviceCode: "SCR.ASD" }) { nodes { id level } } }`,
    { p: province },
    null,
  );
  const node = data.facilities.nodes.find((f) => f.level !== 'COMMUNE') ?? data.facilities.nodes[0];
  if (!node) throw new Error(`No provider of SCR.ASD in province ${province}`);
  return node.id;
}
