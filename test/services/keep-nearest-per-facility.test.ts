import { keepNearestPerFacility } from '../../src/services/chain-service';

describe('keepNearestPerFacility', () => {
  it('lists a facility offering two of a step’s services once, with its nearest offering', () => {
    const sorted = [
      { facilityId: 'f1', serviceCode: 'THR.SLT', travelMinutes: 10 },
      { facilityId: 'f2', serviceCode: 'THR.OT', travelMinutes: 15 },
      { facilityId: 'f1', serviceCode: 'THR.OT', travelMinutes: 10 },
      { facilityId: 'f3', serviceCode: 'THR.SLT', travelMinutes: 40 },
    ];
    expect(keepNearestPerFacility(sorted)).toEqual([sorted[0], sorted[1], sorted[3]]);
  });
});
