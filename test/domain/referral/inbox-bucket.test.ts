import {
  compareInboxItems,
  placeInInbox,
  type InboxReferral,
} from '../../../src/domain/referral/inbox-bucket';

const NOW = '2025-09-10T03:00:00Z'; // 10:00 in Vietnam
const referral = (over: Partial<InboxReferral> = {}): InboxReferral => ({
  id: 'R1',
  status: 'REQUESTED',
  urgency: 'ROUTINE',
  dueDate: null,
  createdAt: '2025-09-09T03:00:00Z',
  ...over,
});

describe('placeInInbox', () => {
  it('puts a fresh request in NEW and an accepted or started one in IN_PROGRESS', () => {
    expect(placeInInbox(referral(), NOW)).toEqual({ bucket: 'NEW', dueInDays: null });
    expect(placeInInbox(referral({ status: 'ACCEPTED' }), NOW)?.bucket).toBe('IN_PROGRESS');
    expect(placeInInbox(referral({ status: 'IN_PROGRESS' }), NOW)?.bucket).toBe('IN_PROGRESS');
  });

  it('counts whole days to the due day: today 0, in three days DUE_SOON ends', () => {
    expect(placeInInbox(referral({ dueDate: '2025-09-10' }), NOW)).toEqual({
      bucket: 'DUE_SOON',
      dueInDays: 0,
    });
    expect(placeInInbox(referral({ dueDate: '2025-09-12' }), NOW)).toEqual({
      bucket: 'DUE_SOON',
      dueInDays: 2,
    });
    expect(placeInInbox(referral({ dueDate: '2025-09-13' }), NOW)).toEqual({ bucket: 'NEW', dueInDays: 3 });
  });

  it('marks OVERDUE past the due day, or when not accepted within the urgency limit', () => {
    expect(placeInInbox(referral({ dueDate: '2025-09-09', status: 'IN_PROGRESS' }), NOW)).toEqual({
      bucket: 'OVERDUE',
      dueInDays: -1,
    });
    expect(placeInInbox(referral({ createdAt: '2025-09-02T02:00:00Z' }), NOW)?.bucket).toBe('OVERDUE');
    expect(
      placeInInbox(referral({ createdAt: '2025-09-08T02:00:00Z', urgency: 'EMERGENCY' }), NOW)?.bucket,
    ).toBe('OVERDUE');
    // Accepted in time: waiting long is no longer a stall.
    expect(
      placeInInbox(referral({ createdAt: '2025-09-02T02:00:00Z', status: 'ACCEPTED' }), NOW)?.bucket,
    ).toBe('IN_PROGRESS');
  });

  it('leaves closed referrals out', () => {
    for (const status of ['COMPLETED', 'REJECTED', 'CANCELLED'] as const)
      expect(placeInInbox(referral({ status }), NOW)).toBeNull();
  });
});

describe('compareInboxItems', () => {
  it('orders by bucket, then urgency, then due date, then age', () => {
    const items = [
      { ...referral({ id: 'new' }), bucket: 'NEW' as const, dueInDays: null },
      { ...referral({ id: 'late' }), bucket: 'OVERDUE' as const, dueInDays: -2 },
      { ...referral({ id: 'soon-routine' }), bucket: 'DUE_SOON' as const, dueInDays: 1 },
      {
        ...referral({ id: 'soon-emergency', urgency: 'EMERGENCY' }),
        bucket: 'DUE_SOON' as const,
        dueInDays: 2,
      },
    ];
    expect(items.sort(compareInboxItems).map((i) => i.id)).toEqual([
      'late',
      'soon-emergency',
      'soon-routine',
      'new',
    ]);
  });
});
