/**
 * POST /import/directory: large imports over HTTP for an integrator or admin token. The body (NDJSON, or
 * one CSV table) is read as a stream, without the GraphQL route's 1 MB body cap, up to
 * KETNOI_MAX_IMPORT_BYTES; then the same import as the CLI runs (validation report, all rows in one
 * transaction or none). The response is NDJSON: one `{"progress": …}` line per step as it happens, then
 * `{"report": …}` with what `importDirectory` returns in GraphQL.
 */
import type http from 'node:http';
import { StringDecoder } from 'node:string_decoder';
import type { App } from '../app';
import { authorize } from '../auth/policy';
import { createTokenVerifier } from '../auth/tokens';
import { BadInputError } from '../domain/errors';
import { importDirectory } from '../import/import-directory';
import { CSV_FILES, ROW_TYPES, type ParsedImport, type RowType } from '../import/import-rows';
import { parseCsvText, parseNdjson } from '../import/parse-import';
import type { RouteHandler } from './server';

export const IMPORT_ROUTE = '/import/directory';

/** Reads the whole body as text, refusing it once it passes `limit` bytes (checked as it arrives). */
async function readText(req: http.IncomingMessage, limit: number): Promise<{ text: string; bytes: number }> {
  const decoder = new StringDecoder('utf8');
  const parts: string[] = [];
  let bytes = 0;
  for await (const chunk of req) {
    bytes += (chunk as Buffer).length;
    if (bytes > limit) {
      throw new BadInputError(`The upload is over ${limit} bytes (KETNOI_MAX_IMPORT_BYTES); split it`);
    }
    parts.push(decoder.write(chunk as Buffer));
  }
  parts.push(decoder.end());
  return { text: parts.join(''), bytes };
}

/** The CSV table a request names: a row type (`location`) or its file name (`locations.csv`). */
function csvTable(name: string | null): RowType {
  const type = ROW_TYPES.find((t) => t === name || CSV_FILES[t] === name);
  if (!type) {
    throw new BadInputError(
      `CSV uploads name their table: ?table= one of ${ROW_TYPES.map((t) => CSV_FILES[t]).join(', ')}`,
    );
  }
  return type;
}

function isCsv(req: http.IncomingMessage, url: URL): boolean {
  const format = url.searchParams.get('format');
  if (format) {
    if (format !== 'csv' && format !== 'ndjson') throw new BadInputError('format must be ndjson or csv');
    return format === 'csv';
  }
  return (req.headers['content-type'] ?? '').includes('text/csv');
}

const yes = (url: URL, name: string) => ['true', '1', ''].includes(url.searchParams.get(name) ?? 'false');

export function createImportRoutes(app: App): Record<string, RouteHandler> {
  const verify = createTokenVerifier(app.config);
  return {
    [IMPORT_ROUTE]: async (req, res, url) => {
      authorize(await verify(req.headers.authorization), 'directory.import');
      if (req.method !== 'POST')
        throw new BadInputError(`${IMPORT_ROUTE} takes a POST with the file as body`);
      const csv = isCsv(req, url);
      const table = csv ? csvTable(url.searchParams.get('table')) : null;
      const file = url.searchParams.get('file') ?? (table ? CSV_FILES[table] : 'upload.ndjson');
      const started = performance.now();
      const { text, bytes } = await readText(req, app.config.maxImportBytes);
      res.writeHead(200, { 'content-type': 'application/x-ndjson; charset=utf-8' });
      const send = (line: object) => res.write(`${JSON.stringify(line)}\n`);
      send({ progress: `upload: received ${bytes} bytes in ${Math.round(performance.now() - started)} ms` });
      const parsed: ParsedImport = table ? parseCsvText(text, table, file) : parseNdjson(text, file);
      const report = await importDirectory({
        into: app,
        rows: parsed.rows,
        parseProblems: parsed.problems,
        dryRun: yes(url, 'dryRun'),
        skipInvalid: yes(url, 'skipInvalid'),
        progress: (line) => send({ progress: line }),
      });
      res.end(`${JSON.stringify({ report })}\n`);
    },
  };
}
