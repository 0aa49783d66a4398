/**
 * The rules a new referral must meet before anyone's permission is asked: two different facilities, a
 * known service the receiver offers, a reason, a due date not in the past, and (health to health) a
 * reason for skipping a level: health referrals climb one level at a time unless an emergency or a
 * service missing at the level between justifies more.
 */
import { BadInputError, quoteInput } from '../errors';
import { LIMITS } from '../input-limits';
import { levelRank, type FacilityLevel, type Sector, type Urgency } from '../model';

export interface RequestFacility {
  id: string;
  name: string;
  sector: Sector;
  level: FacilityLevel;
}

export interface ReferralRequest {
  serviceCode: string;
  reason: string;
  urgency?: Urgency | null;
  dueDate?: string | null;
  skipReason?: string | null;
}

/** The request's fields as stored (trimmed, defaults applied), or BAD_USER_INPUT naming the first problem. */
export function checkReferralRequest(input: {
  request: ReferralRequest;
  from: RequestFacility;
  to: RequestFacility;
  serviceKnown: boolean;
  receiverOffers: boolean;
  /** ISO instant of the decision; its date is "today" for dueDate. */
  at: string;
}): { reason: string; skipReason: string | null; urgency: Urgency; dueDate: string | null } {
  const { request, from, to, at } = input;
  if (from.id === to.id) throw new BadInputError('A referral must go to another facility');
  if (!input.serviceKnown) throw new BadInputError(`Unknown service code ${quoteInput(request.serviceCode)}`);
  if (!input.receiverOffers)
    throw new BadInputError(`${to.name} does not offer ${quoteInput(request.serviceCode)}`, {
      field: 'serviceCode',
    });
  const reason = request.reason.trim();
  if (reason.length < LIMITS.reasonMin || reason.length > LIMITS.reasonMax)
    throw new BadInputError(`reason must be ${LIMITS.reasonMin}–${LIMITS.reasonMax} characters`);
  const skipReason = request.skipReason?.trim() || null;
  if (skipReason && skipReason.length > LIMITS.reasonMax)
    throw new BadInputError(`skipReason must be at most ${LIMITS.reasonMax} characters`);
  if (skipsALevel(from, to) && !skipReason) {
    throw new BadInputError(
      `This referral skips a level (${from.level} → ${to.level}); give a skipReason such as an emergency or a missing service`,
      { field: 'skipReason' },
    );
  }
  if (request.dueDate && request.dueDate < at.slice(0, 10))
    throw new BadInputError('dueDate must not be in the past');
  return { reason, skipReason, urgency: request.urgency ?? 'ROUTINE', dueDate: request.dueDate ?? null };
}

/** Health to health, more than one level up. */
export function skipsALevel(from: RequestFacility, to: RequestFacility): boolean {
  return (
    from.sector === 'HEALTH' && to.sector === 'HEALTH' && levelRank(to.level) - levelRank(from.level) > 1
  );
}
