/**
 * Demo defaults per service: eligible ages (months), weekly capacity at commune level, typical wait,
 * schedules (RRULE) and what it costs. These are plausible values for a demo, not survey data.
 */
import type { Sector } from '../../src/domain/model';
import type { ServiceCode } from '../taxonomy';

export interface ServiceProfile {
  minAgeMonths: number;
  maxAgeMonths: number;
  /** Sessions (or places, for residential care) per week at a commune-level facility. */
  capacity: number;
  /** Extra days of wait on top of the load-driven wait (diagnosis queues are long). */
  baseWaitDays: number;
  schedules: readonly string[];
  /** Cost text when the service's own text does not depend on the facility. */
  cost?: string;
}

const WEEKDAYS = 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR';
const THERAPY = ['FREQ=WEEKLY;BYDAY=MO,WE,FR', 'FREQ=WEEKLY;BYDAY=TU,TH', WEEKDAYS];
const CLINIC = ['FREQ=WEEKLY;BYDAY=TU,TH', 'FREQ=WEEKLY;BYDAY=MO,WE,FR', 'FREQ=WEEKLY;BYDAY=WE'];
const OUTREACH = ['FREQ=MONTHLY;BYDAY=2WE', 'FREQ=MONTHLY;BYDAY=1TU', 'FREQ=WEEKLY;BYDAY=TH'];
const ALWAYS = ['FREQ=DAILY'];

export const SERVICE_PROFILES: Record<ServiceCode, ServiceProfile> = {
  'SCR.DEV': { minAgeMonths: 0, maxAgeMonths: 72, capacity: 12, baseWaitDays: 0, schedules: OUTREACH },
  'SCR.ASD': { minAgeMonths: 16, maxAgeMonths: 48, capacity: 6, baseWaitDays: 3, schedules: CLINIC },
  'SCR.MH': { minAgeMonths: 72, maxAgeMonths: 216, capacity: 10, baseWaitDays: 0, schedules: OUTREACH },
  'DX.ASD': { minAgeMonths: 18, maxAgeMonths: 192, capacity: 2, baseWaitDays: 21, schedules: CLINIC },
  'DX.MH': { minAgeMonths: 60, maxAgeMonths: 216, capacity: 3, baseWaitDays: 14, schedules: CLINIC },
  'EXAM.GEN': { minAgeMonths: 0, maxAgeMonths: 216, capacity: 20, baseWaitDays: 0, schedules: [WEEKDAYS] },
  'INT.EARLY': { minAgeMonths: 0, maxAgeMonths: 72, capacity: 4, baseWaitDays: 10, schedules: THERAPY },
  'THR.PSY': { minAgeMonths: 48, maxAgeMonths: 216, capacity: 4, baseWaitDays: 7, schedules: THERAPY },
  'THR.PT': { minAgeMonths: 0, maxAgeMonths: 216, capacity: 6, baseWaitDays: 3, schedules: THERAPY },
  'THR.OT': { minAgeMonths: 12, maxAgeMonths: 216, capacity: 4, baseWaitDays: 7, schedules: THERAPY },
  'THR.SLT': { minAgeMonths: 18, maxAgeMonths: 144, capacity: 4, baseWaitDays: 10, schedules: THERAPY },
  'CNS.COUNSEL': { minAgeMonths: 72, maxAgeMonths: 216, capacity: 6, baseWaitDays: 2, schedules: CLINIC },
  'CNS.SCHOOL': {
    minAgeMonths: 72,
    maxAgeMonths: 191,
    capacity: 8,
    baseWaitDays: 0,
    schedules: [WEEKDAYS, 'FREQ=WEEKLY;BYDAY=TU,TH'],
  },
  'SW.CASE': { minAgeMonths: 0, maxAgeMonths: 216, capacity: 4, baseWaitDays: 1, schedules: [WEEKDAYS] },
  'CP.HOTLINE': {
    minAgeMonths: 0,
    maxAgeMonths: 216,
    capacity: 2000,
    baseWaitDays: 0,
    schedules: ALWAYS,
    cost: 'Free call (hotline 111)',
  },
  'CP.EMERG': { minAgeMonths: 0, maxAgeMonths: 216, capacity: 2, baseWaitDays: 0, schedules: ALWAYS },
  'AC.KIN': {
    minAgeMonths: 0,
    maxAgeMonths: 216,
    capacity: 2,
    baseWaitDays: 7,
    schedules: [WEEKDAYS],
    cost: 'Free; kinship carers may receive a monthly support allowance',
  },
  'AC.FOSTER': {
    minAgeMonths: 0,
    maxAgeMonths: 216,
    capacity: 1,
    baseWaitDays: 30,
    schedules: [WEEKDAYS],
    cost: 'Free; foster carers receive a monthly support allowance',
  },
  'AC.ADOPT': {
    minAgeMonths: 0,
    maxAgeMonths: 191,
    capacity: 1,
    baseWaitDays: 60,
    schedules: [WEEKDAYS],
    cost: 'Free for the child; statutory registration fee for the adoptive family',
  },
  'AC.RESID': { minAgeMonths: 0, maxAgeMonths: 216, capacity: 8, baseWaitDays: 14, schedules: ALWAYS },
  'EDU.INCL': { minAgeMonths: 36, maxAgeMonths: 216, capacity: 4, baseWaitDays: 0, schedules: [WEEKDAYS] },
  'EDU.SPEC': { minAgeMonths: 36, maxAgeMonths: 216, capacity: 6, baseWaitDays: 30, schedules: [WEEKDAYS] },
  'VOC.GUIDE': {
    minAgeMonths: 168,
    maxAgeMonths: 216,
    capacity: 10,
    baseWaitDays: 5,
    schedules: ['FREQ=WEEKLY;BYDAY=SA', 'FREQ=WEEKLY;BYDAY=TU,TH'],
  },
  'TELE.CONSULT': {
    minAgeMonths: 0,
    maxAgeMonths: 216,
    capacity: 10,
    baseWaitDays: 1,
    schedules: ['FREQ=WEEKLY;BYDAY=TU,TH', 'FREQ=WEEKLY;BYDAY=MO,WE,FR'],
  },
  'SA.ALLOW': {
    minAgeMonths: 0,
    maxAgeMonths: 216,
    capacity: 20,
    baseWaitDays: 30,
    schedules: [WEEKDAYS],
    cost: 'Cash benefit under Decree 20/2021/NĐ-CP (as amended); no fee',
  },
};

const THERAPIES: ReadonlySet<ServiceCode> = new Set<ServiceCode>([
  'INT.EARLY',
  'THR.PSY',
  'THR.PT',
  'THR.OT',
  'THR.SLT',
]);

/** Cost text for a service at a facility of a sector; private facilities charge fees. */
export function costOf(code: ServiceCode, sector: Sector, isPrivate: boolean): string {
  if (isPrivate) return 'Private fees (from 300,000 VND per visit); health insurance (BHYT) partly covers';
  const own = SERVICE_PROFILES[code].cost;
  if (own) return own;
  if (code === 'TELE.CONSULT') return 'BHYT when referred by a health facility; otherwise 100,000 VND';
  if (sector === 'HEALTH') {
    return THERAPIES.has(code)
      ? 'BHYT covers prescribed sessions; extra sessions 150,000 VND'
      : 'BHYT: free for children under 6; co-payment above';
  }
  if (sector === 'EDUCATION')
    return code === 'EDU.SPEC' ? 'Tuition exempt for children with disabilities' : 'Free (public school)';
  return 'Free (state budget)';
}
