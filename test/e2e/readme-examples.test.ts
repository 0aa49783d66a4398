/**
 * Every runnable GraphQL example in the README (those without <placeholders>) runs against the demo
 * data that `npm start` seeds, as a signed-in admin, and returns data without errors. The caseworker
 * walk-through runs whole, with its own tokens, in readme-walkthrough.test.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Viewer } from '../../src/auth/viewer';
import { createDemoApp } from '../fixtures/demo-app';
import type { TestApp } from '../fixtures/test-app';

const admin: Viewer = {
  subject: 'readme',
  role: 'admin',
  organizationId: null,
  provinceCode: null,
  facilityId: null,
};

function readmeOperations(): string[] {
  const full = fs.readFileSync(path.join(__dirname, '../../README.md'), 'utf8');
  const session = full.indexOf("## A caseworker's session");
  const next = full.indexOf('\n## ', session + 1);
  const readme = full.slice(0, session) + full.slice(next);
  const blocks = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!);
  const operations: string[] = [];
  for (const block of blocks) {
    // A block may hold several operations, each starting at column 0 with `{` or `mutation`.
    const parts = block.split(/\n(?=\{|mutation )/);
    for (const part of parts) {
      const op = part.replace(/^#.*$/gm, '').trim();
      if (op && !op.includes('<') && !op.startsWith('mutation')) operations.push(op);
    }
  }
  return operations;
}

let t: TestApp;
beforeAll(async () => {
  t = await createDemoApp();
}, 60_000);
afterAll(() => t.close());

describe('README examples', () => {
  const operations = readmeOperations();

  it('finds the examples', () => {
    expect(operations.length).toBeGreaterThanOrEqual(7);
  });

  it.each(operations.map((op) => [op.split('\n')[0]!.slice(0, 60), op]))('runs %s', async (_name, op) => {
    const r = await t.run(op, {}, admin);
    expect(r.errors).toBeUndefined();
    const values = Object.values(r.data ?? {});
    expect(values.length).toBeGreaterThan(0);
    for (const value of values) {
      expect(value).not.toBeNull();
      if (Array.isArray(value)) expect(value.length).toBeGreaterThan(0);
    }
  });
});
