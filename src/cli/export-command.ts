/**
 * `npm run cli -- export --format hsds|fhir [--out file] [--base-url URL]`: the whole directory. Reads the
 * store, or the running server's export routes when `npm start` holds the store. Without --out it writes
 * to standard output only when that is a pipe or a file: on a terminal it says how to save it instead.
 */
import fs from 'node:fs';
import { createApp } from '../app';
import { loadConfig } from '../config';
import { DEFAULT_FHIR_BASE, exportFhirBundle } from '../export/fhir-export';
import { exportHsdsRows } from '../export/hsds-export';
import { loadExportSources } from '../export/load-export-sources';
import { flag, parseArgs } from './args';
import { describeHttpError, openStoreOrServer, StoreBusyError } from './store-or-server';
import type { CliIo } from './token-command';

export const EXPORT_USAGE = 'usage: npm run cli -- export --format hsds|fhir [--out FILE] [--base-url URL]';

export async function runExportCommand(
  argv: readonly string[],
  io: CliIo,
  stdout: Pick<NodeJS.WriteStream, 'isTTY' | 'write'> = process.stdout,
): Promise<number> {
  const args = parseArgs(argv);
  const format = flag(args, 'format') ?? 'hsds';
  if (format !== 'hsds' && format !== 'fhir') {
    io.err(EXPORT_USAGE);
    return 2;
  }
  const out = flag(args, 'out');
  if (!out && stdout.isTTY) {
    io.err(
      `export: the whole directory would flood this terminal. Save it with --out FILE, or redirect it:\n` +
        `  npm run -s cli -- export --format ${format} > directory.${format === 'hsds' ? 'ndjson' : 'json'}`,
    );
    return 2;
  }
  const started = performance.now();
  const config = loadConfig();
  let opened;
  try {
    opened = await openStoreOrServer(config, 'integrator');
  } catch (err) {
    if (err instanceof StoreBusyError) {
      io.err(`export: ${err.message}`);
      return 1;
    }
    throw err;
  }
  let text: string;
  let via = '';
  if (opened.kind === 'server') {
    if (flag(args, 'base-url')) io.err('export: --base-url is ignored: the server writes its own address');
    const res = await opened.server.request(format === 'hsds' ? '/export/hsds.ndjson' : '/export/fhir.json');
    if (!res.ok) {
      io.err(`export: the server refused: ${await describeHttpError(res)}`);
      return 1;
    }
    text = await res.text();
    if (format === 'fhir' && !text.endsWith('\n')) text += '\n';
    via = ` (through the running server at ${opened.server.base})`;
  } else {
    const { store } = opened;
    try {
      const app = await createApp(config, store);
      const { organizations, provinceNames } = await loadExportSources(app.directoryReads);
      const baseUrl = flag(args, 'base-url') ?? DEFAULT_FHIR_BASE;
      const lines =
        format === 'hsds'
          ? [...exportHsdsRows(organizations, app.readModel)].map((row) => JSON.stringify(row))
          : [JSON.stringify(exportFhirBundle(organizations, app.readModel, { baseUrl, provinceNames }))];
      text = lines.map((line) => `${line}\n`).join('');
    } finally {
      await store.close();
    }
  }
  if (out) fs.writeFileSync(out, text);
  else stdout.write(text);
  const what = format === 'hsds' ? `${text.split('\n').length - 1} NDJSON rows` : 'a FHIR Bundle';
  io.err(
    `export: ${what}, ${Buffer.byteLength(text)} bytes${out ? ` to ${out}` : ''} in ${Math.round(performance.now() - started)} ms${via}`,
  );
  return 0;
}
