import { InvalidReferralInputError } from '../../../src/domain/referral/errors';
import { formatReferralCode } from '../../../src/domain/referral/format-referral-code';
import { classifyServiceFamily, listSlipChecklist } from '../../../src/domain/referral/list-slip-checklist';
import { renderReferralSlip } from '../../../src/domain/referral/referral-slip';

// A full store-shaped referral: the slip must pick only what it may print from it.
const referral = {
  id: 'ref_01HZX3',
  caseId: 'case_SECRET_42',
  label: 'Bé Hoa (pseudonym)',
  serviceCode: 'DX.ASD',
  dueDate: '2025-04-18',
  urgency: 'ROUTINE' as const,
  reason: 'Chậm nói, ít giao tiếp bằng mắt',
  createdBy: 'caseworker-7',
};

const base = {
  referral,
  toFacility: { name: 'Bệnh viện Sản Nhi tỉnh Lào Cai', address: 'Đường Hoàng Liên', phone: '0214 3820 000' },
  service: { code: 'DX.ASD', nameVi: 'Chẩn đoán rối loạn phổ tự kỷ' },
  commune: { name: 'Phường Cam Đường', provinceName: 'Lào Cai' },
  fromFacility: { name: 'Trạm y tế xã Cốc San', phone: '0214 3880 111' },
  consentAllowsDetails: false,
  format: 'text' as const,
};

