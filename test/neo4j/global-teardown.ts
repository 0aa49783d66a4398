/** Stops the Neo4j server the global setup started, if it started one. */
import { takeStarted } from './started';

export default async function globalTeardown(): Promise<void> {
  await takeStarted()?.stop();
}
