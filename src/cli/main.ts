/** `npm run cli -- <command> …`: token, seed, import, export, coverage, generate. */
import { runTokenCommand, type CliIo } from './token-command';

const io: CliIo = { out: (l) => console.log(l), err: (l) => console.error(l) };

const USAGE = `usage: npm run cli -- <command> [options]
  token     --role <caseworker|facility_staff|planner|integrator|admin> [--org ID] [--province CODE] [--facility ID]
  seed      seed the demo provinces into the configured store (if empty; --force to re-run)
  import    <file.ndjson | directory> [--dry-run] [--skip-invalid]   (format: docs/import-format.md)
  export    --format hsds|fhir [--out FILE]
  coverage  --service CODE --minutes N [--mode M] [--season S] [--province CODE] [--ageFrom M --ageTo M] [--format csv|geojson|summary]
  generate  --scale national|FRACTION [--seed N] [--out DIR] [--import [STORE_FILE]] [--force]`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'token':
      return runTokenCommand(rest, io);
    case 'seed': {
      const { runSeedCommand } = await import('./seed-command');
      return runSeedCommand(rest, io);
    }
    case 'import': {
      const { runImportCommand } = await import('./import-command');
      return runImportCommand(rest, io);
    }
    case 'export': {
      const { runExportCommand } = await import('./export-command');
      return runExportCommand(rest, io);
    }
    case 'coverage': {
      const { runCoverageCommand } = await import('./coverage-command');
      return runCoverageCommand(rest, io);
    }
    case 'generate': {
      const { runGenerateCommand } = await import('./generate-command');
      return runGenerateCommand(rest, io);
    }
    default:
      io.err(USAGE);
      return command ? 2 : 0;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
