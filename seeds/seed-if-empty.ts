/** Seeds the demo provinces into an empty store; leaves a store that has data untouched. */
import type { SeedTarget } from './seed';

export async function seedIfEmpty(store: SeedTarget, log: (line: string) => void): Promise<void> {
  if ((await store.countNodes('Province')) > 0) return;
  log('The store is empty: seeding the demo provinces (Quảng Ninh, Lào Cai, Bắc Ninh)…');
  const { seedDemo } = await import('./seed');
  await seedDemo(store, { log });
}
