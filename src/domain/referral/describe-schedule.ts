/**
 * An offering's schedule (an RRULE such as FREQ=WEEKLY;BYDAY=MO,WE,FR) as a Vietnamese line for the
 * family's slip: "Thứ Hai, Thứ Tư, Thứ Sáu hằng tuần". Null for a rule it cannot say plainly, so the slip
 * never prints a half-understood schedule.
 */
const DAY_VI: Record<string, string> = {
  MO: 'Thứ Hai',
  TU: 'Thứ Ba',
  WE: 'Thứ Tư',
  TH: 'Thứ Năm',
  FR: 'Thứ Sáu',
  SA: 'Thứ Bảy',
  SU: 'Chủ nhật',
};
const KNOWN = new Set(['FREQ', 'BYDAY', 'BYHOUR', 'BYMINUTE', 'INTERVAL']);

export function describeScheduleVi(rrule: string | null | undefined): string | null {
  if (!rrule) return null;
  const parts = new Map<string, string>();
  for (const part of rrule.replace(/^RRULE:/i, '').split(';')) {
    const [key, value] = part.split('=');
    if (!key || !value || !KNOWN.has(key.toUpperCase())) return null;
    parts.set(key.toUpperCase(), value.toUpperCase());
  }
  if ((parts.get('INTERVAL') ?? '1') !== '1') return null;
  const time = describeTime(parts.get('BYHOUR'), parts.get('BYMINUTE'));
  if (time === undefined) return null;
  const days = (parts.get('BYDAY') ?? '').split(',').filter(Boolean);
  switch (parts.get('FREQ')) {
    case 'DAILY':
      return days.length ? null : `Hằng ngày${time}`;
    case 'WEEKLY': {
      const names = days.map((d) => DAY_VI[d]);
      if (!names.length || names.some((n) => !n)) return null;
      return `${names.join(', ')} hằng tuần${time}`;
    }
    case 'MONTHLY': {
      const names = days.map((d) => {
        const m = /^([1-4])(MO|TU|WE|TH|FR|SA|SU)$/.exec(d);
        return m ? `${DAY_VI[m[2]!]} tuần thứ ${m[1]}` : null;
      });
      if (!names.length || names.some((n) => !n)) return null;
      return `${names.join(', ')} hằng tháng${time}`;
    }
    default:
      return null;
  }
}

/** ", từ 7:30" style suffix; '' with no hour; undefined when the hours are not plain numbers. */
function describeTime(hours: string | undefined, minutes: string | undefined): string | undefined {
  if (!hours) return minutes ? undefined : '';
  const hs = hours.split(',').map(Number);
  const m = minutes ? Number(minutes) : 0;
  if (hs.some((h) => !Number.isInteger(h) || h < 0 || h > 23) || !Number.isInteger(m) || m < 0 || m > 59)
    return undefined;
  return `, lúc ${hs.map((h) => `${h}:${String(m).padStart(2, '0')}`).join(' và ')}`;
}
