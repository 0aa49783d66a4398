/** `npm run cli -- <command> …`: token, seed, import, export, coverage (the generator is tools/generate). */
import { runTokenCommand, type CliIo } from './token-command';

const io: CliIo = { out: (l) => console.log(l), err: (l) => console.error(l) };

const USAGE = `usage: npm run cli -- <command> [options]
  token     --role <caseworker|facility_staff|planner|integrator|admin> [--org ID] [--province CODE] [--facility ID]
  seed      seed the demo provinces into the configured store (if empty; --force to re-run)
  import    <file.ndjson | directory> [--dry-run] [--skip-invalid]   (format: docs/import-format.md)
  export    --format hsds|fhir [--out FILE]
  coverage  --service CODE --minutes N [--mode M] [--season S] [--province CODE] [--ageFrom M --ageTo M] [--format csv|geojson|summary]
(generated data sets for benchmarks: npm run generate -- --help)`;

/** `<command> --help` for each command: what it does, its options, and how it behaves next to a server. */
const HELP: Record<string, string> = {
  token: `usage: npm run token -- --role ROLE [--org ID] [--province CODE] [--facility ID] [--sub NAME] [--ttl 8h]
  Prints a bearer token signed with KETNOI_JWT_SECRET (or the development secret), for the running server.
  ROLE: caseworker, facility_staff, planner, integrator, admin.`,
  seed: `usage: npm run cli -- seed [--force]
  Seeds geography, taxonomy and the demo provinces into the configured store (when empty; --force re-runs).
  Needs the store to itself: stop a running server first (it seeds an empty store at start anyway).`,
  import: `usage: npm run cli -- import <file.ndjson | directory> [--dry-run] [--skip-invalid]
  Validates every row (file, line, field), then writes all of them in one transaction, or none.
  --dry-run validates and compares only; --skip-invalid writes the valid rows and lists the rest.
  While a server runs (npm start), the import goes through it (POST /import/directory). Format: docs/import-format.md.`,
  export: `usage: npm run cli -- export --format hsds|fhir [--out FILE] [--base-url URL]
  Writes the whole directory: HSDS 3 NDJSON (default) or a FHIR R4 Bundle. Without --out it writes to a
  pipe or file only (npm run -s cli -- export > file); on a terminal it asks for --out.
  While a server runs (npm start), it reads the server's export routes.`,
  coverage: `usage: npm run cli -- coverage --service CODE --minutes N [--mode M] [--season S] [--province CODE]
                              [--ageFrom M --ageTo M] [--format csv|geojson|summary]
  Share of children within N minutes of a service, per commune. While a server runs, it asks the server.`,
};

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command && (rest.includes('--help') || rest.includes('-h'))) {
    const help = HELP[command];
    if (help) {
      io.out(help);
      return 0;
    }
  }
  if (command === '--help' || command === '-h' || command === 'help') {
    io.out(USAGE);
    return 0;
  }
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
