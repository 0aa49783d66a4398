/**
 * The README's integrator section, followed as written on the demo directory that `npm start` seeds:
 * its change-feed query (read from README.md, not copied here), paged with `after` and the same `since`
 * as the text says, mirrors every organization, facility and offering.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Viewer } from '../../src/auth/viewer';
import { createDemoApp } from '../fixtures/demo-app';
import type { TestApp } from '../fixtures/test-app';

const integrator: Viewer = {
  subject: 'readme-integrator',
  role: 'integrator',
  organizationId: null,
  provinceCode: null,
  facilityId: null,
};

/** The README's integrator section: from its heading to the next `## `. */
function integratorSection(): string {
  const readme = fs.readFileSync(path.join(__dirname, '../../README.md'), 'utf8');
  const start = readme.indexOf("## An integrator's sync");
  expect(start).toBeGreaterThan(0);
  const end = readme.indexOf('\n## ', start + 3);
  return readme.slice(start, end);
}

let t: TestApp;
beforeAll(async () => {
  t = await createDemoApp();
}, 120_000);
afterAll(() => t.close());

describe("the README's integrator section", () => {
  it('its change-feed example, paged as the text says, mirrors the whole directory', async () => {
    const section = integratorSection();
    const query = [...section.matchAll(/```graphql\n([\s\S]*?)```/g)]
      .map((m) => m[1]!.trim())
      .find((q) => q.includes('changes('));
    expect(query).toBeDefined();
    // The text's instructions that this test follows.
    expect(section).toMatch(/`after` set to the last `pageInfo.endCursor`, with the same\s+`since`/);
    const first = /first: (\d+)\)/.exec(query!);
    expect(first).not.toBeNull();

    const mirror = new Map<string, string>();
    let after: string | null = null;
    for (let pages = 0; pages < 1000; pages += 1) {
      const text: string =
        after === null
          ? query!
          : query!.replace(first![0], `first: ${first![1]}, after: ${JSON.stringify(after)})`);
      const r = await t.run(text, {}, integrator);
      expect(r.errors).toBeUndefined();
      const changes = r.data!.changes as {
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        nodes: { kind: string; entity: string; id: string }[];
      };
      for (const n of changes.nodes) {
        if (n.kind === 'DELETED') mirror.delete(`${n.entity}:${n.id}`);
        else mirror.set(`${n.entity}:${n.id}`, n.kind);
      }
      if (!changes.pageInfo.hasNextPage) break;
      after = changes.pageInfo.endCursor;
    }
    const organizations = await t.store.allOrganizations();
    const expected = new Set([
      ...organizations.map((o) => `Organization:${o.id}`),
      ...[...t.app.readModel.facilities.keys()].map((id) => `Facility:${id}`),
      ...[...t.app.readModel.offerings.keys()].map((id) => `Offering:${id}`),
    ]);
    expect(expected.size).toBeGreaterThan(3000);
    expect(new Set(mirror.keys())).toEqual(expected);
    // The text says every record of the seed is CREATED from this `since`.
    expect(section).toMatch(/every record `CREATED`/);
    expect(new Set(mirror.values())).toEqual(new Set(['CREATED']));
  }, 120_000);
});
