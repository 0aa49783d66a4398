import { describeScheduleVi } from '../../../src/domain/referral/describe-schedule';
import { renderReferralSlip } from '../../../src/domain/referral/referral-slip';

describe('describeScheduleVi', () => {
  it('says weekly, monthly and daily rules in Vietnamese, with hours when given', () => {
    expect(describeScheduleVi('FREQ=WEEKLY;BYDAY=MO,WE,FR')).toBe('Thứ Hai, Thứ Tư, Thứ Sáu hằng tuần');
    expect(describeScheduleVi('FREQ=MONTHLY;BYDAY=2WE')).toBe('Thứ Tư tuần thứ 2 hằng tháng');
    expect(describeScheduleVi('FREQ=DAILY')).toBe('Hằng ngày');
    expect(describeScheduleVi('RRULE:FREQ=WEEKLY;BYDAY=SA;BYHOUR=7;BYMINUTE=30')).toBe(
      'Thứ Bảy hằng tuần, lúc 7:30',
    );
  });

  it('prints nothing rather than half a rule', () => {
    expect(describeScheduleVi(null)).toBeNull();
    expect(describeScheduleVi('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO')).toBeNull();
    expect(describeScheduleVi('FREQ=WEEKLY;BYDAY=XX')).toBeNull();
    expect(describeScheduleVi('FREQ=YEARLY;BYMONTH=6')).toBeNull();
    expect(describeScheduleVi('FREQ=WEEKLY;BYDAY=MO;BYHOUR=25')).toBeNull();
  });
});

describe('the slip with opening days', () => {
  it('puts the receiving offering’s schedule under where to go', () => {
    const text = renderReferralSlip({
      referral: { id: 'r1', serviceCode: 'SCR.ASD' },
      toFacility: {
        name: 'Trạm Y tế Phường Lào Cai',
        address: 'Phường Lào Cai, Tỉnh Lào Cai',
        phone: '0214 1',
      },
      service: { code: 'SCR.ASD', nameVi: 'Sàng lọc tự kỷ' },
      commune: { name: 'Phường Lào Cai', provinceName: 'Tỉnh Lào Cai' },
      consentAllowsDetails: false,
      format: 'text',
      offering: { schedule: 'FREQ=WEEKLY;BYDAY=TU,TH' },
    });
    expect(text).toContain(
      '  Địa chỉ: Phường Lào Cai, Tỉnh Lào Cai\n  Địa bàn: Phường Lào Cai, Tỉnh Lào Cai\n  Điện thoại: 0214 1\n  Lịch làm việc: Thứ Ba, Thứ Năm hằng tuần\n',
    );
  });
});
