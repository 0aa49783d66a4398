/**
 * The directory of a generated set in the documented import format (docs/import-format.md): organizations,
 * locations, one service per taxonomy code and the offerings, as HSDS NDJSON rows built by the exporter's own
 * row functions, so `npm run cli -- import <out>/import` reads exactly what `export` would write. Geography,
 * taxonomy and the estimated road graph are not part of that format; `generate --import` loads them.
 */
import path from 'node:path';
import fs from 'node:fs';
import { locationRow, offeringRow, organizationRow, serviceRow } from '../../src/export/hsds-export';
import type { SeedDataset } from '../../seeds/seed';
import { NdjsonWriter } from './ndjson-file';

export const HSDS_FILE = 'import/directory.ndjson';

export function writeHsdsFile(out: string, data: SeedDataset): { lines: number; sha256: string } {
  fs.mkdirSync(path.join(out, 'import'), { recursive: true });
  const writer = new NdjsonWriter(path.join(out, HSDS_FILE));
  for (const o of data.organizations) writer.write(organizationRow(o));
  for (const f of data.facilities) writer.write(locationRow(f));
  const names = new Map(data.serviceTypes.map((s) => [s.code, s.name]));
  const codes = [...new Set(data.offerings.map((o) => o.serviceCode))].sort();
  for (const code of codes) writer.write(serviceRow(code, names.get(code)));
  for (const o of data.offerings) writer.write(offeringRow(o));
  return writer.close();
}
