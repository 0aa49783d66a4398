/**
 * GET /export/coverage.csv and /export/coverage.geojson with the coverage input as query parameters
 * (serviceCode, minutes, mode, season, province, ageFrom, ageTo). Needs a bearer token with coverage.read.
 */
import type { App } from '../app';
import { authorize } from '../auth/policy';
import { createTokenVerifier } from '../auth/tokens';
import { BadInputError } from '../domain/errors';
import { SEASONS, TRAVEL_MODES, type Season, type TravelMode } from '../domain/model';
import type { CoverageQuery } from '../services/coverage-service';
import type { RouteHandler } from './server';

/** Reads the coverage query from URL parameters, with the same names as the CLI flags. */
export function parseCoverageParams(params: URLSearchParams): CoverageQuery {
  const serviceCode = params.get('serviceCode') ?? params.get('service');
  if (!serviceCode) throw new BadInputError('serviceCode is required');
  const minutes = Number(params.get('minutes') ?? params.get('maxMinutes'));
  if (!Number.isFinite(minutes)) throw new BadInputError('minutes must be a number');
  const mode = (params.get('mode') ?? 'MOTORBIKE').toUpperCase();
  const season = (params.get('season') ?? 'DRY').toUpperCase();
  if (!(TRAVEL_MODES as readonly string[]).includes(mode))
    throw new BadInputError(`mode must be one of ${TRAVEL_MODES.join(', ')}`);
  if (!(SEASONS as readonly string[]).includes(season))
    throw new BadInputError(`season must be one of ${SEASONS.join(', ')}`);
  const optionalInt = (name: string) => {
    const raw = params.get(name);
    if (raw === null || raw === '') return null;
    const n = Number(raw);
    if (!Number.isInteger(n)) throw new BadInputError(`${name} must be a whole number`);
    return n;
  };
  return {
    serviceCode,
    maxMinutes: minutes,
    mode: mode as TravelMode,
    season: season as Season,
    provinceCode: params.get('province') ?? params.get('provinceCode'),
    ageFromMonths: optionalInt('ageFrom'),
    ageToMonths: optionalInt('ageTo'),
  };
}

export function createCoverageRoutes(app: App): Record<string, RouteHandler> {
  const verify = createTokenVerifier(app.config);
  const exportAs =
    (format: 'csv' | 'geojson'): RouteHandler =>
    async (req, res, url) => {
      authorize(await verify(req.headers.authorization), 'coverage.read');
      const query = parseCoverageParams(url.searchParams);
      const name = `coverage-${query.serviceCode}-${query.maxMinutes}min${query.provinceCode ? `-${query.provinceCode}` : ''}`;
      // Computed before the head is written, so a bad query is still a 400.
      const body = await app.planner.run(format === 'csv' ? 'coverageCsv' : 'coverageGeoJson', query);
      res.writeHead(200, {
        'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/geo+json; charset=utf-8',
        'content-disposition': `attachment; filename="${name}.${format}"`,
      });
      res.end(body);
    };
  return { '/export/coverage.csv': exportAs('csv'), '/export/coverage.geojson': exportAs('geojson') };
}
