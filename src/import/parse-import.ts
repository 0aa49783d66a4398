/** Reads an import from NDJSON text or from a directory of CSV files into source rows (no validation yet). */
import fs from 'node:fs';
import path from 'node:path';
import { parseCsvObjects } from '../../seeds/load-geography';
import {
  CSV_FILES,
  LIST_FIELDS,
  ROW_TYPES,
  type ImportProblem,
  type RowType,
  type SourceRow,
} from './import-rows';

const NUMERIC = /^-?\d+(\.\d+)?$/;

/** Parses NDJSON: one JSON object per line with a `type`; blank lines and `//` comments are skipped. */
export function parseNdjson(
  text: string,
  file = 'import.ndjson',
): { rows: SourceRow[]; problems: ImportProblem[] } {
  const rows: SourceRow[] = [];
  const problems: ImportProblem[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    const trimmed = raw.trim();
    if (!trimmed || trimmed.startsWith('//')) return;
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch {
      problems.push({ file, line, field: null, severity: 'ERROR', message: 'Not valid JSON' });
      return;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      problems.push({
        file,
        line,
        field: null,
        severity: 'ERROR',
        message: 'Each line must be a JSON object',
      });
      return;
    }
    const { type, ...fields } = value as Record<string, unknown>;
    if (!(ROW_TYPES as readonly unknown[]).includes(type)) {
      problems.push({
        file,
        line,
        field: 'type',
        severity: 'ERROR',
        message: `type must be one of ${ROW_TYPES.join(', ')}`,
      });
      return;
    }
    rows.push({ file, line, type: type as RowType, fields });
  });
  return { rows, problems };
}

/** CSV cells are text: lists split on `;`, numbers and booleans are typed, empty cells are absent. */
function typeCsvCell(name: string, value: string): unknown {
  if (value === '') return undefined;
  if (LIST_FIELDS.has(name))
    return value
      .split(';')
      .map((v) => v.trim())
      .filter(Boolean);
  if (value === 'true' || value === 'false') return value === 'true';
  if (NUMERIC.test(value) && !/(code|_id|^id)$/.test(name)) return Number(value);
  return value;
}

/** Reads whichever of the CSV files exist in `dir` (header row first; line numbers count the header). */
export function parseCsvDirectory(dir: string): { rows: SourceRow[]; problems: ImportProblem[] } {
  const rows: SourceRow[] = [];
  for (const type of ROW_TYPES) {
    const file = path.join(dir, CSV_FILES[type]);
    if (!fs.existsSync(file)) continue;
    parseCsvObjects(fs.readFileSync(file, 'utf8')).forEach((record, i) => {
      const fields: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(record)) {
        const typed = typeCsvCell(k, v);
        if (typed !== undefined) fields[k] = typed;
      }
      rows.push({ file: CSV_FILES[type], line: i + 2, type, fields });
    });
  }
  return { rows, problems: [] };
}

/** A path is an NDJSON file, or a directory holding NDJSON files and/or the CSV files. */
export function parseImportPath(target: string): { rows: SourceRow[]; problems: ImportProblem[] } {
  if (!fs.statSync(target).isDirectory())
    return parseNdjson(fs.readFileSync(target, 'utf8'), path.basename(target));
  const csv = parseCsvDirectory(target);
  const ndjson = fs
    .readdirSync(target)
    .filter((f) => f.endsWith('.ndjson'))
    .sort()
    .map((f) => parseNdjson(fs.readFileSync(path.join(target, f), 'utf8'), f));
  return {
    rows: [...csv.rows, ...ndjson.flatMap((r) => r.rows)],
    problems: [...csv.problems, ...ndjson.flatMap((r) => r.problems)],
  };
}
