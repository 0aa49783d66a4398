/** Coverage reports as GeoJSON for planners (communes as points with their coverage); CSV: coverage-csv.ts. */
import type { CoverageReport } from '../domain/coverage/coverage-types';
import type { ReadModel } from '../read-model/read-model';

function rows(report: CoverageReport, readModel: ReadModel) {
  return report.communes.map((c) => {
    const commune = readModel.communes.get(c.communeCode);
    const facility = c.nearestFacilityId ? readModel.facilities.get(c.nearestFacilityId) : undefined;
    return {
      commune_code: c.communeCode,
      commune_name: commune?.name ?? '',
      province_code: c.provinceCode,
      lat: commune?.lat ?? null,
      lon: commune?.lon ?? null,
      children: c.children,
      children_source: c.childrenSource,
      covered: c.covered,
      minutes: c.minutes,
      nearest_facility_id: c.nearestFacilityId,
      nearest_facility_name: facility?.name ?? null,
      demand: c.demand,
    };
  });
}

/** A FeatureCollection of commune points (communes without a point are left out and counted). */
export function coverageToGeoJson(report: CoverageReport, readModel: ReadModel): object {
  const all = rows(report, readModel);
  const located = all.filter((r) => r.lat !== null && r.lon !== null);
  return {
    type: 'FeatureCollection',
    properties: {
      serviceCode: report.need.serviceCode,
      delivery: report.delivery,
      maxMinutes: report.need.maxMinutes,
      mode: report.need.mode,
      season: report.need.season,
      shareCovered: report.totals.shareCovered,
      communesWithoutPoint: all.length - located.length,
    },
    features: located.map(({ lat, lon, ...properties }) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [lon, lat] },
      properties,
    })),
  };
}
