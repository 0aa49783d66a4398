/** Field readers for import rows: each returns the typed value or records a problem naming the field. */
import type { ImportProblem, SourceRow } from './import-rows';

export { RECORD_ID as ID } from '../domain/input-limits';

/** Reads fields of one row, collecting problems; `ok` turns false on the first ERROR. */
export class RowReader {
  ok = true;
  constructor(
    readonly row: SourceRow,
    private readonly problems: ImportProblem[],
  ) {}

  problem(field: string | null, message: string, severity: 'ERROR' | 'WARNING' = 'ERROR'): void {
    if (severity === 'ERROR') this.ok = false;
    this.problems.push({ file: this.row.file, line: this.row.line, field, severity, message });
  }

  /** Records an ERROR and returns null, so a reader can `return this.fail(...)`. */
  fail(field: string, message: string): null {
    this.problem(field, message);
    return null;
  }

  has(field: string): boolean {
    const v = this.row.fields[field];
    return v !== undefined && v !== null && v !== '';
  }

  text(field: string, opts: { required?: boolean; max?: number; pattern?: RegExp } = {}): string | null {
    const v = this.row.fields[field];
    if (v === undefined || v === null || v === '') {
      if (opts.required) this.problem(field, `${field} is required`);
      return null;
    }
    if (typeof v !== 'string') return this.fail(field, `${field} must be text`);
    const value = v.normalize('NFC').trim();
    if (value.length > (opts.max ?? 200))
      return this.fail(field, `${field} is longer than ${opts.max ?? 200} characters`);
    if (opts.pattern && !opts.pattern.test(value))
      return this.fail(field, `${field} "${value.slice(0, 40)}" has the wrong form`);
    return value;
  }

  oneOf<T extends string>(field: string, values: readonly T[], fallback?: T): T | null {
    const v = this.row.fields[field];
    if (v === undefined || v === null || v === '') {
      if (fallback !== undefined) return fallback;
      this.problem(field, `${field} is required (one of ${values.join(', ')})`);
      return null;
    }
    if (!(values as readonly unknown[]).includes(v))
      return this.fail(field, `${field} must be one of ${values.join(', ')}`);
    return v as T;
  }

  integer(field: string, opts: { min: number; max: number; required?: boolean }): number | null {
    const v = this.row.fields[field];
    if (v === undefined || v === null || v === '') {
      if (opts.required) this.problem(field, `${field} is required`);
      return null;
    }
    if (typeof v !== 'number' || !Number.isInteger(v))
      return this.fail(field, `${field} must be a whole number`);
    if (v < opts.min || v > opts.max)
      return this.fail(field, `${field} must be between ${opts.min} and ${opts.max}, got ${v}`);
    return v;
  }

  number(field: string, opts: { min: number; max: number; required?: boolean }): number | null {
    const v = this.row.fields[field];
    if (v === undefined || v === null || v === '') {
      if (opts.required) this.problem(field, `${field} is required`);
      return null;
    }
    if (typeof v !== 'number' || !Number.isFinite(v)) return this.fail(field, `${field} must be a number`);
    if (v < opts.min || v > opts.max)
      return this.fail(field, `${field} must be between ${opts.min} and ${opts.max}, got ${v}`);
    return v;
  }

  bool(field: string, fallback: boolean): boolean {
    const v = this.row.fields[field];
    if (v === undefined || v === null || v === '') return fallback;
    if (typeof v !== 'boolean') {
      this.problem(field, `${field} must be true or false`);
      return fallback;
    }
    return v;
  }

  list(field: string, opts: { pattern: RegExp; max: number; fallback: string[] }): string[] {
    const v = this.row.fields[field];
    if (v === undefined || v === null || v === '') return opts.fallback;
    if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) {
      this.problem(field, `${field} must be a list of text`);
      return opts.fallback;
    }
    if (v.length > opts.max) {
      this.problem(field, `${field} has more than ${opts.max} entries`);
      return opts.fallback;
    }
    const bad = v.find((x) => !opts.pattern.test(x));
    if (bad !== undefined) {
      this.problem(field, `${field} entry "${String(bad).slice(0, 40)}" has the wrong form`);
      return opts.fallback;
    }
    return v.map((x) => x.normalize('NFC'));
  }
}
