/** The server the global setup started, handed to the global teardown (both run in Jest's main process). */
interface Started {
  stop: () => Promise<void>;
}

const KEY = Symbol.for('ketnoi.neo4j.started');
type Holder = { [KEY]?: Started };

export function setStarted(s: Started): void {
  (globalThis as Holder)[KEY] = s;
}

export function takeStarted(): Started | undefined {
  const s = (globalThis as Holder)[KEY];
  delete (globalThis as Holder)[KEY];
  return s;
}
