/**
 * Display names for the codes a person meets: statuses, actions, urgencies, sectors, levels, facility kinds,
 * reject reasons and chain flags, in Vietnamese and English. The codes themselves never change.
 */
import type { Locale } from './locale';

type Table = Record<string, readonly [vi: string, en: string]>;

export const LABELS = {
  status: {
    REQUESTED: ['Đã gửi, chờ nhận', 'Requested'],
    ACCEPTED: ['Đã nhận', 'Accepted'],
    IN_PROGRESS: ['Đang thực hiện', 'In progress'],
    COMPLETED: ['Hoàn thành', 'Completed'],
    REJECTED: ['Bị từ chối', 'Rejected'],
    CANCELLED: ['Đã huỷ', 'Cancelled'],
  },
  action: {
    REQUEST: ['Gửi chuyển gửi', 'Referred'],
    ACCEPT: ['Nhận', 'Accepted'],
    START: ['Bắt đầu thực hiện', 'Started'],
    COMPLETE: ['Hoàn thành', 'Completed'],
    REJECT: ['Từ chối', 'Rejected'],
    CANCEL: ['Huỷ', 'Cancelled'],
  },
  urgency: {
    ROUTINE: ['Thường', 'Routine'],
    PRIORITY: ['Ưu tiên', 'Priority'],
    EMERGENCY: ['Khẩn cấp', 'Emergency'],
  },
  sector: {
    HEALTH: ['Y tế', 'Health'],
    SOCIAL: ['Xã hội', 'Social'],
    EDUCATION: ['Giáo dục', 'Education'],
  },
  level: {
    COMMUNE: ['Tuyến xã', 'Commune level'],
    REGIONAL: ['Tuyến khu vực', 'Regional level'],
    PROVINCIAL: ['Tuyến tỉnh', 'Provincial level'],
    CENTRAL: ['Tuyến trung ương', 'Central level'],
  },
  rejectReason: {
    NO_CAPACITY: ['Hết chỗ', 'No capacity'],
    NOT_ELIGIBLE: ['Không đủ điều kiện', 'Not eligible'],
    SERVICE_UNAVAILABLE: ['Dịch vụ tạm không có', 'Service unavailable'],
    FAMILY_DECLINED: ['Gia đình từ chối', 'Family declined'],
    DUPLICATE: ['Trùng chuyển gửi khác', 'Duplicate'],
    OTHER: ['Lý do khác', 'Other'],
  },
  flag: {
    STALLED: ['Trì trệ / quá hạn', 'Stalled'],
    SKIPPED_LEVEL: ['Vượt tuyến', 'Skipped level'],
    DEAD_END: ['Ngõ cụt', 'Dead end'],
    LOOP: ['Vòng lặp', 'Loop'],
    MISSING_PARENT: ['Thiếu bước trước', 'Missing parent'],
    UNKNOWN_FACILITY: ['Cơ sở không rõ', 'Unknown facility'],
  },
  kind: {
    COMMUNE_HEALTH_STATION: ['Trạm y tế xã', 'Commune health station'],
    REGIONAL_HEALTH_CENTRE: ['Trung tâm y tế khu vực', 'Regional health centre'],
    GENERAL_HOSPITAL: ['Bệnh viện đa khoa', 'General hospital'],
    PRIVATE_GENERAL_HOSPITAL: ['Bệnh viện đa khoa tư nhân', 'Private general hospital'],
    OBSTETRICS_PAEDIATRICS_HOSPITAL: ['Bệnh viện sản nhi', 'Obstetrics and paediatrics hospital'],
    PSYCHIATRIC_HOSPITAL: ['Bệnh viện tâm thần', 'Psychiatric hospital'],
    REHABILITATION_HOSPITAL: ['Bệnh viện phục hồi chức năng', 'Rehabilitation hospital'],
    COMMUNE_CHILD_PROTECTION_POINT: ['Điểm bảo vệ trẻ em xã', 'Commune child-protection point'],
    SOCIAL_WORK_CENTRE: ['Trung tâm công tác xã hội', 'Social work centre'],
    SOCIAL_ASSISTANCE_MULTI: ['Cơ sở trợ giúp xã hội tổng hợp', 'Social assistance facility'],
    SOCIAL_ASSISTANCE_CHILDREN: ['Cơ sở trợ giúp trẻ em', 'Social assistance facility for children'],
    SOCIAL_ASSISTANCE_DISABILITY: ['Cơ sở trợ giúp người khuyết tật', 'Disability assistance facility'],
    SOCIAL_ASSISTANCE_MENTAL: ['Cơ sở chăm sóc người rối nhiễu tâm trí', 'Mental health assistance facility'],
    CHILD_HELPLINE: ['Tổng đài bảo vệ trẻ em', 'Child helpline'],
    PRESCHOOL: ['Trường mầm non', 'Preschool'],
    PRIMARY_LOWER_SECONDARY_SCHOOL: ['Trường tiểu học và THCS', 'Primary and lower secondary school'],
    UPPER_SECONDARY_SCHOOL: ['Trường THPT', 'Upper secondary school'],
    INCLUSIVE_EDUCATION_CENTRE: ['Trung tâm hỗ trợ giáo dục hòa nhập', 'Inclusive education centre'],
    SPECIAL_SCHOOL: ['Trường chuyên biệt', 'Special school'],
    VOCATIONAL_GUIDANCE_CENTRE: ['Trung tâm hướng nghiệp', 'Vocational guidance centre'],
  },
} as const satisfies Record<string, Table>;

export type LabelGroup = keyof typeof LABELS;

/** The label of `code` in `group`; an unknown code is shown as itself, so nothing is ever blank. */
export function labelOf(group: LabelGroup, code: string, locale: Locale): string {
  const entry = (LABELS[group] as Table)[code];
  if (!entry) return code;
  return locale === 'vi' ? entry[0] : entry[1];
}
