import type { AgeBand } from './child-population';

/** A condition whose expected number of children drives demand for a group of services. */
export interface ConditionPrevalence {
  /** Share of children in `ageBand` expected to have the condition (0–1). */
  rate: number;
  ageBand: AgeBand;
  source: string;
}

/** Prevalence figures used for demand; docs/coverage-method.md cites them and marks what is assumed. */
export const CONDITION_PREVALENCE = {
  AUTISM: {
    rate: 0.00758,
    ageBand: { minMonths: 18, maxMonths: 30 },
    source:
      'Le Thi Vui et al. 2021, J Public Health Res 10(4):2460 — 7 provinces, 40,243 children aged 18–30 months',
  },
  DISABILITY: {
    rate: 0.0198,
    ageBand: { minMonths: 24, maxMonths: 215 },
    source: 'National Survey on People with Disabilities 2016 (GSO, UNICEF), children aged 2–17',
  },
  ADOLESCENT_MENTAL_HEALTH: {
    rate: 0.217,
    ageBand: { minMonths: 120, maxMonths: 215 },
    source:
      'V-NAMHS 2022 (Institute of Sociology, University of Queensland, Johns Hopkins): 21.7 % of 10–17-year-olds',
  },
} as const satisfies Record<string, ConditionPrevalence>;

export type Condition = keyof typeof CONDITION_PREVALENCE;

/** Which condition's prevalence stands for demand of each service. An assumption: see the method doc. */
export const SERVICE_CONDITION: Readonly<Record<string, Condition>> = {
  'SCR.ASD': 'AUTISM',
  'DX.ASD': 'AUTISM',
  'INT.EARLY': 'DISABILITY',
  'THR.PT': 'DISABILITY',
  'THR.OT': 'DISABILITY',
  'THR.SLT': 'DISABILITY',
  'EDU.INCL': 'DISABILITY',
  'EDU.SPEC': 'DISABILITY',
  'SCR.MH': 'ADOLESCENT_MENTAL_HEALTH',
  'DX.MH': 'ADOLESCENT_MENTAL_HEALTH',
  'THR.PSY': 'ADOLESCENT_MENTAL_HEALTH',
  'CNS.COUNSEL': 'ADOLESCENT_MENTAL_HEALTH',
};

/** The prevalence behind a service's demand, or null when no figure applies (e.g. universal screening). */
export function findServicePrevalence(serviceCode: string): ConditionPrevalence | null {
  const condition = SERVICE_CONDITION[serviceCode];
  return condition ? CONDITION_PREVALENCE[condition] : null;
}
