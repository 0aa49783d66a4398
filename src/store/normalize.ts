/**
 * Value normalisation shared by both adapters, so that the same Cypher gives the same JSON.
 * Outbound: strings to NFC (Grafeo compares code points), reject values Neo4j cannot store.
 * Inbound: bigint → number (or string past 2^53), Date (Grafeo's localdatetime) → local ISO
 * string, whole nodes and relationships → their properties (internal ids differ between stores).
 */
import { types } from 'node:util';
import type { Params, Row } from './cypher-runner';

/** Normalises a parameter value before it is sent to either store. */
export function normalizeParam(value: unknown, path = '$'): unknown {
  if (value === undefined) return null;
  if (typeof value === 'string') return value.normalize('NFC');
  if (
    value === null ||
    typeof value === 'number' ||
    typeof value === 'boolean' ||
    typeof value === 'bigint'
  ) {
    return value;
  }
  if (types.isDate(value) || types.isMap(value) || types.isSet(value)) {
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
  // types.isDate, not instanceof: Grafeo's Dates come from the main realm, foreign under Jest's VM.
  if (types.isDate(value)) return toLocalIso(value);
  if (Array.isArray(value)) return value.map(normalizeValue);
  if (typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const internal = grafeoEntityKeys(obj);
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(obj)) if (!internal.has(k)) out[k] = normalizeValue(v);
    return out;
  }
  return value;
}

const NO_KEYS: ReadonlySet<string> = new Set();
const NODE_KEYS: ReadonlySet<string> = new Set(['_id', '_labels']);
const EDGE_KEYS: ReadonlySet<string> = new Set(['_id', '_type', '_source', '_target']);

/** Grafeo's internal fields: node {_id, _labels, ...}, relationship {_id, _type, _source, _target, ...}. */
function grafeoEntityKeys(obj: Record<string, unknown>): ReadonlySet<string> {
  if (!('_id' in obj)) return NO_KEYS;
  if (Array.isArray(obj._labels)) return NODE_KEYS;
  if ('_type' in obj && '_source' in obj && '_target' in obj) return EDGE_KEYS;
  return NO_KEYS;
}

/**
 * Grafeo returns a localdatetime as a JS Date whose UTC fields are the local fields; print it as
 * Neo4j prints a LocalDateTime (no zone, fraction without trailing zeros): `2025-01-10T08:00:00.5`.
 */
function toLocalIso(date: Date): string {
  return date
    .toISOString()
    .replace(/Z$/, '')
    .replace(/\.(\d*?)0+$/, (_m, digits: string) => (digits ? `.${digits}` : ''));
}

export function normalizeRow(row: Record<string, unknown>): Row {
  return normalizeValue(row) as Row;
}
