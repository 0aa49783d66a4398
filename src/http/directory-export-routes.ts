/** GET /export/hsds.ndjson and /export/fhir.json: the whole directory, for a token with directory.export. */
import type { App } from '../app';
import { authorize } from '../auth/policy';
import { createTokenVerifier } from '../auth/tokens';
import { exportFhirBundle } from '../export/fhir-export';
import { exportHsdsNdjson } from '../export/hsds-export';
import type { RouteHandler } from './server';

export function createDirectoryExportRoutes(app: App): Record<string, RouteHandler> {
  const verify = createTokenVerifier(app.config);
  const guarded =
    (contentType: string, render: () => Promise<string>): RouteHandler =>
    async (req, res) => {
      authorize(await verify(req.headers.authorization), 'directory.export');
      const body = await render();
      res.writeHead(200, { 'content-type': contentType });
      res.end(body);
    };
  return {
    '/export/hsds.ndjson': guarded('application/x-ndjson; charset=utf-8', async () =>
      exportHsdsNdjson(await app.store.allOrganizations(), app.readModel),
    ),
    '/export/fhir.json': guarded('application/fhir+json; charset=utf-8', async () =>
      JSON.stringify(exportFhirBundle(await app.store.allOrganizations(), app.readModel)),
    ),
  };
}
