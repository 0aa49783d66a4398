/**
 * `npm run generate -- …`: the national-scale data generator for benchmarks and scale tests. It lives in
 * tools/, not src/: it is type-checked and linted with the rest, but not built into dist/ or shipped.
 */
import type { CliIo } from '../../src/cli/token-command';
import { runGenerateCommand } from './generate-command';

const io: CliIo = { out: (l) => console.log(l), err: (l) => console.error(l) };

const HELP = `usage: npm run generate -- --scale national|FRACTION [--seed N] [--out DIR] [--import [STORE_FILE]] [--base-only] [--force]
  Writes a deterministic generated data set (docs/performance.md) to DIR (default data/generated/<scale>-s<seed>).
  --import loads it into a new embedded store file (default data/<scale>-s<seed>.grafeo), or into the Neo4j
  in NEO4J_URI when that is set; --base-only loads geography, taxonomy and roads only.`;

const argv = process.argv.slice(2);
if (argv.includes('--help') || argv.includes('-h')) {
  io.out(HELP);
  process.exit(0);
}
runGenerateCommand(argv, io).then(
  (code) => process.exit(code),
  (err: unknown) => {
    io.err(`generate: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
