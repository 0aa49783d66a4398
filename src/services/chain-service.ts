/** A child's referral chain and the next steps of their pathway, for those who may see the case. */
import { maySeeReferral } from '../auth/policy';
import type { Viewer } from '../auth/viewer';
import type { Season, TravelMode } from '../domain/model';
import type { ReferralChain } from '../domain/referral/referral-chain';
import { suggestNextSteps, type NextStepPlan } from '../domain/referral/suggest-next-steps';
import { traceReferralChain } from '../domain/referral/trace-chain';
import type { ReadModel } from '../read-model/read-model';
import type { CaseStore } from '../store/port';
import { ageInMonths } from '../domain/case/check-case-input';
import type { CaseService } from './case-service';
import type { RoutingService } from './routing-service';

/**
 * One row per facility: a facility offering two of the step's services (speech and occupational therapy)
 * is listed once, with its nearest offering (the list is already sorted by travel time).
 */
export function keepNearestPerFacility<T extends { facilityId: string }>(sorted: readonly T[]): T[] {
  const seen = new Set<string>();
  return sorted.filter((p) => !seen.has(p.facilityId) && !!seen.add(p.facilityId));
}

export class ChainService {
  constructor(
    private readonly store: Pick<CaseStore, 'consentsByCase' | 'eventsByReferral' | 'referralsByCase'>,
    private readonly readModel: ReadModel,
    private readonly cases: CaseService,
    private readonly routing: RoutingService,
    private readonly now: () => string,
  ) {}

  async referralChain(viewer: Viewer, caseId: string): Promise<ReferralChain> {
    const record = await this.cases.readCase(viewer, caseId, 'CHAIN_VIEW');
    const [all = []] = await this.store.referralsByCase([caseId]);
    // Facility staff see the hops that touch their facility while their consent holds, not the whole history.
    const [consents = []] = await this.store.consentsByCase([caseId]);
    const at = this.now();
    const referrals = all.filter((referral) => maySeeReferral({ viewer, referral, record, consents, at }));
    const events = (await this.store.eventsByReferral(referrals.map((r) => r.id))).flat();
    const facilityIds = new Set(referrals.flatMap((r) => [r.fromFacilityId, r.toFacilityId]));
    const facilities = [...facilityIds].flatMap((id) => {
      const f = this.readModel.facilities.get(id);
      return f ? [{ id: f.id, name: f.name, sector: f.sector, level: f.level }] : [];
    });
    const chain = traceReferralChain({ referrals, events, facilities, now: this.now() });
    return { ...chain, caseId };
  }

  async nextSteps(viewer: Viewer, caseId: string, mode: TravelMode, season: Season) {
    const record = await this.cases.readCase(viewer, caseId, 'NEXT_STEPS');
    const [referrals = []] = await this.store.referralsByCase([caseId]);
    const plan: NextStepPlan = suggestNextSteps({ referrals, needs: record.needs });
    const childAgeMonths = ageInMonths(record.birthMonth, this.now());
    const language = record.languages.find((l) => l !== 'vie') ?? record.languages[0];
    return Promise.all(
      plan.suggestions.map(async (step) => {
        const providers = [];
        for (const serviceCode of step.serviceCodes) {
          if (!this.readModel.serviceTypes.has(serviceCode)) continue;
          const found = await this.routing.nearestProviders({
            communeCode: record.communeCode,
            serviceCode,
            childAgeMonths,
            language,
            mode,
            season,
            first: 3,
          });
          providers.push(...found.matches);
          // Remote services (hotline 111, telehealth) have no travel; they count as reachable at once.
          if (found.matches.length === 0) {
            providers.push(
              ...found.remote.map((r) => ({
                ...r,
                communeCode: '',
                travelMinutes: 0,
                distanceKm: 0,
                straightKm: 0,
                route: [],
              })),
            );
          }
        }
        providers.sort((a, b) => a.travelMinutes - b.travelMinutes);
        return { plan, step, providers: keepNearestPerFacility(providers).slice(0, 5) };
      }),
    );
  }
}
