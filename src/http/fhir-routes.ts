/**
 * GET /fhir/{type}/{id}: each resource of the FHIR export, read-only, so every `fullUrl` of the Bundle the
 * HTTP export writes resolves on the server that wrote it. The directory is public (`directory.read`), so
 * no token is needed; the whole Bundle stays behind `directory.export`.
 */
import type { App } from '../app';
import { authorize } from '../auth/policy';
import { createTokenVerifier } from '../auth/tokens';
import { NotFoundError } from '../domain/errors';
import {
  fhirId,
  toFhirHealthcareService,
  toFhirLocation,
  toFhirOrganization,
} from '../export/fhir-resources';
import type { RouteHandler } from './server';

const TYPES = ['Organization', 'Location', 'HealthcareService'] as const;
type FhirType = (typeof TYPES)[number];

/** Our id of a FHIR id: the same when it fitted FHIR's rules, else the record whose made-safe id it is. */
function ourId(fhir: string, candidates: Iterable<string>, has: (id: string) => boolean): string | undefined {
  if (has(fhir)) return fhir;
  for (const id of candidates) if (fhirId(id) === fhir) return id;
  return undefined;
}

export function createFhirRoutes(app: App): Record<string, RouteHandler> {
  const verify = createTokenVerifier(app.config);
  const provinceName = async (code: string) =>
    (await app.directoryReads.provinces()).find((p) => p.code === code)?.name;
  const read = async (type: FhirType, id: string): Promise<object | null> => {
    const rm = app.readModel;
    if (type === 'Location') {
      const found = ourId(id, rm.facilities.keys(), (k) => rm.facilities.has(k));
      const f = found ? rm.facilities.get(found) : undefined;
      return f ? toFhirLocation(f, rm.communes.get(f.communeCode), await provinceName(f.provinceCode)) : null;
    }
    if (type === 'HealthcareService') {
      const found = ourId(id, rm.offerings.keys(), (k) => rm.offerings.has(k));
      const o = found ? rm.offerings.get(found) : undefined;
      return o
        ? toFhirHealthcareService(
            o,
            rm.facilities.get(o.facilityId),
            rm.serviceTypes.get(o.serviceCode)?.name,
          )
        : null;
    }
    let [o] = await app.directoryReads.organizationsById([id]);
    if (!o) {
      const all = await app.directoryReads.allOrganizations();
      o = all.find((x) => fhirId(x.id) === id) ?? null;
    }
    return o ? toFhirOrganization(o, await provinceName(o.provinceCode)) : null;
  };
  return {
    '/fhir/*': async (req, res, url) => {
      authorize(await verify(req.headers.authorization), 'directory.read');
      const [, , type, id, ...rest] = url.pathname.split('/');
      if (!type || !id || rest.length > 0 || !(TYPES as readonly string[]).includes(type)) {
        throw new NotFoundError('FHIR resource', url.pathname);
      }
      const resource = await read(type as FhirType, decodeURIComponent(id));
      if (!resource) throw new NotFoundError(type, id);
      res.writeHead(200, { 'content-type': 'application/fhir+json; charset=utf-8' });
      res.end(JSON.stringify(resource));
    },
  };
}
