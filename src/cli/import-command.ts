/**
 * `npm run cli -- import <file.ndjson | dir> [--dry-run] [--skip-invalid]`: validates every row, then
 * imports all of it in one transaction (or, with --skip-invalid, the valid rows). Prints a line per step
 * with rows and rate, then every problem (file:line field). Exit code 0 when written (or a clean dry run).
 * When a running server holds the store, the same import runs in the server (POST /import/directory).
 */
import fs from 'node:fs';
import path from 'node:path';
import { createApp } from '../app';
import { loadConfig } from '../config';
import { importDirectory, type ImportReport } from '../import/import-directory';
import type { ParsedImport } from '../import/import-rows';
import { formatStep } from '../import/import-steps';
import { parseImportPath } from '../import/parse-import';
import { parseArgs } from './args';
import { describeHttpError, openStoreOrServer, StoreBusyError, type ServerClient } from './store-or-server';
import type { CliIo } from './token-command';

export const IMPORT_USAGE =
  'usage: npm run cli -- import <file.ndjson | directory> [--dry-run] [--skip-invalid]';
/** Problems printed one per line; the rest are counted (the report has them all). */
const MAX_PRINTED = 500;

export async function runImportCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv);
  const target = args.positional[0];
  if (!target || !fs.existsSync(target)) {
    io.err(target ? `import: ${target} does not exist\n${IMPORT_USAGE}` : IMPORT_USAGE);
    return 2;
  }
  const started = performance.now();
  const parsed = parseImportPath(target);
  const ms = performance.now() - started;
  io.out(`import: ${formatStep({ name: `read ${target}`, rows: parsed.rows.length, ms })}`);
  const config = loadConfig();
  const options = {
    dryRun: args.flags['dry-run'] === true,
    skipInvalid: args.flags['skip-invalid'] === true,
  };
  let opened;
  try {
    opened = await openStoreOrServer(config, 'integrator');
  } catch (err) {
    if (err instanceof StoreBusyError) {
      io.err(`import: ${err.message}`);
      return 1;
    }
    throw err;
  }
  if (opened.kind === 'server') {
    io.out(`import: the running server at ${opened.server.base} holds the store; importing through it`);
    const report = await importThroughServer(opened.server, target, parsed, options, io);
    return report ? printReport(report, io, started) : 1;
  }
  const { store } = opened;
  try {
    const app = await createApp(config, store);
    const report = await importDirectory({
      into: app,
      rows: parsed.rows,
      parseProblems: parsed.problems,
      ...options,
      progress: io.out,
    });
    return printReport(report, io, started);
  } finally {
    await store.close();
  }
}

function printReport(report: ImportReport, io: CliIo, started: number): number {
  {
    for (const p of report.problems.slice(0, MAX_PRINTED))
      io.out(`  ${p.severity} ${p.file}:${p.line}${p.field ? ` ${p.field}` : ''}: ${p.message}`);
    if (report.problems.length > MAX_PRINTED)
      io.out(`  … and ${report.problems.length - MAX_PRINTED} more problems`);
    if (report.skippedRows.length) io.out(`import: skipped ${report.skippedRows.length} invalid rows`);
    const outcome = report.committed
      ? 'committed'
      : report.dryRun
        ? 'dry run, nothing written'
        : 'nothing written';
    const c = (k: 'created' | 'updated' | 'unchanged') => JSON.stringify(report[k]);
    io.out(
      `import: ${outcome}; created ${c('created')}, updated ${c('updated')}, unchanged ${c('unchanged')}`,
    );
    io.out(`import: ${report.received} rows in ${Math.round(performance.now() - started)} ms in all`);
    const clean = report.problems.every((p) => p.severity !== 'ERROR');
    return report.committed || (report.dryRun && clean) ? 0 : 1;
  }
}

/**
 * Sends the rows to POST /import/directory as one NDJSON body (a CSV folder too, so it stays one
 * transaction) and maps each problem's line back to the file and line it came from. Prints the server's
 * progress lines as they arrive.
 */
async function importThroughServer(
  server: ServerClient,
  target: string,
  parsed: ParsedImport,
  options: { dryRun: boolean; skipInvalid: boolean },
  io: CliIo,
): Promise<ImportReport | null> {
  // Rows that could not be read are not sent: with such an ERROR the server only validates the rest.
  const unreadable = parsed.problems.some((p) => p.severity === 'ERROR') && !options.skipInvalid;
  const origin = parsed.rows.map((r) => ({ file: r.file, line: r.line }));
  const body = parsed.rows.map((r) => JSON.stringify({ type: r.type, ...r.fields })).join('\n');
  const query = new URLSearchParams({
    file: path.basename(target),
    dryRun: String(options.dryRun || unreadable),
    skipInvalid: String(options.skipInvalid),
  });
  const res = await server.request(`/import/directory?${query}`, {
    method: 'POST',
    body,
    contentType: 'application/x-ndjson',
  });
  if (!res.ok || !res.body) {
    io.err(`import: the server refused: ${await describeHttpError(res)}`);
    return null;
  }
  let report: ImportReport | null = null;
  let pending = '';
  const decoder = new TextDecoder();
  const take = (line: string) => {
    if (!line.trim()) return;
    const message = JSON.parse(line) as { progress?: string; report?: ImportReport };
    if (message.progress) io.out(message.progress);
    if (message.report) report = message.report;
  };
  for await (const chunk of res.body) {
    pending += decoder.decode(chunk as Uint8Array, { stream: true });
    const lines = pending.split('\n');
    pending = lines.pop()!;
    lines.forEach(take);
  }
  take(pending);
  if (!report) {
    io.err('import: the server closed the connection before its report');
    return null;
  }
  const r: ImportReport = report;
  const back = (line: number) => origin[line - 1];
  return {
    ...r,
    dryRun: options.dryRun,
    problems: [...parsed.problems, ...r.problems.map((p) => (back(p.line) ? { ...p, ...back(p.line)! } : p))],
    skippedRows: r.skippedRows.map((k) => {
      const o = back(Number(k.slice(k.lastIndexOf(':') + 1)));
      return o ? `${o.file}:${o.line}` : k;
    }),
  };
}
