import { REFERRAL_STATUSES, type ReferralStatus } from '../../../src/domain/model';
import { InvalidReferralInputError, InvalidTransitionError } from '../../../src/domain/referral/errors';
import { findActorSides } from '../../../src/domain/referral/find-actor-sides';
import {
  REFERRAL_ACTIONS,
  isTerminalStatus,
  listAvailableActions,
  transitionReferral,
  type ReferralAction,
  type ReferralActor,
} from '../../../src/domain/referral/referral-status';

const receiver: ReferralActor = { id: 'u-receiver', sides: ['RECEIVER'] };
const referrer: ReferralActor = { id: 'u-referrer', sides: ['REFERRER'] };
const AT = '2025-03-02T09:00:00+07:00';

function referralIn(status: ReferralStatus) {
  return { id: 'R1', status, createdAt: '2025-03-01T08:00:00+07:00', rejectReasonCode: null };
}

function actorFor(action: ReferralAction): ReferralActor {
  return action === 'CANCEL' ? referrer : receiver;
}

function inputFor(action: ReferralAction) {
  return action === 'REJECT' ? { reasonCode: 'NO_CAPACITY' } : {};
}

const ALLOWED: Record<ReferralAction, [ReferralStatus, ReferralStatus][]> = {
  ACCEPT: [['REQUESTED', 'ACCEPTED']],
  START: [['ACCEPTED', 'IN_PROGRESS']],
  COMPLETE: [['IN_PROGRESS', 'COMPLETED']],
  REJECT: [
    ['REQUESTED', 'REJECTED'],
    ['ACCEPTED', 'REJECTED'],
  ],
  CANCEL: [
    ['REQUESTED', 'CANCELLED'],
    ['ACCEPTED', 'CANCELLED'],
    ['IN_PROGRESS', 'CANCELLED'],
  ],
};

describe('transitionReferral', () => {
  const allowed = REFERRAL_ACTIONS.flatMap((action) =>
    ALLOWED[action].map(([from, to]) => ({ action, from, to })),
  );
  const refused = REFERRAL_ACTIONS.flatMap((action) =>
    REFERRAL_STATUSES.filter((s) => !ALLOWED[action].some(([from]) => from === s)).map((from) => ({
      action,
      from,
    })),
  );

  it.each(allowed)(
    'lets the right side $action a referral that is $from, making it $to',
    ({ action, from, to }) => {
      const { referral, event } = transitionReferral({
        referral: referralIn(from),
        action,
        actor: actorFor(action),
        at: AT,
        ...inputFor(action),
      });
      expect(referral.status).toBe(to);
      expect(referral.updatedAt).toBe(AT);
      expect(event).toMatchObject({ referralId: 'R1', action, fromStatus: from, toStatus: to, at: AT });
      expect(event.by).toBe(actorFor(action).id);
    },
  );

  it.each(refused)('refuses $action on a referral that is $from', ({ action, from }) => {
    const attempt = () =>
      transitionReferral({
        referral: referralIn(from),
        action,
        actor: actorFor(action),
        at: AT,
        ...inputFor(action),
      });
    expect(attempt).toThrow(InvalidTransitionError);
  });

  it('covers every status and action pair exactly once between the two tables', () => {
    expect(allowed.length + refused.length).toBe(REFERRAL_ACTIONS.length * REFERRAL_STATUSES.length);
  });

  it('explains a refused action in words a caseworker understands', () => {
    const attempt = () =>
      transitionReferral({ referral: referralIn('COMPLETED'), action: 'ACCEPT', actor: receiver, at: AT });
    expect(attempt).toThrow(
      'A referral that is COMPLETED cannot be accepted. It is closed; make a new referral if the child still needs the service.',
    );
  });

  it('lists what is still possible when an open referral refuses an action', () => {
    const attempt = () =>
      transitionReferral({ referral: referralIn('REQUESTED'), action: 'COMPLETE', actor: receiver, at: AT });
    expect(attempt).toThrow(
      'A referral that is REQUESTED cannot be completed. It can still be accepted, rejected or cancelled.',
    );
  });

  it('gives the refusal the INVALID_TRANSITION code and the state and action as details', () => {
    try {
      transitionReferral({ referral: referralIn('CANCELLED'), action: 'START', actor: receiver, at: AT });
      throw new Error('expected a refusal');
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidTransitionError);
      expect(error).toMatchObject({
        code: 'INVALID_TRANSITION',
        details: { status: 'CANCELLED', action: 'START' },
      });
    }
  });

  it('refuses a cancellation from the receiving side', () => {
    const attempt = () =>
      transitionReferral({ referral: referralIn('ACCEPTED'), action: 'CANCEL', actor: receiver, at: AT });
    expect(attempt).toThrow('Only the referring side can mark a referral cancelled');
  });

  it.each(['ACCEPT', 'START', 'COMPLETE', 'REJECT'] as const)(
    'refuses %s from the referring side',
    (action) => {
      const from = ALLOWED[action][0]![0];
      const attempt = () =>
        transitionReferral({
          referral: referralIn(from),
          action,
          actor: referrer,
          at: AT,
          ...inputFor(action),
        });
      expect(attempt).toThrow(/Only the receiving side/);
    },
  );

  it('lets staff who act for both sides cancel and accept', () => {
    const both: ReferralActor = { id: 'u-both', sides: ['REFERRER', 'RECEIVER'] };
    const accepted = transitionReferral({
      referral: referralIn('REQUESTED'),
      action: 'ACCEPT',
      actor: both,
      at: AT,
    });
    const cancelled = transitionReferral({
      referral: accepted.referral,
      action: 'CANCEL',
      actor: both,
      at: AT,
    });
    expect(cancelled.referral.status).toBe('CANCELLED');
  });

  it('records the reject reason code and note on the referral and the event', () => {
    const { referral, event } = transitionReferral({
      referral: referralIn('REQUESTED'),
      action: 'REJECT',
      actor: receiver,
      at: AT,
      reasonCode: 'NOT_ELIGIBLE',
      note: '  Older than the 72-month limit  ',
    });
    expect(referral.rejectReasonCode).toBe('NOT_ELIGIBLE');
    expect(event).toMatchObject({ reasonCode: 'NOT_ELIGIBLE', note: 'Older than the 72-month limit' });
  });

  it('keeps the rest of the referral as it was', () => {
    const { referral } = transitionReferral({
      referral: { ...referralIn('REQUESTED'), serviceCode: 'DX.ASD', toFacilityId: 'F-PSH' },
      action: 'ACCEPT',
      actor: receiver,
      at: AT,
    });
    expect(referral).toMatchObject({
      id: 'R1',
      serviceCode: 'DX.ASD',
      toFacilityId: 'F-PSH',
      rejectReasonCode: null,
    });
  });

  it('refuses a rejection without a reason code', () => {
    const attempt = () =>
      transitionReferral({ referral: referralIn('REQUESTED'), action: 'REJECT', actor: receiver, at: AT });
    expect(attempt).toThrow(InvalidReferralInputError);
    expect(attempt).toThrow(/needs a reason code .*none was given/);
  });

  it('refuses a reason code outside the closed list', () => {
    const attempt = () =>
      transitionReferral({
        referral: referralIn('REQUESTED'),
        action: 'REJECT',
        actor: receiver,
        at: AT,
        reasonCode: 'BUSY',
      });
    expect(attempt).toThrow(/"BUSY" is not one/);
  });

  it('refuses the OTHER reason without a note saying why', () => {
    const attempt = () =>
      transitionReferral({
        referral: referralIn('ACCEPTED'),
        action: 'REJECT',
        actor: receiver,
        at: AT,
        reasonCode: 'OTHER',
        note: '  ',
      });
    expect(attempt).toThrow('A rejection with reason OTHER needs a note saying why');
  });

  it('refuses a reason code on an action that is not a rejection', () => {
    const attempt = () =>
      transitionReferral({
        referral: referralIn('REQUESTED'),
        action: 'ACCEPT',
        actor: receiver,
        at: AT,
        reasonCode: 'NO_CAPACITY',
      });
    expect(attempt).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });

  it('refuses an action timed before the referral was made', () => {
    const attempt = () =>
      transitionReferral({
        referral: referralIn('REQUESTED'),
        action: 'ACCEPT',
        actor: receiver,
        at: '2025-02-28T08:00:00+07:00',
      });
    expect(attempt).toThrow('The accept time 2025-02-28T08:00:00+07:00 is before the referral was made');
  });

  it('refuses a time without an offset, which would read as server-local time', () => {
    const attempt = () =>
      transitionReferral({
        referral: referralIn('REQUESTED'),
        action: 'ACCEPT',
        actor: receiver,
        at: '2025-03-02T09:00',
      });
    expect(attempt).toThrow(InvalidReferralInputError);
  });
});

