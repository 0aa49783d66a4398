/**
 * The referral slip a family carries to the receiving facility, in Vietnamese. It says where to go, for
 * what, by when and what to bring. It never names the child: the slip travels in a pocket and is shown at
 * reception, so anything beyond logistics (why the child was referred, by whom) needs the family's consent.
 */
import { UnreachableCaseError } from '../errors';
import type { Urgency } from '../model';
import { InvalidReferralInputError } from './errors';
import { describeScheduleVi } from './describe-schedule';
import { formatReferralCode } from './format-referral-code';
import { listSlipChecklist } from './list-slip-checklist';
import { formatVietnamDate } from './measure-elapsed';
import { renderSlipHtml } from './render-slip-html';

/** The referral fields a slip may print; any other field on the object passed in is ignored. */
export interface SlipReferral {
  id: string;
  serviceCode: string;
  dueDate?: string | null;
  urgency?: Urgency;
  /** Why the child was referred: printed only when consent allows details. */
  reason?: string | null;
}

export interface SlipFacility {
  name: string;
  address?: string | null;
  phone?: string | null;
}

/** The receiving offering's opening days and hours (RRULE), printed when known. */
export interface SlipOffering {
  schedule?: string | null;
}

/** The slip as sections of plain lines, shared by the text and HTML renderings so they never disagree. */
export interface SlipContent {
  title: string;
  code: string;
  sections: { heading: string; lines: string[]; isChecklist: boolean }[];
  footer: string;
}

const URGENCY_NOTE: Readonly<Record<Urgency, string | null>> = {
  EMERGENCY: 'Khẩn cấp: đưa trẻ đến ngay trong ngày.',
  PRIORITY: 'Ưu tiên: nên đưa trẻ đến sớm nhất có thể.',
  ROUTINE: null,
};

/** Renders the family's referral slip as plain text or as a self-contained printable HTML page. */
export function renderReferralSlip(input: {
  referral: SlipReferral;
  toFacility: SlipFacility;
  service: { code: string; nameVi: string };
  commune: { name: string; provinceName?: string | null } | null;
  consentAllowsDetails: boolean;
  format: 'text' | 'html';
  /** The referring facility: printed only when consent allows details. */
  fromFacility?: SlipFacility | null;
  offering?: SlipOffering | null;
}): string {
  const content = buildSlipContent(input);
  const { format } = input;
  switch (format) {
    case 'text':
      return renderSlipText(content);
    case 'html':
      return renderSlipHtml(content);
    default:
      throw new UnreachableCaseError(format);
  }
}

function buildSlipContent(input: Omit<Parameters<typeof renderReferralSlip>[0], 'format'>): SlipContent {
  const { referral, toFacility, service, commune, consentAllowsDetails, fromFacility, offering } = input;
  if (service.code !== referral.serviceCode) {
    throw new InvalidReferralInputError(
      `The slip's service ${service.code} is not the referral's ${referral.serviceCode}`,
    );
  }
  const place = commune ? [commune.name, commune.provinceName].filter(Boolean).join(', ') : null;
  const where = [
    toFacility.name,
    ...labelled('Địa chỉ', toFacility.address),
    ...labelled('Địa bàn', place),
    ...labelled('Điện thoại', toFacility.phone),
    ...labelled('Lịch làm việc', describeScheduleVi(offering?.schedule)),
  ];
  const when = [
    referral.dueDate ? `Đến trước ngày: ${formatVietnamDate(referral.dueDate)}` : 'Đến càng sớm càng tốt.',
    ...(referral.urgency && URGENCY_NOTE[referral.urgency] ? [URGENCY_NOTE[referral.urgency]!] : []),
  ];
  const sections = [
    { heading: 'Nơi đến', lines: where, isChecklist: false },
    { heading: 'Dịch vụ', lines: [`${service.nameVi} (${service.code})`], isChecklist: false },
    { heading: 'Thời gian', lines: when, isChecklist: false },
    { heading: 'Cần mang theo', lines: listSlipChecklist(referral.serviceCode), isChecklist: true },
  ];
  if (consentAllowsDetails) {
    const referrer = fromFacility
      ? [fromFacility.name, fromFacility.phone && `ĐT ${fromFacility.phone}`]
      : [];
    const details = [
      ...labelled('Nơi giới thiệu', referrer.filter(Boolean).join(' – ')),
      ...labelled('Lý do', referral.reason?.trim()),
    ];
    if (details.length > 0)
      sections.push({ heading: 'Thông tin chuyển tuyến', lines: details, isChecklist: false });
  }
  return {
    title: 'Phiếu giới thiệu dịch vụ',
    code: formatReferralCode(referral.id),
    sections,
    footer: 'Xuất trình phiếu này và mã phiếu khi đến. Phiếu không ghi tên trẻ.',
  };
}

function labelled(label: string, value: string | null | undefined): string[] {
  return value ? [`${label}: ${value}`] : [];
}

function renderSlipText(content: SlipContent): string {
  const lines = [content.title.toUpperCase(), `Mã phiếu: ${content.code}`];
  for (const section of content.sections) {
    lines.push('', section.heading.toUpperCase());
    for (const line of section.lines) lines.push(`  ${section.isChecklist ? '[ ] ' : ''}${line}`);
  }
  lines.push('', content.footer);
  return `${lines.join('\n')}\n`;
}
