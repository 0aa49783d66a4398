/** `npm run cli -- import <file.ndjson | dir> [--dry-run] [--skip-invalid]`: validates, then imports atomically. */
import { createApp } from '../app';
import { loadConfig } from '../config';
import { importDirectory } from '../import/import-directory';
import { parseImportPath } from '../import/parse-import';
import { openStore } from '../store/open-store';
import { parseArgs } from './args';
import type { CliIo } from './token-command';

export async function runImportCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv);
  const target = args.positional[0];
  if (!target) {
    io.err('usage: npm run cli -- import <file.ndjson | directory> [--dry-run] [--skip-invalid]');
    return 2;
  }
  const parsed = parseImportPath(target);
  io.out(`import: read ${parsed.rows.length} rows from ${target}`);
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
    for (const p of report.problems)
      io.out(`  ${p.severity} ${p.file}:${p.line}${p.field ? ` ${p.field}` : ''}: ${p.message}`);
    if (report.skippedRows.length)
      io.out(`import: skipped ${report.skippedRows.length} invalid rows: ${report.skippedRows.join(', ')}`);
    io.out(
      `import: ${report.committed ? 'committed' : report.dryRun ? 'dry run, nothing written' : 'nothing written'}; ` +
        `created ${JSON.stringify(report.created)}, updated ${JSON.stringify(report.updated)}, unchanged ${JSON.stringify(report.unchanged)} in ${report.elapsedMs} ms`,
    );
    return report.committed || (report.dryRun && report.problems.every((p) => p.severity !== 'ERROR'))
      ? 0
      : 1;
  } finally {
    await store.close();
  }
}
