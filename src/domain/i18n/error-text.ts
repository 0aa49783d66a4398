/**
 * Vietnamese for the error messages a person can meet in the console. The services write their messages in
 * English (logs, programs, tests); `translateError` matches the English sentence and rebuilds it in
 * Vietnamese with the same values. A message with no pattern here gets the plain explanation of its code, so a
 * Vietnamese reader never meets an English sentence; the English one stays in extensions.messageEn.
 */
import { labelOf } from './labels';

type Rule = [pattern: RegExp, render: (m: RegExpExecArray) => string];

const STATUS = (s: string | undefined) => labelOf('status', s ?? '', 'vi').toLowerCase();
const ACTION_DONE: Record<string, string> = {
  accepted: 'nhận',
  started: 'bắt đầu thực hiện',
  completed: 'đánh dấu hoàn thành',
  rejected: 'từ chối',
  cancelled: 'huỷ',
};
const verb = (pastTense: string) =>
  pastTense
    .split(/, | or /)
    .map((w) => ACTION_DONE[w] ?? w)
    .join(', ');

const RULES: Rule[] = [
  [
    /^A referral that is (\w+) cannot be (\w+)\. It is closed/,
    (m) =>
      `Chuyển gửi đang ở trạng thái “${STATUS(m[1])}” nên không thể ${verb(m[2]!)}. Chuyển gửi đã đóng; hãy tạo chuyển gửi mới nếu trẻ vẫn cần dịch vụ.`,
  ],
  [
    /^A referral that is (\w+) cannot be (\w+)\. It can still be (.+)\.$/,
    (m) =>
      `Chuyển gửi đang ở trạng thái “${STATUS(m[1])}” nên không thể ${verb(m[2]!)}. Hiện vẫn có thể: ${verb(m[3]!)}.`,
  ],
  [
    /^Only the (referring|receiving) side can mark a referral (\w+)/,
    (m) =>
      `Chỉ ${m[1] === 'referring' ? 'bên chuyển gửi' : 'bên nhận'} mới được ${verb(m[2]!)} chuyển gửi này.`,
  ],
  [/^A rejection needs a reason code/, () => 'Từ chối cần chọn một lý do (mã lý do từ chối).'],
  [
    /^A rejection with reason OTHER needs a note/,
    () => 'Từ chối với lý do “Lý do khác” cần ghi chú giải thích.',
  ],
  [/^A reason code is only given when rejecting/, () => 'Chỉ ghi mã lý do khi từ chối chuyển gửi.'],
  [/^note must be at most (\d+)/, (m) => `Ghi chú tối đa ${m[1]} ký tự.`],
  [
    /^The referral changed while you were working on it/,
    () => 'Chuyển gửi vừa được người khác cập nhật; hãy tải lại rồi thử lại.',
  ],
  [
    /^A case labelled "(.+)" already exists in this organisation/,
    (m) => `Tổ chức của bạn đã có ca mang mã “${m[1]}”. Hãy dùng một mã bí danh khác.`,
  ],
  [
    /^label must be a short pseudonymous code/,
    () => 'Mã bí danh phải ngắn (1–40 chữ, số, dấu cách, - _ # .), không bao giờ là tên trẻ.',
  ],
  [
    /^birthMonth must be YYYY-MM/,
    () => 'Tháng sinh phải có dạng NNNN-TT, không ở tương lai và phải là của trẻ em.',
  ],
  [/^languages must be ISO 639-3/, () => 'Ngôn ngữ phải là mã ISO 639-3, ví dụ vie, hmn.'],
  [/^needs must be service codes/, () => 'Nhu cầu phải là mã dịch vụ, ví dụ SCR.ASD.'],
  [
    /^grantedBy must be one of/,
    () => 'Người đồng ý phải là mẹ, bố, người giám hộ, người chăm sóc hoặc trẻ từ 14 tuổi.',
  ],
  [/^scopeSectors must be sectors/, () => 'Phạm vi chia sẻ phải là các ngành Y tế, Xã hội, Giáo dục.'],
  [/^expiresAt must be in the future/, () => 'Ngày hết hạn đồng ý phải ở tương lai.'],
  [
    /^No consent on record allows sharing/,
    () =>
      'Chưa có sự đồng ý nào cho phép chia sẻ ca này để chuyển gửi. Hãy ghi nhận sự đồng ý của gia đình trước.',
  ],
  [
    /^Consent \S+ for \w+ does not cover (?:organisation \S+ \((\w+)\)|a (\w+) receiver)/,
    (m) =>
      `Sự đồng ý hiện có không bao gồm nơi nhận (ngành ${labelOf('sector', m[1] ?? m[2] ?? '', 'vi')}). Hãy xin gia đình mở rộng phạm vi chia sẻ.`,
  ],
  [/^Consent \S+ for \w+ expired at/, () => 'Sự đồng ý đã hết hạn; hãy xin gia đình gia hạn.'],
  [/^Consent \S+ for \w+ was withdrawn/, () => 'Gia đình đã rút lại sự đồng ý; không được chia sẻ ca này.'],
  [
    /^Consent \S+ is for \w+, not/,
    () => 'Sự đồng ý hiện có dành cho mục đích khác; hãy xin gia đình đồng ý cho việc chuyển gửi.',
  ],
  [
    /^The consent that shared this referral is no longer valid/,
    () => 'Sự đồng ý dùng để chia sẻ chuyển gửi này không còn hiệu lực.',
  ],
  [/^A referral must go to another facility/, () => 'Nơi nhận phải khác nơi chuyển.'],
  [/^(.+) does not offer (\S+)$/, (m) => `${m[1]} không cung cấp dịch vụ ${m[2]}.`],
  [/^reason must be (\d+)–(\d+) characters/, (m) => `Lý do chuyển gửi cần ${m[1]}–${m[2]} ký tự.`],
  [
    /^This idempotencyKey was already used for a different request/,
    () =>
      'Mã chống gửi trùng (idempotencyKey) này đã dùng cho một yêu cầu khác; hãy dùng mã mới cho lần gửi mới.',
  ],
  [
    /^idempotencyKey must be 1–128/,
    () => 'Mã chống gửi trùng (idempotencyKey) phải gồm 1–128 chữ cái, chữ số hoặc - _ . :',
  ],
  [/^skipReason must be at most/, () => 'Lý do vượt tuyến tối đa 1000 ký tự.'],
  [
    /^This referral skips a level \((\w+) → (\w+)\)/,
    (m) =>
      `Chuyển gửi này vượt tuyến (${labelOf('level', m[1]!, 'vi').toLowerCase()} → ${labelOf('level', m[2]!, 'vi').toLowerCase()}); hãy ghi lý do vượt tuyến, ví dụ cấp cứu hoặc tuyến dưới không có dịch vụ.`,
  ],
  [/^dueDate must not be in the past/, () => 'Hạn hẹn không được ở quá khứ.'],
  [/^parentId \S+ is not a referral of this case/, () => 'Bước trước đã chọn không thuộc ca này.'],
  [/^Unknown facility (\S+)/, (m) => `Không có cơ sở ${m[1]} trong danh bạ.`],
  [/^Unknown service code (\S+)/, (m) => `Không có mã dịch vụ ${m[1]}.`],
  [/^Unknown commune code (\S+)/, (m) => `Không có mã xã/phường ${m[1]}.`],
  [/^(\w+) must be a 5-digit commune code/, () => 'Mã xã/phường phải gồm 5 chữ số.'],
  [
    /^(childAgeMonths|ageMonths|ageFromMonths|ageToMonths) must be between 0 and (\d+)/,
    (m) => `Tuổi của trẻ phải từ 0 đến ${m[2]} tháng (dưới 18 tuổi).`,
  ],
  [
    /^maxMinutes must be positive and at most (\d+)/,
    (m) => `Giới hạn thời gian phải lớn hơn 0 và tối đa ${m[1]} phút.`,
  ],
  [
    /^(Case|Referral|Facility|Commune|Active consent|ServiceType|Offering) "(.+)" was not found/,
    (m) => `Không tìm thấy ${NOUN[m[1]!] ?? m[1]} “${m[2]}”.`,
  ],
  [
    /^This referral is not shared with you/,
    () => 'Chuyển gửi này không được chia sẻ với bạn (hoặc gia đình đã rút lại sự đồng ý).',
  ],
  [
    /^This case belongs to another organisation/,
    () => 'Ca này thuộc tổ chức khác và không có sự đồng ý còn hiệu lực để chia sẻ với bạn.',
  ],
  [
    /^Only the organisation that owns the case sees its consents/,
    () => 'Chỉ tổ chức quản lý ca mới xem được các sự đồng ý.',
  ],
  [
    /^You are on neither side of this referral/,
    () => 'Bạn không thuộc bên chuyển hay bên nhận của chuyển gửi này.',
  ],
  [
    /^Only the case owner, or staff following a referral/,
    () => 'Chỉ đơn vị quản lý ca, hoặc cơ sở đã nhận chuyển gửi trước đó, mới được chuyển gửi tiếp trẻ này.',
  ],
  [/^The (\w+) role may not use (\S+)/, () => 'Vai trò của bạn không được phép làm việc này.'],
  [/^Sign in to use/, () => 'Hãy đăng nhập để dùng chức năng này.'],
  [/^The bearer token is invalid or has expired/, () => 'Token không hợp lệ hoặc đã hết hạn.'],
  [/^Authorization must be "Bearer <token>"/, () => 'Tiêu đề Authorization phải có dạng "Bearer <token>".'],
  [/^The token has no valid role claim/, () => 'Token không có vai trò hợp lệ.'],
  [/^A caseworker token needs an organisation/, () => 'Token cán bộ cần có tổ chức (org) để quản lý ca.'],
  [/^Listing (cases|referrals) needs/, () => 'Token cần có tổ chức, tỉnh hoặc cơ sở để xem danh sách này.'],
  [/^first must be between 1 and (\d+)/, (m) => `Số dòng mỗi trang phải từ 1 đến ${m[1]}.`],
  [
    /^The request took longer than (\d+) ms/,
    (m) => `Yêu cầu chạy quá ${m[1]} ms và đã bị dừng; hãy thử lại.`,
  ],
  [/^Something went wrong on our side/, () => 'Máy chủ gặp lỗi; lỗi đã được ghi lại.'],
  [/^The store is not reachable/, () => 'Không kết nối được kho dữ liệu; hãy thử lại sau ít phút.'],
];

