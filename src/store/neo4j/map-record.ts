/**
 * neo4j-driver values → the plain JSON the embedded runner returns for the same query
 * (see docs/grafeo-cypher-notes.md §6): integers as numbers (strings past 2^53),
 * nodes and relationships as their properties, temporal values as ISO text, lists and maps recursively.
 */
import neo4j from 'neo4j-driver';
import type { Record as DriverRecord } from 'neo4j-driver';
import type { Row } from '../cypher-runner';

type Num = number | { toNumber(): number };

const n = (v: Num): number => (typeof v === 'number' ? v : v.toNumber());
const pad = (v: Num, width = 2): string => String(Math.abs(n(v))).padStart(width, '0');

/** `.5`, `.123456`: nanoseconds without trailing zeros, as Grafeo prints fractions. */
function fraction(nanos: Num): string {
  const ns = n(nanos);
  return ns === 0 ? '' : `.${String(ns).padStart(9, '0').replace(/0+$/, '')}`;
}

function offset(seconds: Num): string {
  const s = n(seconds);
  if (s === 0) return 'Z';
  const abs = Math.abs(s);
  const hhmm = `${pad(Math.floor(abs / 3600))}:${pad(Math.floor((abs % 3600) / 60))}`;
  return `${s < 0 ? '-' : '+'}${abs % 60 ? `${hhmm}:${pad(abs % 60)}` : hhmm}`;
}

function year(v: Num): string {
  const y = n(v);
  return y < 0 ? `-${pad(y, 4)}` : y > 9999 ? `+${y}` : pad(y, 4);
}

function date(d: { year: Num; month: Num; day: Num }): string {
  return `${year(d.year)}-${pad(d.month)}-${pad(d.day)}`;
}

function clock(t: { hour: Num; minute: Num; second: Num; nanosecond: Num }): string {
  return `${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}${fraction(t.nanosecond)}`;
}

/** ISO-8601 with years and hours folded out, as Grafeo prints durations: `P1Y2M3DT2H5M1S`, `PT0S`. */
function duration(d: { months: Num; days: Num; seconds: Num; nanoseconds: Num }): string {
  const months = n(d.months);
  const days = n(d.days);
  const totalNanos = BigInt(n(d.seconds)) * 1_000_000_000n + BigInt(n(d.nanoseconds));
  const negative =
    months <= 0 && days <= 0 && totalNanos <= 0n && (months < 0 || days < 0 || totalNanos < 0n);
  const sign = negative ? -1 : 1;
  const m = months * sign;
  const dd = days * sign;
  const ns = totalNanos * BigInt(sign);
  const abs = ns < 0n ? -ns : ns;
  const secs = Number(abs / 1_000_000_000n);
  const frac = fraction(Number(abs % 1_000_000_000n));
  const neg = ns < 0n ? '-' : '';
  const datePart = `${Math.trunc(m / 12) ? `${Math.trunc(m / 12)}Y` : ''}${m % 12 ? `${m % 12}M` : ''}${dd ? `${dd}D` : ''}`;
  const h = Math.floor(secs / 3600);
  const min = Math.floor((secs % 3600) / 60);
  const s = secs % 60;
  const timePart = `${h ? `${neg}${h}H` : ''}${min ? `${neg}${min}M` : ''}${s || frac ? `${neg}${s}${frac}S` : ''}`;
  const body = datePart || timePart ? `${datePart}${timePart ? `T${timePart}` : ''}` : 'T0S';
  return `${negative ? '-' : ''}P${body}`;
}

function dateTime(v: {
  year: Num;
  month: Num;
  day: Num;
  hour: Num;
  minute: Num;
  second: Num;
  nanosecond: Num;
  timeZoneOffsetSeconds?: Num;
  timeZoneId?: string;
}): string {
  const local = `${date(v)}T${clock(v)}`;
  if (v.timeZoneOffsetSeconds == null) return v.timeZoneId ? `${local}[${v.timeZoneId}]` : local;
  return `${local}${offset(v.timeZoneOffsetSeconds)}${v.timeZoneId ? `[${v.timeZoneId}]` : ''}`;
}

/** Converts one driver value into plain JSON. */
export function mapValue(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (neo4j.isInt(value)) return neo4j.integer.inSafeRange(value) ? value.toNumber() : value.toString();
  if (typeof value === 'bigint') {
    return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER)
      ? Number(value)
      : value.toString();
  }
  if (typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(mapValue);
  if (neo4j.isNode(value) || neo4j.isRelationship(value) || neo4j.isUnboundRelationship(value)) {
    return mapValue(value.properties);
  }
  if (neo4j.isPath(value)) {
    return {
      nodes: [value.start, ...value.segments.map((s) => s.end)].map(mapValue),
      edges: value.segments.map((s) => mapValue(s.relationship)),
    };
  }
  if (neo4j.isDateTime(value)) return dateTime(value);
  if (neo4j.isLocalDateTime(value)) return `${date(value)}T${clock(value)}`;
  if (neo4j.isDate(value)) return date(value);
  if (neo4j.isTime(value)) return `${clock(value)}${offset(value.timeZoneOffsetSeconds)}`;
  if (neo4j.isLocalTime(value)) return clock(value);
  if (neo4j.isDuration(value)) return duration(value);
  if (neo4j.isPoint(value)) {
    const { srid, x, y, z } = value;
    return z === undefined ? { srid: n(srid), x, y } : { srid: n(srid), x, y, z };
  }
  if (neo4j.isVector(value)) return mapValue(Array.from(value.asTypedArray() as ArrayLike<number | bigint>));
  if (neo4j.isUUID(value)) return value.toString();
  if (ArrayBuffer.isView(value)) return Array.from(value as Uint8Array);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = mapValue(v);
  return out;
}

/** Converts a driver Record into a plain row keyed by column alias. */
export function mapRecord(record: DriverRecord): Row {
  const row: Row = {};
  for (const key of record.keys) row[String(key)] = mapValue(record.get(key));
  return row;
}
