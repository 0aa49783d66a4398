/**
 * GET /export/hsds.ndjson and /export/fhir.json: the whole directory, for a token with directory.export.
 * NDJSON is streamed row by row; the FHIR Bundle's fullUrls use this server's own address.
 */
import type { App } from '../app';
import { authorize } from '../auth/policy';
import { createTokenVerifier } from '../auth/tokens';
import { exportHsdsRows } from '../export/hsds-export';
import { loadExportSources } from '../export/load-export-sources';
import type { RouteHandler } from './server';

export function createDirectoryExportRoutes(app: App): Record<string, RouteHandler> {
  const verify = createTokenVerifier(app.config);
  return {
    '/export/hsds.ndjson': async (req, res) => {
      authorize(await verify(req.headers.authorization), 'directory.export');
      const { organizations } = await loadExportSources(app.directoryReads);
      res.writeHead(200, {
        'content-type': 'application/x-ndjson; charset=utf-8',
        'content-disposition': 'attachment; filename="ket-noi-directory.ndjson"',
      });
      let chunk = '';
      for (const row of exportHsdsRows(organizations, app.readModel)) {
        chunk += `${JSON.stringify(row)}\n`;
        if (chunk.length > 64_000) {
          if (!res.write(chunk)) await new Promise((resolve) => res.once('drain', resolve));
          chunk = '';
        }
      }
      res.end(chunk);
    },
    '/export/fhir.json': async (req, res) => {
      authorize(await verify(req.headers.authorization), 'directory.export');
      const { organizations, provinceNames } = await loadExportSources(app.directoryReads);
      const proto = (req.headers['x-forwarded-proto'] as string | undefined)?.split(',')[0] ?? 'http';
      const baseUrl = `${proto}://${req.headers.host ?? 'localhost'}/fhir`;
      // Built in a planner worker: the national bundle takes seconds to assemble and serialise.
      const bundle = await app.planner.run('fhirBundle', {
        organizations,
        baseUrl,
        provinceNames: [...provinceNames],
      });
      res.writeHead(200, { 'content-type': 'application/fhir+json; charset=utf-8' });
      res.end(bundle);
    },
  };
}
