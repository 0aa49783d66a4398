import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseCsvText, parseImportPath, parseNdjson } from '../../src/import/parse-import';
import { readCsvRecords } from '../../src/import/read-csv';

describe('readCsvRecords', () => {
  it('gives each record the line it starts on, across quoted line breaks, CRLF and a BOM', () => {
    const text = '\uFEFFa,b\r\n"x\ny","say ""hi"""\r\n\r\nlast,1';
    expect(readCsvRecords(text)).toEqual({
      records: [
        { line: 1, cells: ['a', 'b'] },
        { line: 2, cells: ['x\ny', 'say "hi"'] },
        { line: 5, cells: ['last', '1'] },
      ],
      unterminatedAt: null,
    });
  });

  it('reports a quoted field that never closes', () => {
    expect(readCsvRecords('a\n"open\nstill').unterminatedAt).toBe(2);
  });
});

describe('parseCsvText', () => {
  it('types cells by field: numbers, booleans and ;-lists; codes, ids and phones stay text', () => {
    const csv =
      'id,location_id,service_id,capacity,remote,languages,cost\noff-1,00042,svc-1,5,TRUE,vie; hmn,0\n';
    expect(parseCsvText(csv, 'service_at_location', 's.csv').rows[0]!.fields).toEqual({
      id: 'off-1',
      location_id: '00042',
      service_id: 'svc-1',
      capacity: 5,
      remote: true,
      languages: ['vie', 'hmn'],
      cost: '0',
    });
    const location = 'id,phone,commune_code,latitude\nf,0912345678,06652,20.9\n';
    expect(parseCsvText(location, 'location', 'l.csv').rows[0]!.fields).toEqual({
      id: 'f',
      phone: '0912345678',
      commune_code: '06652',
      latitude: 20.9,
    });
  });

  it('keeps a cell that does not fit its kind as text, so validation can name it', () => {
    const parsed = parseCsvText('id,capacity,remote\no,five,maybe\n', 'service_at_location', 's.csv');
    expect(parsed.rows[0]!.fields).toEqual({ id: 'o', capacity: 'five', remote: 'maybe' });
  });

  it('warns once about an unknown column and rejects a row of the wrong width', () => {
    const parsed = parseCsvText('id,name,colour\na,A,red\nb,B,blue\nc,C\n', 'organization', 'o.csv');
    expect(parsed.problems).toEqual([
      {
        file: 'o.csv',
        line: 1,
        field: 'colour',
        severity: 'WARNING',
        message: 'organization has no field colour; it is ignored (further rows of this file not repeated)',
      },
      {
        file: 'o.csv',
        line: 4,
        field: null,
        severity: 'ERROR',
        message: 'Row has 2 fields, the header has 3',
      },
    ]);
    expect(parsed.rows.map((r) => r.line)).toEqual([2, 3]);
  });
});

describe('parseNdjson', () => {
  it('skips blank and // lines and reports bad JSON, non-objects and unknown types by line', () => {
    const parsed = parseNdjson(
      '// header\n\n{"type":"service","id":"s"}\n[1]\n{oops\n{"type":"x"}\n',
      'f.ndjson',
    );
    expect(parsed.rows).toEqual([{ file: 'f.ndjson', line: 3, type: 'service', fields: { id: 's' } }]);
    expect(parsed.problems.map((p) => `${p.line} ${p.field} ${p.message}`)).toEqual([
      '4 null Each line must be a JSON object',
      '5 null Not valid JSON',
      '6 type type must be one of organization, location, service, service_at_location, travel_time, commune_population',
    ]);
  });
});

describe('parseImportPath', () => {
  it('reads the CSV files and NDJSON files of a folder, and says so when there are none', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ketnoi-import-'));
    try {
      expect(parseImportPath(dir).problems[0]?.message).toMatch(/^No organizations\.csv, locations\.csv/);
      fs.writeFileSync(path.join(dir, 'services.csv'), 'id,name,taxonomy_code\ns1,S,SCR.DEV\n');
      fs.writeFileSync(
        path.join(dir, 'more.ndjson'),
        '{"type":"service","id":"s2","name":"T","taxonomy_code":"SCR.ASD"}\n',
      );
      expect(parseImportPath(dir).rows.map((r) => `${r.file}:${r.line} ${r.fields.id}`)).toEqual([
        'services.csv:2 s1',
        'more.ndjson:1 s2',
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
