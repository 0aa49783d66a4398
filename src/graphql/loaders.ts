/** Per-request DataLoaders: every relation resolver goes through one of these, so a page costs O(1) store calls. */
import DataLoader from 'dataloader';
import type {
  CaseRecord,
  ConsentRecord,
  ReferralEventRecord,
  ReferralRecord,
  CommuneRecord,
  FacilityRecord,
  CaseStore,
  DirectoryReads,
  LegacyCommuneRecord,
  OfferingRecord,
  OrganizationRecord,
  ProvinceRecord,
  ServiceTypeRecord,
} from '../store/port';

export interface Loaders {
  province: DataLoader<string, ProvinceRecord | null>;
  commune: DataLoader<string, CommuneRecord | null>;
  facility: DataLoader<string, FacilityRecord | null>;
  organization: DataLoader<string, OrganizationRecord | null>;
  offeringsByFacility: DataLoader<string, OfferingRecord[]>;
  predecessors: DataLoader<string, LegacyCommuneRecord[]>;
  serviceType: DataLoader<string, ServiceTypeRecord | null>;
  caseRecord: DataLoader<string, CaseRecord | null>;
  referral: DataLoader<string, ReferralRecord | null>;
  referralsByCase: DataLoader<string, ReferralRecord[]>;
  consentsByCase: DataLoader<string, ConsentRecord[]>;
  eventsByReferral: DataLoader<string, ReferralEventRecord[]>;
}

/** The reads the loaders batch: nothing else of the store is reachable from a relation resolver. */
export interface LoaderSources {
  directory: DirectoryLoaderSources;
  cases: Pick<
    CaseStore,
    'casesById' | 'consentsByCase' | 'eventsByReferral' | 'referralsByCase' | 'referralsById'
  >;
}

type DirectoryLoaderSources = Pick<
  DirectoryReads,
  | 'communesByCode'
  | 'facilitiesById'
  | 'offeringsByFacility'
  | 'organizationsById'
  | 'predecessorsOf'
  | 'provincesByCode'
  | 'serviceTypes'
>;

export function createLoaders({ directory: store, cases }: LoaderSources): Loaders {
  let serviceTypes: Promise<Map<string, ServiceTypeRecord>> | null = null;
  const allServiceTypes = () =>
    (serviceTypes ??= store.serviceTypes().then((rows) => new Map(rows.map((s) => [s.code, s]))));
  return {
    province: new DataLoader((codes) => store.provincesByCode(codes)),
    commune: new DataLoader((codes) => store.communesByCode(codes)),
    facility: new DataLoader((ids) => store.facilitiesById(ids)),
    organization: new DataLoader((ids) => store.organizationsById(ids)),
    offeringsByFacility: new DataLoader((ids) => store.offeringsByFacility(ids)),
    predecessors: new DataLoader((codes) => store.predecessorsOf(codes)),
    caseRecord: new DataLoader((ids) => cases.casesById(ids)),
    referral: new DataLoader((ids) => cases.referralsById(ids)),
    referralsByCase: new DataLoader((ids) => cases.referralsByCase(ids)),
    consentsByCase: new DataLoader((ids) => cases.consentsByCase(ids)),
    eventsByReferral: new DataLoader((ids) => cases.eventsByReferral(ids)),
    serviceType: new DataLoader(async (codes) => {
      const all = await allServiceTypes();
      return codes.map((c) => all.get(c) ?? null);
    }),
  };
}
