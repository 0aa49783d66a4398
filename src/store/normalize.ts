/**
 * Value normalisation shared by both adapters, so that the same Cypher gives the same JSON.
 * Outbound: strings to NFC (Grafeo compares code points), reject values Neo4j cannot store.
 * Inbound: bigint → number (or string past 2^53), Date → ISO string.
 */
import type { Params, Row } from './cypher-runner';

/** Normalises a parameter value before it is sent to either store. */
export function normalizeParam(value: unknown, path = '$'): unknown {
  if (value === undefined) return null;
  if (typeof value === 'string') return value.normalize('NFC');
  if (value === null || typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return value;
  }
  if (value instanceof Date || value instanceof Map || value instanceof Set) {
    // Grafeo stores a Date as a zone-less timestamp and a Map as {}; the driver differs again.
    throw new TypeError(`${path}: send times as ISO strings and collections as arrays or objects`);
  }
  if (Array.isArray(value)) return value.map((v, i) => normalizeParam(v, `${path}[${i}]`));
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (v !== undefined) out[k] = normalizeParam(v, `${path}.${k}`);
    }
    return out;
  }
  throw new TypeError(`${path}: unsupported parameter type ${typeof value}`);
}

export function normalizeParams(params: Params | undefined): Params {
  return (normalizeParam(params ?? {}) as Params) ?? {};
}

/** Normalises one value read back from either store into plain JSON. */
export function normalizeValue(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') {
    return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER)
      ? Number(value)
      : value.toString();
  }
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(normalizeValue);
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = normalizeValue(v);
    return out;
  }
  return value;
}

export function normalizeRow(row: Record<string, unknown>): Row {
  return normalizeValue(row) as Row;
}
