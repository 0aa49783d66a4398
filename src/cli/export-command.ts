/** `npm run cli -- export --format hsds|fhir [--out file] [--base-url URL]`: the whole directory. */
import fs from 'node:fs';
import { createApp } from '../app';
import { loadConfig } from '../config';
import { DEFAULT_FHIR_BASE, exportFhirBundle } from '../export/fhir-export';
import { exportHsdsRows } from '../export/hsds-export';
import { loadExportSources } from '../export/load-export-sources';
import { openStore } from '../store/open-store';
import { flag, parseArgs } from './args';
import type { CliIo } from './token-command';

export async function runExportCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv);
  const format = flag(args, 'format') ?? 'hsds';
  if (format !== 'hsds' && format !== 'fhir') {
    io.err('usage: npm run cli -- export --format hsds|fhir [--out FILE] [--base-url URL]');
    return 2;
  }
  const started = performance.now();
  const config = loadConfig();
  const store = await openStore(config.store);
  try {
    const app = await createApp(config, store);
    const { organizations, provinceNames } = await loadExportSources(app);
    const baseUrl = flag(args, 'base-url') ?? DEFAULT_FHIR_BASE;
    const lines =
      format === 'hsds'
        ? [...exportHsdsRows(organizations, app.readModel)].map((row) => JSON.stringify(row))
        : [JSON.stringify(exportFhirBundle(organizations, app.readModel, { baseUrl, provinceNames }))];
    const text = lines.map((line) => `${line}\n`).join('');
    const out = flag(args, 'out');
    if (out) fs.writeFileSync(out, text);
    else process.stdout.write(text);
    const what = format === 'hsds' ? `${lines.length} NDJSON rows` : 'a FHIR Bundle';
    io.err(
      `export: ${what}, ${Buffer.byteLength(text)} bytes${out ? ` to ${out}` : ''} in ${Math.round(performance.now() - started)} ms`,
    );
    return 0;
  } finally {
    await store.close();
  }
}
