/**
 * The referral chains the history generator draws: one template per pathway of
 * src/domain/referral/pathways.ts, extended to eight services with the follow-ups children on that pathway
 * typically need, the age range at the first referral, and the mix of pathways and chain lengths.
 */
import type { Urgency } from '../../src/domain/model';
import type { PathwayId } from '../../src/domain/referral/pathways';

export interface ChainTemplate {
  pathway: PathwayId;
  /** Share of cases on this pathway. */
  share: number;
  /** Case needs, as the case-creation form takes them (service codes). */
  needs: string[];
  /** Age range at the first referral, in months. */
  ageMonths: [min: number, max: number];
  /** Where the first referral is sent from: the commune's health station or its child-protection point. */
  startsAt: 'chs' | 'cpp';
  /** Services of steps 1..8, in order. */
  services: readonly string[];
  /** Urgency of step k when it is not ROUTINE. */
  urgent?: Partial<Record<number, Urgency>>;
}

export const MAX_CHAIN_STEPS = 8;

export const CHAIN_TEMPLATES: readonly ChainTemplate[] = [
  {
    pathway: 'AUTISM',
    share: 0.3,
    needs: ['SCR.ASD'],
    ageMonths: [18, 48],
    startsAt: 'chs',
    services: ['SCR.ASD', 'DX.ASD', 'THR.SLT', 'THR.OT', 'INT.EARLY', 'EDU.INCL', 'THR.PT', 'EDU.SPEC'],
  },
  {
    pathway: 'DEPRESSION',
    share: 0.25,
    needs: ['SCR.MH'],
    ageMonths: [120, 200],
    startsAt: 'cpp',
    services: ['SCR.MH', 'SW.CASE', 'CNS.COUNSEL', 'DX.MH', 'THR.PSY', 'CNS.SCHOOL', 'VOC.GUIDE', 'SA.ALLOW'],
  },
  {
    pathway: 'ABUSE_REPORT',
    share: 0.15,
    needs: ['CP.HOTLINE'],
    ageMonths: [36, 180],
    startsAt: 'cpp',
    services: [
      'CP.HOTLINE',
      'CP.EMERG',
      'EXAM.GEN',
      'AC.KIN',
      'CNS.SCHOOL',
      'THR.PSY',
      'CNS.COUNSEL',
      'SA.ALLOW',
    ],
    urgent: { 0: 'EMERGENCY', 1: 'EMERGENCY', 2: 'PRIORITY' },
  },
  {
    pathway: 'ORPHAN_CARE',
    share: 0.1,
    needs: ['AC.KIN'],
    ageMonths: [0, 168],
    startsAt: 'cpp',
    services: [
      'AC.KIN',
      'SA.ALLOW',
      'AC.FOSTER',
      'EXAM.GEN',
      'CNS.SCHOOL',
      'CNS.COUNSEL',
      'AC.ADOPT',
      'VOC.GUIDE',
    ],
  },
  {
    pathway: 'INTELLECTUAL_DISABILITY',
    share: 0.2,
    needs: ['DX.MH', 'EDU.SPEC'],
    ageMonths: [96, 180],
    startsAt: 'cpp',
    services: ['DX.MH', 'EDU.SPEC', 'VOC.GUIDE', 'THR.OT', 'THR.SLT', 'SW.CASE', 'SA.ALLOW', 'AC.RESID'],
  },
];

/** Share of chains with 1..8 steps; the mean is close to 2 and drawChainLengths makes it exact. */
export const CHAIN_LENGTH_SHARES: readonly number[] = [0.5, 0.24, 0.12, 0.06, 0.035, 0.022, 0.013, 0.01];
