/** `npm run cli -- seed [--force]`: seeds the demo provinces into the configured store. */
import { loadConfig } from '../config';
import { openStore } from '../store/open-store';
import { parseArgs } from './args';
import type { CliIo } from './token-command';

export async function runSeedCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv);
  const store = await openStore(loadConfig().store);
  try {
    const { seedDemo } = await import('../../seeds/seed');
    await seedDemo(store, { log: io.out, force: args.flags.force === true } as Parameters<
      typeof seedDemo
    >[1]);
    return 0;
  } finally {
    await store.close();
  }
}
