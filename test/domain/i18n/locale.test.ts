import { translateError } from '../../../src/domain/i18n/error-text';
import { labelOf } from '../../../src/domain/i18n/labels';
import { pickLocale } from '../../../src/domain/i18n/locale';

describe('pickLocale', () => {
  it('takes the supported language with the highest q, region tags included', () => {
    expect(pickLocale('vi-VN,vi;q=0.9,en;q=0.8')).toBe('vi');
    expect(pickLocale('fr-FR, en-GB;q=0.7, vi;q=0.6')).toBe('en');
    expect(pickLocale('en;q=0.4, vi;q=0.9')).toBe('vi');
    expect(pickLocale('vi;q=0, en')).toBe('en');
  });

  it('falls back when the header is missing or names neither language', () => {
    expect(pickLocale(undefined)).toBe('en');
    expect(pickLocale('')).toBe('en');
    expect(pickLocale('fr, de', 'vi')).toBe('vi');
  });
});

describe('labelOf', () => {
  it('names codes in both languages and shows an unknown code as itself', () => {
    expect(labelOf('status', 'IN_PROGRESS', 'vi')).toBe('Đang thực hiện');
    expect(labelOf('status', 'IN_PROGRESS', 'en')).toBe('In progress');
    expect(labelOf('kind', 'COMMUNE_HEALTH_STATION', 'vi')).toBe('Trạm y tế xã');
    expect(labelOf('kind', 'SPACESHIP', 'vi')).toBe('SPACESHIP');
  });
});

describe('translateError', () => {
  it('rebuilds known messages in Vietnamese with their values', () => {
    expect(translateError('CONFLICT', 'A case labelled "LC-1" already exists in this organisation; x')).toBe(
      'Tổ chức của bạn đã có ca mang mã “LC-1”. Hãy dùng một mã bí danh khác.',
    );
    expect(
      translateError(
        'CONFLICT',
        'This idempotencyKey was already used for a different request; use a new key',
      ),
    ).toContain('idempotencyKey');
    expect(translateError('BAD_USER_INPUT', 'childAgeMonths must be between 0 and 216 (under 18)')).toBe(
      'Tuổi của trẻ phải từ 0 đến 216 tháng (dưới 18 tuổi).',
    );
    expect(translateError('BAD_USER_INPUT', 'reason must be 3–1000 characters')).toBe(
      'Lý do chuyển gửi cần 3–1000 ký tự.',
    );
    expect(translateError('NOT_FOUND', 'Referral "ref-9" was not found')).toBe(
      'Không tìm thấy chuyển gửi “ref-9”.',
    );
    expect(
      translateError(
        'CONSENT_REQUIRED',
        'Consent K1 for REFERRAL does not cover organisation org-15-health (HEALTH); ask the family to extend it',
      ),
    ).toBe(
      'Sự đồng ý hiện có không bao gồm nơi nhận (ngành Y tế). Hãy xin gia đình mở rộng phạm vi chia sẻ.',
    );
  });

  it('explains the code in Vietnamese when no rule knows the sentence', () => {
    expect(translateError('BAD_USER_INPUT', 'some new English sentence')).toBe(
      'Dữ liệu nhập chưa đúng; hãy kiểm tra lại các ô đã điền.',
    );
    expect(translateError('SOMETHING_NEW', 'x')).toBe('Đã có lỗi xảy ra.');
  });
});