describe('listAvailableActions', () => {
  it('offers accept, reject and cancel on a new referral', () => {
    expect(listAvailableActions('REQUESTED')).toEqual(['ACCEPT', 'REJECT', 'CANCEL']);
  });

  it('offers only what the given side may do', () => {
    expect(listAvailableActions('IN_PROGRESS', ['RECEIVER'])).toEqual(['COMPLETE']);
    expect(listAvailableActions('IN_PROGRESS', ['REFERRER'])).toEqual(['CANCEL']);
  });

  it('offers nothing on a closed referral', () => {
    for (const status of ['COMPLETED', 'REJECTED', 'CANCELLED'] as const) {
      expect(listAvailableActions(status)).toEqual([]);
      expect(isTerminalStatus(status)).toBe(true);
    }
  });
});

describe('findActorSides', () => {
  const referral = {
    fromFacilityId: 'F-SCHOOL',
    toFacilityId: 'F-CHS',
    fromOrganizationId: 'O-EDU',
    toOrganizationId: 'O-HEALTH',
  };

  it('places staff of the sending facility on the referring side', () => {
    expect(findActorSides({ referral, facilityId: 'F-SCHOOL' })).toEqual(['REFERRER']);
  });

  it('places members of the receiving organisation on the receiving side', () => {
    expect(findActorSides({ referral, organizationId: 'O-HEALTH' })).toEqual(['RECEIVER']);
  });

  it('places staff of one organisation referring internally on both sides', () => {
    const internal = { ...referral, toOrganizationId: 'O-EDU' };
    expect(findActorSides({ referral: internal, organizationId: 'O-EDU' })).toEqual(['REFERRER', 'RECEIVER']);
  });

  it('places an outsider on neither side', () => {
    expect(findActorSides({ referral, facilityId: 'F-OTHER', organizationId: null })).toEqual([]);
  });
});
