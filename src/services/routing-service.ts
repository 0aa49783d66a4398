/**
 * Caseworker routing over the read model: nearest providers for a need, travel time between two
 * communes, and a commune's neighbours. Inputs are validated here and named in the error.
 */
import { checkAgeMonths, checkTravelMinutes } from '../domain/input-limits';
import { BadInputError, quoteInput } from '../domain/errors';
import { readLanguageCode } from '../domain/language/language-table';
import type { Season, Sector, TravelMode } from '../domain/model';
import { findNearestProviders, type NearestProviders } from '../domain/routing/nearest-providers';
import type { ProviderCandidate } from '../domain/routing/provider-types';
import { findShortestPaths, traceRoute } from '../domain/routing/shortest-paths';
import type { ReadModel } from '../read-model/read-model';
import type { CommuneRecord, FacilityRecord, GraphStore, OfferingRecord } from '../store/port';
import { resolveCommune } from './resolve-commune';

export interface NearestProvidersInput {
  communeCode: string;
  serviceCode: string;
  childAgeMonths?: number | null;
  language?: string | null;
  sector?: Sector | null;
  mode?: TravelMode | null;
  season?: Season | null;
  maxMinutes?: number | null;
  requireCapacity?: boolean | null;
  first?: number | null;
}

export const MAX_PROVIDERS = 50;

/** Joins an offering with its facility into what the ranking reads (facility point, else commune point). */
export function toCandidate(
  o: OfferingRecord,
  f: FacilityRecord,
  commune: CommuneRecord | undefined,
): ProviderCandidate {
  return {
    offeringId: o.id,
    facilityId: f.id,
    facilityName: f.name,
    sector: f.sector,
    level: f.level,
    communeCode: f.communeCode,
    lat: f.lat ?? commune?.lat ?? 0,
    lon: f.lon ?? commune?.lon ?? 0,
    serviceCode: o.serviceCode,
    minAgeMonths: o.minAgeMonths,
    maxAgeMonths: o.maxAgeMonths,
    capacity: o.capacity,
    currentLoad: o.currentLoad,
    waitDays: o.waitDays,
    languages: o.languages,
    remote: o.remote,
  };
}

export class RoutingService {
  private candidates: { version: number; byService: Map<string, ProviderCandidate[]> } = {
    version: -1,
    byService: new Map(),
  };

  constructor(
    private readonly readModel: ReadModel,
    private readonly store: Pick<GraphStore, 'communesByCode' | 'legacyCommunesByCode'>,
  ) {}

  /** A 2025 commune of the travel graph, resolving old codes; BAD_USER_INPUT naming the code otherwise. */
  async requireCommune(code: string, field = 'communeCode'): Promise<CommuneRecord> {
    if (!/^\d{5}$/.test(code))
      throw new BadInputError(`${field} must be a 5-digit commune code, got "${code.slice(0, 20)}"`);
    // A 2025 code is answered from the read model (loaded from the same store): no store round trip.
    const current = this.readModel.communes.get(code);
    if (current) return current;
    const resolved = await resolveCommune(this.store, code);
    const commune = resolved && this.readModel.communes.get(resolved.code);
    if (!commune)
      throw new BadInputError(`Unknown commune code ${quoteInput(code)} in ${field}`, {
        field,
        code: quoteInput(code),
      });
    return commune;
  }

  requireService(code: string): void {
    if (!this.readModel.serviceTypes.has(code)) {
      throw new BadInputError(`Unknown service code ${quoteInput(code)}; see serviceTypes for the taxonomy`, {
        field: 'serviceCode',
        code: quoteInput(code),
      });
    }
  }

  async nearestProviders(
    input: NearestProvidersInput,
  ): Promise<{ origin: CommuneRecord } & NearestProviders> {
    const origin = await this.requireCommune(input.communeCode);
    this.requireService(input.serviceCode);
    const first = input.first ?? 10;
    if (!Number.isInteger(first) || first < 1 || first > MAX_PROVIDERS) {
      throw new BadInputError(`first must be between 1 and ${MAX_PROVIDERS}`);
    }
    checkAgeMonths('childAgeMonths', input.childAgeMonths);
    checkTravelMinutes('maxMinutes', input.maxMinutes);
    const language = input.language == null ? undefined : readLanguageCode(input.language.slice(0, 40));
    if (language && 'error' in language) throw new BadInputError(`language: ${language.error}`);
    const candidates = this.candidatesOf(input.serviceCode);
    const result = findNearestProviders({
      origin: { communeCode: origin.code, lat: origin.lat ?? 0, lon: origin.lon ?? 0 },
      need: {
        serviceCode: input.serviceCode,
        childAgeMonths: input.childAgeMonths ?? undefined,
        language: language?.code,
        sector: input.sector ?? undefined,
        mode: input.mode ?? 'MOTORBIKE',
        season: input.season ?? 'DRY',
        maxMinutes: input.maxMinutes ?? undefined,
        requireCapacity: input.requireCapacity ?? true,
        first,
      },
      graph: this.readModel,
      candidates,
    });
    return { origin, ...result };
  }

  /** Candidates of a service, built once per read-model version (every write bumps it). */
  private candidatesOf(serviceCode: string): readonly ProviderCandidate[] {
    if (this.candidates.version !== this.readModel.version) {
      this.candidates = { version: this.readModel.version, byService: new Map() };
    }
    let list = this.candidates.byService.get(serviceCode);
    if (!list) {
      list = this.readModel
        .offeringsOf(serviceCode)
        .map(({ offering, facility }) =>
          toCandidate(offering, facility, this.readModel.communes.get(facility.communeCode)),
        );
      this.candidates.byService.set(serviceCode, list);
    }
    return list;
  }

  async travelTime(args: { from: string; to: string; mode: TravelMode; season: Season }) {
    const from = await this.requireCommune(args.from, 'fromCommune');
    const to = await this.requireCommune(args.to, 'toCommune');
    const adjacency = this.readModel.adjacencyFor(args.mode, args.season);
    const source = adjacency.indexByCode.get(from.code);
    const target = adjacency.indexByCode.get(to.code);
    if (source === undefined || target === undefined) return null;
    const tree = findShortestPaths(adjacency, { sources: [source] });
    const route = traceRoute(adjacency, tree, target);
    if (!route) return null;
    return { minutes: tree.minutes[target]!, km: tree.km[target]!, route };
  }

  neighbours(code: string, mode: TravelMode, season: Season) {
    const key = `${mode}_${season}` as const;
    return this.readModel
      .travelEdges()
      .filter((e) => e.from === code || e.to === code)
      .map((e) => ({
        code: e.from === code ? e.to : e.from,
        km: e.km,
        minutes: e.minutes[key],
        terrain: e.terrain,
        source: e.source,
      }))
      .sort((a, b) => a.minutes - b.minutes || a.code.localeCompare(b.code));
  }
}
