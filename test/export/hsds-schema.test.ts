/**
 * Every organization, location, service and service_at_location row of the HSDS export of the demo
 * directory validates against the official HSDS 3 JSON Schemas (standards/hsds-3, Open Referral, CC BY-SA 4.0).
 * The schema files declare no `$schema`; the OpenAPI 3.1 document that uses them makes JSON Schema 2020-12 their
 * dialect, so Ajv's 2020-12 validator checks them, with the `uuid`, `email`, `uri` and `date-time` formats on.
 */
import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { exportHsdsRows } from '../../src/export/hsds-export';
import { createDemoApp } from '../fixtures/demo-app';
import type { TestApp } from '../fixtures/test-app';

const SCHEMAS = path.join(__dirname, '../../standards/hsds-3/schema');

function loadValidators() {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  for (const file of fs.readdirSync(SCHEMAS).filter((f) => f.endsWith('.json') && f !== 'openapi.json')) {
    const schema = JSON.parse(fs.readFileSync(path.join(SCHEMAS, file), 'utf8')) as Record<string, unknown>;
    ajv.addSchema({ ...schema, $id: file });
  }
  const get = (name: string) => ajv.getSchema(`${name}.json`)!;
  return {
    organization: get('organization'),
    location: get('location'),
    service: get('service'),
    service_at_location: get('service_at_location'),
  };
}

let t: TestApp;
beforeAll(async () => {
  t = await createDemoApp();
}, 120_000);
afterAll(() => t.close());

describe('the HSDS export against the HSDS 3 schemas', () => {
  it('the schemas declare no draft of their own (so the OpenAPI 3.1 dialect, 2020-12, applies)', () => {
    const declared = fs
      .readdirSync(SCHEMAS)
      .filter((f) => f.endsWith('.json'))
      .filter((f) => '$schema' in (JSON.parse(fs.readFileSync(path.join(SCHEMAS, f), 'utf8')) as object));
    expect(declared).toEqual([]);
    const openapi = JSON.parse(fs.readFileSync(path.join(SCHEMAS, 'openapi.json'), 'utf8')) as {
      openapi: string;
    };
    expect(openapi.openapi).toMatch(/^3\.1\./);
  });

  it('validates every organization, location, service and service_at_location row', async () => {
    const validators = loadValidators();
    const rows = [...exportHsdsRows(await t.store.allOrganizations(), t.app.readModel)];
    const checked: Record<string, number> = {};
    const failures: string[] = [];
    for (const row of rows) {
      const type = row.type as keyof typeof validators;
      const validate = validators[type];
      if (!validate) continue;
      checked[type] = (checked[type] ?? 0) + 1;
      if (!validate(row)) failures.push(`${type} ${String(row.id)}: ${JSON.stringify(validate.errors)}`);
    }
    expect(failures.slice(0, 5)).toEqual([]);
    expect(checked.organization).toBeGreaterThan(0);
    expect(checked.location).toBe(t.app.readModel.facilities.size);
    expect(checked.service_at_location).toBe(t.app.readModel.offerings.size);
    expect(checked.service).toBeGreaterThan(0);
  }, 60_000);

  it('fills every required field with a value, never an empty string', async () => {
    const rows = [...exportHsdsRows(await t.store.allOrganizations(), t.app.readModel)];
    const required: Record<string, string[]> = {};
    for (const type of ['organization', 'location', 'service', 'service_at_location']) {
      const schema = JSON.parse(fs.readFileSync(path.join(SCHEMAS, `${type}.json`), 'utf8')) as {
        required: string[];
      };
      required[type] = schema.required;
    }
    expect(required.organization).toEqual(expect.arrayContaining(['description']));
    expect(required.location).toEqual(expect.arrayContaining(['location_type']));
    expect(required.service).toEqual(expect.arrayContaining(['status']));
    const empty = rows.flatMap((row) =>
      (required[row.type as string] ?? [])
        .filter((f) => typeof row[f] !== 'string' || (row[f] as string).trim() === '')
        .map((f) => `${String(row.type)} ${String(row.ket_noi_id)} ${f}`),
    );
    expect(empty).toEqual([]);
  }, 60_000);

  it('every row also fits the JSON Schema that docs/import-format.md publishes for one NDJSON line', async () => {
    const doc = fs.readFileSync(path.join(__dirname, '../../docs/import-format.md'), 'utf8');
    const section = doc.slice(doc.indexOf('## JSON Schema (one NDJSON line)'));
    const schema = JSON.parse(/```json\n([\s\S]*?)```/.exec(section)![1]!) as object;
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    const validate = ajv.compile(schema) as (data: unknown) => boolean;
    const rows = [...exportHsdsRows(await t.store.allOrganizations(), t.app.readModel)];
    const failures = rows
      .filter((row) => !validate(row))
      .map((row) => `${String(row.type)} ${String(row.id)}`);
    expect(failures.slice(0, 5)).toEqual([]);
    expect(validate({ type: 'location', id: 'x', name: 'x', sector: 'HEALTH', kind: 'lower' })).toBe(false);
  }, 60_000);

  it('a row that breaks the schema is caught (the validator is not a no-op)', () => {
    const { location, service } = loadValidators();
    expect(location({ id: 'fac-22-chs-06652', location_type: 'physical' })).toBe(false);
    expect(location({ id: '2ed6657d-e927-568b-95e1-2665a8aea6a2' })).toBe(false);
    expect(service({ id: '2ed6657d-e927-568b-95e1-2665a8aea6a2', name: 'x', status: 'open' })).toBe(false);
  });
});
