/**
 * GET /export/coverage.csv and /export/coverage.geojson with the coverage input as query parameters
 * (serviceCode, minutes, mode, season, province, ageFrom, ageTo). Needs a bearer token with coverage.read.
 */
import type { App } from '../app';
import { authorize } from '../auth/policy';
import { createTokenVerifier } from '../auth/tokens';
import { BadInputError } from '../domain/errors';
import { SEASONS, TRAVEL_MODES, type Season, type TravelMode } from '../domain/model';
import {
  boundariesDir,
  loadCommuneShapes,
  loadProvinceNames,
  loadProvinceShapes,
} from '../../seeds/load-boundaries';
import { geographyDir } from '../../seeds/load-geography';
import { buildBoundaryGeoJson } from '../export/boundary-geojson';
import { chooseReportLanguage } from '../export/coverage-csv';
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
      const lang = chooseReportLanguage(url.searchParams.get('lang'), req.headers['accept-language']);
      // Computed before the head is written, so a bad query is still a 400.
      const { body, fileName } =
        format === 'csv'
          ? await app.planner.run('coverageCsv', { ...query, lang })
          : await app.planner.run('coverageGeoJson', query);
      res.writeHead(200, {
        'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/geo+json; charset=utf-8',
        ...(format === 'csv' ? { 'content-language': lang } : {}),
        'content-disposition': `attachment; filename="${fileName}"`,
      });
      res.end(body);
    };
  // Public reference geometry (no case data), so no token: the map draws before the planner signs in too.
  const boundaries: RouteHandler = async (_req, res, url) => {
    const province = url.searchParams.get('province') || null;
    if (province !== null && !/^\d{2}$/.test(province))
      throw new BadInputError('province must be a 2-digit province code');
    const dir = boundariesDir(geographyDir());
    const communeInfo = new Map(
      [...app.readModel.communes.values()].map((c) => [
        c.code,
        { name: c.name, provinceCode: c.provinceCode },
      ]),
    );
    const body = buildBoundaryGeoJson(
      {
        communes: loadCommuneShapes(dir),
        provinces: loadProvinceShapes(dir),
        provinceNames: loadProvinceNames(dir),
        communeInfo,
      },
      province,
    );
    res.writeHead(200, {
      'content-type': 'application/geo+json; charset=utf-8',
      'cache-control': 'public, max-age=3600',
    });
    res.end(JSON.stringify(body));
  };
  return {
    '/export/coverage.csv': exportAs('csv'),
    '/export/coverage.geojson': exportAs('geojson'),
    '/geo/boundaries.json': boundaries,
  };
}