describe('renderReferralSlip', () => {
  it('tells the family where to go, for what, by when and what to bring, in Vietnamese', () => {
    expect(renderReferralSlip(base)).toBe(
      [
        'PHIẾU GIỚI THIỆU DỊCH VỤ',
        `Mã phiếu: ${formatReferralCode('ref_01HZX3')}`,
        '',
        'NƠI ĐẾN',
        '  Bệnh viện Sản Nhi tỉnh Lào Cai',
        '  Địa chỉ: Đường Hoàng Liên',
        '  Địa bàn: Phường Cam Đường, Lào Cai',
        '  Điện thoại: 0214 3820 000',
        '',
        'DỊCH VỤ',
        '  Chẩn đoán rối loạn phổ tự kỷ (DX.ASD)',
        '',
        'THỜI GIAN',
        '  Đến trước ngày: 18/04/2025',
        '',
        'CẦN MANG THEO',
        '  [ ] Phiếu giới thiệu này',
        '  [ ] Căn cước công dân của cha, mẹ hoặc người giám hộ đi cùng trẻ',
        '  [ ] Thẻ bảo hiểm y tế của trẻ (hoặc bản sao giấy khai sinh nếu chưa có thẻ)',
        '  [ ] Sổ theo dõi sức khỏe bà mẹ và trẻ em, sổ tiêm chủng',
        '  [ ] Kết quả khám, xét nghiệm và đơn thuốc trước đây (nếu có)',
        '',
        'Xuất trình phiếu này và mã phiếu khi đến. Phiếu không ghi tên trẻ.',
        '',
      ].join('\n'),
    );
  });

  it.each(['text', 'html'] as const)(
    'never prints the case, its pseudonym or details without consent (%s)',
    (format) => {
      const slip = renderReferralSlip({ ...base, format });
      for (const secret of [
        'case_SECRET_42',
        'Bé Hoa',
        'Chậm nói',
        'Cốc San',
        'caseworker-7',
        'ref_01HZX3',
      ]) {
        expect(slip).not.toContain(secret);
      }
    },
  );

  it('adds the referrer and the reason when consent allows details', () => {
    const slip = renderReferralSlip({ ...base, consentAllowsDetails: true });
    expect(slip).toContain(
      'THÔNG TIN CHUYỂN TUYẾN\n  Nơi giới thiệu: Trạm y tế xã Cốc San – ĐT 0214 3880 111\n  Lý do: Chậm nói, ít giao tiếp bằng mắt\n',
    );
    expect(slip).not.toContain('case_SECRET_42');
    expect(slip).not.toContain('Bé Hoa');
  });

  it('leaves out lines it has no value for', () => {
    const slip = renderReferralSlip({
      ...base,
      toFacility: { name: 'Trạm y tế xã Đông Xá' },
      commune: null,
      referral: { ...referral, dueDate: null },
    });
    expect(slip).toContain('NƠI ĐẾN\n  Trạm y tế xã Đông Xá\n\nDỊCH VỤ');
    expect(slip).toContain('THỜI GIAN\n  Đến càng sớm càng tốt.\n');
  });

  it('tells the family to come the same day for an emergency', () => {
    const slip = renderReferralSlip({ ...base, referral: { ...referral, urgency: 'EMERGENCY' } });
    expect(slip).toContain('Khẩn cấp: đưa trẻ đến ngay trong ngày.');
  });

  it('formats a date-time due date as the calendar day in Vietnam', () => {
    const slip = renderReferralSlip({ ...base, referral: { ...referral, dueDate: '2025-04-18T20:00:00Z' } });
    expect(slip).toContain('Đến trước ngày: 19/04/2025');
  });

  it('refuses a service that is not the referral’s', () => {
    const wrong = { ...base, service: { code: 'THR.OT', nameVi: 'Hoạt động trị liệu' } };
    expect(() => renderReferralSlip(wrong)).toThrow(InvalidReferralInputError);
  });

  describe('html', () => {
    const hostile = {
      ...base,
      format: 'html' as const,
      consentAllowsDetails: true,
      toFacility: { name: '<script>alert("x")</script> & Co', address: `12 "Lê Lợi" O'Neil`, phone: null },
    };

    it('escapes every interpolated value', () => {
      const html = renderReferralSlip({
        ...hostile,
        referral: { ...referral, reason: '<img src=x onerror=alert(1)>' },
      });
      expect(html).not.toContain('<script>');
      expect(html).not.toContain('<img');
      expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co');
      expect(html).toContain('12 &quot;Lê Lợi&quot; O&#39;Neil');
      expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    });

    it('is a self-contained page with print CSS and no external resources', () => {
      const html = renderReferralSlip(hostile);
      expect(html.startsWith('<!DOCTYPE html>\n<html lang="vi">')).toBe(true);
      expect(html).toContain('<meta charset="utf-8">');
      expect(html).toContain('@media print');
      expect(html).toContain('@page { size: A5');
      expect(html).not.toMatch(/<link|<script|src=|href=|@import|url\(/);
    });

    it('renders the checklist as a list of boxes', () => {
      const html = renderReferralSlip(hostile);
      expect(html).toContain('<ul class="checklist"><li>Phiếu giới thiệu này</li>');
    });
  });
});

describe('listSlipChecklist', () => {
  it.each([
    ['SCR.DEV', 'Sổ theo dõi sức khỏe bà mẹ và trẻ em, sổ tiêm chủng'],
    ['THR.SLT', 'Thẻ bảo hiểm y tế của trẻ (hoặc bản sao giấy khai sinh nếu chưa có thẻ)'],
    ['CNS.COUNSEL', 'Kết quả sàng lọc hoặc đánh giá trước đây (nếu có)'],
    ['SA.ALLOW', 'Giấy xác nhận thông tin về cư trú'],
    ['EDU.INCL', 'Học bạ hoặc sổ liên lạc gần nhất'],
    ['CNS.SCHOOL', 'Học bạ hoặc sổ liên lạc gần nhất'],
    ['XYZ.NEW', 'Bản sao giấy khai sinh của trẻ'],
  ])('asks the family to bring the right papers for %s', (code, item) => {
    expect(listSlipChecklist(code)).toContain(item);
  });

  it('files school counselling under education, not counselling', () => {
    expect(classifyServiceFamily('CNS.SCHOOL')).toBe('EDUCATION');
    expect(classifyServiceFamily('CNS.COUNSEL')).toBe('COUNSELLING');
  });
});

describe('formatReferralCode', () => {
  it('gives a stable short code without ambiguous letters', () => {
    const code = formatReferralCode('ref_01HZX3');
    expect(code).toMatch(/^KN-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(formatReferralCode('ref_01HZX3')).toBe(code);
  });

  it('gives different referrals different codes', () => {
    const codes = new Set(Array.from({ length: 2000 }, (_, i) => formatReferralCode(`ref_${i}`)));
    expect(codes.size).toBe(2000);
  });
});
