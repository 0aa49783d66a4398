// @ts-check
/**
 * The console's language: Vietnamese first, English available. The choice is kept in localStorage, sent to
 * the server as Accept-Language (so reasons, chain issues and error messages come back in it) and used by
 * t() for the console's own sentences. Codes (statuses, reason codes) are never translated.
 */
const LANG_KEY = 'ketnoi.lang';

/** 'vi' (the default) or 'en'. */
export function lang() {
  try {
    return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

export function setLang(value) {
  localStorage.setItem(LANG_KEY, value === 'en' ? 'en' : 'vi');
  document.documentElement.lang = lang();
}

/** The sentence in the reader's language. */
export function t(vi, en) {
  return lang() === 'en' ? en : vi;
}

/** The console's labels for codes the server labels too (used where a list is built before any answer). */
export const STATUS_LABELS = {
  REQUESTED: ['Đã gửi, chờ nhận', 'Requested'],
  ACCEPTED: ['Đã nhận', 'Accepted'],
  IN_PROGRESS: ['Đang thực hiện', 'In progress'],
  COMPLETED: ['Hoàn thành', 'Completed'],
  REJECTED: ['Bị từ chối', 'Rejected'],
  CANCELLED: ['Đã huỷ', 'Cancelled'],
};

export const REJECT_REASONS = [
  ['NO_CAPACITY', 'Hết chỗ', 'No capacity'],
  ['NOT_ELIGIBLE', 'Không đủ điều kiện', 'Not eligible'],
  ['SERVICE_UNAVAILABLE', 'Dịch vụ tạm không có', 'Service unavailable'],
  ['FAMILY_DECLINED', 'Gia đình từ chối', 'Family declined'],
  ['DUPLICATE', 'Trùng chuyển gửi khác', 'Duplicate'],
  ['OTHER', 'Lý do khác (ghi rõ)', 'Other (say why)'],
];

export const SECTOR_LABELS = { HEALTH: ['Y tế', 'Health'], SOCIAL: ['Xã hội', 'Social'], EDUCATION: ['Giáo dục', 'Education'] };

/** [vi, en] pair → the reader's one. */
export function pick(pair, fallback = '') {
  return pair ? t(pair[0], pair[1]) : fallback;
}
