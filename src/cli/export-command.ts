/** `npm run cli -- export --format hsds|fhir [--out file]`: the whole directory, to a file or stdout. */
import fs from 'node:fs';
import { createApp } from '../app';
import { loadConfig } from '../config';
import { exportFhirBundle } from '../export/fhir-export';
import { exportHsdsNdjson } from '../export/hsds-export';
import { openStore } from '../store/open-store';
import { flag, parseArgs } from './args';
import type { CliIo } from './token-command';

export async function runExportCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv);
  const format = flag(args, 'format') ?? 'hsds';
  if (format !== 'hsds' && format !== 'fhir') {
    io.err('--format must be hsds or fhir');
    return 2;
  }
  const config = loadConfig();
  const store = await openStore(config.store);
  try {
    const app = await createApp(config, store);
    const organizations = await store.allOrganizations();
    const text =
      format === 'hsds'
        ? exportHsdsNdjson(organizations, app.readModel)
        : `${JSON.stringify(exportFhirBundle(organizations, app.readModel), null, 2)}\n`;
    const out = flag(args, 'out');
    if (out) {
      fs.writeFileSync(out, text);
      io.err(`export: wrote ${Buffer.byteLength(text)} bytes to ${out}`);
    } else process.stdout.write(text);
    return 0;
  } finally {
    await store.close();
  }
}