const NOUN: Record<string, string> = {
  Case: 'ca',
  Referral: 'chuyển gửi',
  Facility: 'cơ sở',
  Commune: 'xã/phường',
  'Active consent': 'sự đồng ý còn hiệu lực',
  ServiceType: 'loại dịch vụ',
  Offering: 'dịch vụ',
};

/** What each code means, for a message no rule above knows. */
export const CODE_EXPLANATIONS_VI: Record<string, string> = {
  BAD_USER_INPUT: 'Dữ liệu nhập chưa đúng; hãy kiểm tra lại các ô đã điền.',
  GRAPHQL_VALIDATION_FAILED: 'Yêu cầu gửi lên máy chủ không hợp lệ.',
  GRAPHQL_PARSE_FAILED: 'Yêu cầu gửi lên máy chủ không đọc được.',
  BAD_REQUEST: 'Yêu cầu gửi lên máy chủ không hợp lệ.',
  NOT_FOUND: 'Không tìm thấy dữ liệu được yêu cầu.',
  CONFLICT: 'Dữ liệu trùng hoặc vừa bị thay đổi; hãy kiểm tra lại.',
  FORBIDDEN: 'Vai trò của bạn không được phép làm việc này.',
  UNAUTHENTICATED: 'Chưa đăng nhập, hoặc token không hợp lệ hay đã hết hạn.',
  INVALID_TRANSITION: 'Không thể chuyển chuyển gửi sang trạng thái này.',
  CONSENT_REQUIRED: 'Cần có sự đồng ý của gia đình trước khi chia sẻ.',
  STORE_UNAVAILABLE: 'Không kết nối được kho dữ liệu; hãy thử lại sau ít phút.',
  QUERY_TOO_COMPLEX: 'Yêu cầu quá phức tạp.',
  QUERY_TOO_DEEP: 'Yêu cầu lồng quá sâu.',
  OPERATION_TOO_LARGE: 'Yêu cầu quá lớn.',
  TIMEOUT: 'Yêu cầu chạy quá lâu và đã bị dừng; hãy thử lại.',
  INTERNAL_SERVER_ERROR: 'Máy chủ gặp lỗi; lỗi đã được ghi lại.',
};

/** The Vietnamese sentence for an English error message with this code. */
export function translateError(code: string, message: string): string {
  for (const [pattern, render] of RULES) {
    const m = pattern.exec(message);
    if (m) return render(m);
  }
  return CODE_EXPLANATIONS_VI[code] ?? 'Đã có lỗi xảy ra.';
}
