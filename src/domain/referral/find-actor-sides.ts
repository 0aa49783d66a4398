import { REFERRAL_SIDES, type ReferralSide } from './referral-status';

/** The two ends of a referral, as findActorSides reads them (store records fit). */
export interface ReferralEnds {
  fromFacilityId: string;
  toFacilityId: string;
  fromOrganizationId?: string | null;
  toOrganizationId?: string | null;
}

/** The sides a member of `organizationId` / staff of `facilityId` may act for on this referral. */
export function findActorSides(input: {
  referral: ReferralEnds;
  facilityId?: string | null;
  organizationId?: string | null;
}): ReferralSide[] {
  const { referral: r, facilityId, organizationId } = input;
  const isAt = (facility: string, organization: string | null | undefined) =>
    (facilityId != null && facilityId === facility) ||
    (organizationId != null && organizationId === organization);
  return REFERRAL_SIDES.filter((side) =>
    side === 'REFERRER'
      ? isAt(r.fromFacilityId, r.fromOrganizationId)
      : isAt(r.toFacilityId, r.toOrganizationId),
  );
}
