/**
 * `npm run cli -- import <file.ndjson | dir> [--dry-run] [--skip-invalid]`: validates every row, then
 * imports all of it in one transaction (or, with --skip-invalid, the valid rows). Prints a line per step
 * with rows and rate, then every problem (file:line field). Exit code 0 when written (or a clean dry run).
 */
import fs from 'node:fs';
import { createApp } from '../app';
import { loadConfig } from '../config';
import { importDirectory } from '../import/import-directory';
import { formatStep } from '../import/import-steps';
import { parseImportPath } from '../import/parse-import';
import { openStore } from '../store/open-store';
import { parseArgs } from './args';
import type { CliIo } from './token-command';

const USAGE = 'usage: npm run cli -- import <file.ndjson | directory> [--dry-run] [--skip-invalid]';
/** Problems printed one per line; the rest are counted (the report has them all). */
const MAX_PRINTED = 500;

export async function runImportCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv);
  const target = args.positional[0];
  if (!target || !fs.existsSync(target)) {
    io.err(target ? `import: ${target} does not exist\n${USAGE}` : USAGE);
    return 2;
  }
  const started = performance.now();
  const parsed = parseImportPath(target);
  const ms = performance.now() - started;
  io.out(`import: ${formatStep({ name: `read ${target}`, rows: parsed.rows.length, ms })}`);
  const config = loadConfig();
  const store = await openStore(config.store);
  try {
    const app = await createApp(config, store);
    const report = await importDirectory({
      app,
      rows: parsed.rows,
      parseProblems: parsed.problems,
      dryRun: args.flags['dry-run'] === true,
      skipInvalid: args.flags['skip-invalid'] === true,
      progress: io.out,
    });
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
  } finally {
    await store.close();
  }
}
