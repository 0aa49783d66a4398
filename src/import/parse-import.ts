/** Reads an import from NDJSON text or from a directory of CSV files into source rows (no validation yet). */
import fs from 'node:fs';
import path from 'node:path';
import {
  CSV_FILES,
  FIELDS,
  ROW_TYPES,
  type ImportProblem,
  type ParsedImport,
  type RowType,
  type SourceRow,
} from './import-rows';
import { readCsvRecords } from './read-csv';

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** Warns once per file and field about a field the row type does not know (a typo drops data silently). */
function unknownFieldWarner(problems: ImportProblem[]) {
  const warned = new Set<string>();
  return (file: string, line: number, type: RowType, names: string[]) => {
    for (const name of names) {
      if (name in FIELDS[type] || warned.has(`${file}|${type}|${name}`)) continue;
      warned.add(`${file}|${type}|${name}`);
      problems.push({
        file,
        line,
        field: name,
        severity: 'WARNING',
        message: `${type} has no field ${name}; it is ignored (further rows of this file not repeated)`,
      });
    }
  };
}

/** Parses NDJSON: one JSON object per line with a `type`; blank lines and `//` comments are skipped. */
export function parseNdjson(text: string, file = 'import.ndjson'): ParsedImport {
  const rows: SourceRow[] = [];
  const problems: ImportProblem[] = [];
  const warnUnknown = unknownFieldWarner(problems);
  const bad = (line: number, field: string | null, message: string): void => {
    problems.push({ file, line, field, severity: 'ERROR', message });
  };
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    const trimmed = raw.trim();
    if (!trimmed || trimmed.startsWith('//')) return undefined;
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch {
      return bad(line, null, 'Not valid JSON');
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return bad(line, null, 'Each line must be a JSON object');
    }
    const { type, ...fields } = value as Record<string, unknown>;
    if (!(ROW_TYPES as readonly unknown[]).includes(type)) {
      return bad(line, 'type', `type must be one of ${ROW_TYPES.join(', ')}`);
    }
    warnUnknown(file, line, type as RowType, Object.keys(fields));
    rows.push({ file, line, type: type as RowType, fields });
    return undefined;
  });
  return { rows, problems };
}

/** Types a CSV cell by the field's kind; a cell that does not fit stays text, so validation names it. */
function typeCsvCell(type: RowType, name: string, value: string): unknown {
  if (value.trim() === '') return undefined;
  switch (FIELDS[type][name]) {
    case 'list':
      return value
        .split(';')
        .map((v) => v.trim())
        .filter(Boolean);
    case 'boolean':
      return /^(true|false)$/i.test(value.trim()) ? value.trim().toLowerCase() === 'true' : value;
    case 'number':
    case 'integer':
      return NUMBER.test(value.trim()) ? Number(value.trim()) : value;
    default:
      return value;
  }
}

/** Parses one CSV file of a row type; line numbers count the header as line 1. */
export function parseCsvText(text: string, type: RowType, file: string): ParsedImport {
  const rows: SourceRow[] = [];
  const problems: ImportProblem[] = [];
  const { records, unterminatedAt } = readCsvRecords(text);
  if (unterminatedAt !== null) {
    problems.push({
      file,
      line: unterminatedAt,
      field: null,
      severity: 'ERROR',
      message: 'A quoted field is never closed; the rest of the file was not read',
    });
  }
  const [header, ...body] = records;
  if (!header) return { rows, problems };
  const names = header.cells.map((h) => h.trim());
  unknownFieldWarner(problems)(file, header.line, type, names);
  for (const { line, cells } of body) {
    if (cells.length !== names.length) {
      problems.push({
        file,
        line,
        field: null,
        severity: 'ERROR',
        message: `Row has ${cells.length} fields, the header has ${names.length}`,
      });
      continue;
    }
    const fields: Record<string, unknown> = {};
    names.forEach((name, i) => {
      const typed = typeCsvCell(type, name, cells[i]!);
      if (typed !== undefined) fields[name] = typed;
    });
    rows.push({ file, line, type, fields });
  }
  return { rows, problems };
}

/** Reads whichever of the CSV files exist in `dir`. */
export function parseCsvDirectory(dir: string): ParsedImport {
  const parsed = ROW_TYPES.filter((type) => fs.existsSync(path.join(dir, CSV_FILES[type]))).map((type) =>
    parseCsvText(fs.readFileSync(path.join(dir, CSV_FILES[type]), 'utf8'), type, CSV_FILES[type]),
  );
  return { rows: parsed.flatMap((p) => p.rows), problems: parsed.flatMap((p) => p.problems) };
}

/** A path is an NDJSON file, or a directory holding NDJSON files and/or the CSV files. */
export function parseImportPath(target: string): ParsedImport {
  if (!fs.statSync(target).isDirectory())
    return parseNdjson(fs.readFileSync(target, 'utf8'), path.basename(target));
  const csv = parseCsvDirectory(target);
  const ndjson = fs
    .readdirSync(target)
    .filter((f) => f.endsWith('.ndjson'))
    .sort()
    .map((f) => parseNdjson(fs.readFileSync(path.join(target, f), 'utf8'), f));
  if (csv.rows.length + csv.problems.length === 0 && ndjson.length === 0) {
    const expected = [...Object.values(CSV_FILES), '*.ndjson'].join(', ');
    return {
      rows: [],
      problems: [
        { file: target, line: 0, field: null, severity: 'ERROR', message: `No ${expected} in the folder` },
      ],
    };
  }
  return {
    rows: [...csv.rows, ...ndjson.flatMap((r) => r.rows)],
    problems: [...csv.problems, ...ndjson.flatMap((r) => r.problems)],
  };
}
