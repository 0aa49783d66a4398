/**
 * Where the history generator sends a child: for a commune and a service, the few nearest facilities of the
 * same province that offer it (straight line; the whole country when the province has none), computed on
 * first use and cached. Also each commune's languages, read from its health station's offerings.
 */
import { measureGreatCircleKm } from '../../src/domain/routing/measure-great-circle-km';
import type { CommuneRecord, FacilityRecord, OfferingRecord } from '../../src/store/port';

export const NEAREST_KEPT = 4;

interface Point {
  facility: FacilityRecord;
  lat: number;
  lon: number;
}

export class ProviderIndex {
  readonly facilities = new Map<string, FacilityRecord>();
  private readonly byProvinceService = new Map<string, Point[]>();
  private readonly byService = new Map<string, Point[]>();
  private readonly nearestCache = new Map<string, FacilityRecord[]>();
  private readonly languages = new Map<string, string[]>();

  constructor(
    communes: ReadonlyMap<string, CommuneRecord>,
    facilities: readonly FacilityRecord[],
    offerings: readonly OfferingRecord[],
  ) {
    for (const f of facilities) this.facilities.set(f.id, f);
    const seen = new Set<string>();
    for (const o of offerings) {
      const f = this.facilities.get(o.facilityId);
      if (!f) continue;
      if (f.kind === 'COMMUNE_HEALTH_STATION' && !this.languages.has(f.communeCode)) {
        this.languages.set(f.communeCode, o.languages);
      }
      const key = `${f.provinceCode}|${o.serviceCode}`;
      if (seen.has(`${key}|${f.id}`)) continue;
      seen.add(`${key}|${f.id}`);
      const commune = communes.get(f.communeCode);
      const point = { facility: f, lat: f.lat ?? commune?.lat ?? 0, lon: f.lon ?? commune?.lon ?? 0 };
      push(this.byProvinceService, key, point);
      push(this.byService, o.serviceCode, point);
    }
  }

  /** Languages families speak in a commune (Vietnamese when unknown). */
  languagesOf(communeCode: string): string[] {
    return this.languages.get(communeCode) ?? ['vie'];
  }

  /** Up to NEAREST_KEPT facilities offering `serviceCode`, nearest first, ties by id. */
  nearest(commune: CommuneRecord, serviceCode: string): FacilityRecord[] {
    const key = `${commune.code}|${serviceCode}`;
    let found = this.nearestCache.get(key);
    if (!found) {
      const local = this.byProvinceService.get(`${commune.provinceCode}|${serviceCode}`);
      const pool = local ?? this.byService.get(serviceCode) ?? [];
      const lat = commune.lat ?? 0;
      const lon = commune.lon ?? 0;
      found = pool
        .map((p) => ({ f: p.facility, km: measureGreatCircleKm(lat, lon, p.lat, p.lon) }))
        .sort((a, b) => a.km - b.km || (a.f.id < b.f.id ? -1 : 1))
        .slice(0, NEAREST_KEPT)
        .map((x) => x.f);
      this.nearestCache.set(key, found);
    }
    return found;
  }
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
