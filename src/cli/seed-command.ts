/** `npm run cli -- seed [--force]`: seeds the demo provinces into the configured store. */
import { loadConfig } from '../config';
import { openStore } from '../store/open-store';
import { parseArgs } from './args';
import { isStoreLocked } from './store-or-server';
import type { CliIo } from './token-command';

export async function runSeedCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv);
  const config = loadConfig();
  let store;
  try {
    store = await openStore(config.store);
  } catch (err) {
    if (!isStoreLocked(err)) throw err;
    // Seeding rewrites geography and taxonomy: only the process that owns the store can do it.
    io.err(
      `seed: the store ${config.store.dataFile} is held by a running server (npm start), which seeds an ` +
        'empty store itself when it starts (KETNOI_SEED=true). To seed again, stop the server (Ctrl-C), ' +
        'run npm run cli -- seed, then npm start. To add directory data while it runs, use ' +
        'npm run cli -- import <file> (it goes through the server).',
    );
    return 1;
  }
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
