import type { ReferralStatus } from '../../../src/domain/model';
import { InvalidReferralInputError } from '../../../src/domain/referral/errors';
import { GENERAL_EXAM_CODE, PATHWAYS } from '../../../src/domain/referral/pathways';
import { suggestNextSteps, type PlannedReferral } from '../../../src/domain/referral/suggest-next-steps';

/** The service taxonomy of product.md; pathways may only use these (plus the documented exam code). */
const TAXONOMY = new Set(
  'SCR.DEV SCR.ASD SCR.MH DX.ASD DX.MH INT.EARLY THR.PSY THR.PT THR.OT THR.SLT CNS.COUNSEL CNS.SCHOOL SW.CASE CP.HOTLINE CP.EMERG AC.KIN AC.FOSTER AC.ADOPT AC.RESID EDU.INCL EDU.SPEC VOC.GUIDE TELE.CONSULT SA.ALLOW'.split(
    ' ',
  ),
);

/** Referrals made one day apart, in the order given: [serviceCode, status, rejectReasonCode?]. */
function history(...steps: [string, ReferralStatus, string?][]): PlannedReferral[] {
  return steps.map(([serviceCode, status, rejectReasonCode], i) => ({
    id: `R${i + 1}`,
    serviceCode,
    status,
    createdAt: new Date(Date.UTC(2025, 2, 1 + i)).toISOString(),
    rejectReasonCode: rejectReasonCode ?? null,
  }));
}

describe('PATHWAYS', () => {
  it('holds the five chains of the product brief', () => {
    expect(PATHWAYS.map((p) => p.id)).toEqual([
      'AUTISM',
      'DEPRESSION',
      'ABUSE_REPORT',
      'ORPHAN_CARE',
      'INTELLECTUAL_DISABILITY',
    ]);
  });

  it('uses only taxonomy service codes, plus the documented general examination code', () => {
    const codes = PATHWAYS.flatMap((p) => p.steps.flatMap((s) => s.serviceCodes));
    expect(codes.filter((c) => !TAXONOMY.has(c))).toEqual([GENERAL_EXAM_CODE]);
  });

  it.each(PATHWAYS.map((p) => [p.id, p] as const))(
    'gives each service one step in the %s pathway',
    (_id, p) => {
      const codes = p.steps.flatMap((s) => s.serviceCodes);
      expect(new Set(codes).size).toBe(codes.length);
    },
  );

  it('names every pathway and step in English and Vietnamese', () => {
    for (const p of PATHWAYS) {
      expect(p.nameVi).toMatch(/[àáảãạăâđêôơư]/i);
      for (const s of p.steps) expect(s.name && s.nameVi).toBeTruthy();
    }
  });
});

describe('suggestNextSteps', () => {
  describe('the next step of each pathway', () => {
    it('suggests speech or occupational therapy after an autism diagnosis', () => {
      const plan = suggestNextSteps({
        referrals: history(['SCR.DEV', 'COMPLETED'], ['DX.ASD', 'COMPLETED']),
      });
      expect(plan).toMatchObject({ pathwayId: 'AUTISM', chosenBy: 'FIRST_REFERRAL', isComplete: false });
      expect(plan.suggestions).toHaveLength(1);
      expect(plan.suggestions[0]).toMatchObject({
        stepId: 'THERAPY',
        stepNumber: 3,
        serviceCodes: ['THR.SLT', 'THR.OT'],
        sector: 'HEALTH',
        waitingForStepId: null,
        reason:
          'Step 3 of 4 (Speech and/or occupational therapy) of the AUTISM pathway: follows Autism diagnosis, completed in referral R2',
      });
    });

    it('suggests inclusive education once either therapy is done', () => {
      const plan = suggestNextSteps({
        referrals: history(['SCR.ASD', 'COMPLETED'], ['DX.ASD', 'COMPLETED'], ['THR.OT', 'COMPLETED']),
      });
      expect(plan.suggestions.map((s) => [s.stepId, s.serviceCodes, s.sector])).toEqual([
        ['INCLUDE', ['EDU.INCL'], 'EDUCATION'],
      ]);
    });

    it('suggests a psychiatric diagnosis after counselling, only when screening is severe', () => {
      const plan = suggestNextSteps({
        referrals: history(['SCR.MH', 'COMPLETED'], ['SW.CASE', 'COMPLETED'], ['CNS.COUNSEL', 'IN_PROGRESS']),
      });
      expect(plan.pathwayId).toBe('DEPRESSION');
      expect(plan.suggestions[0]).toMatchObject({
        stepId: 'DIAGNOSE',
        serviceCodes: ['DX.MH'],
        condition: 'When screening shows severe depression',
        conditionVi: 'Khi kết quả sàng lọc cho thấy trầm cảm nặng',
        waitingForStepId: 'COUNSEL',
      });
      expect(plan.suggestions[0]!.reason).toBe(
        'Step 4 of 4 (Mental-health diagnosis) of the DEPRESSION pathway: follows Counselling, still under way ' +
          'in referral R3; only when screening shows severe depression',
      );
    });

    it('suggests a medical examination after emergency protection of a child reported to 111', () => {
      const plan = suggestNextSteps({
        referrals: history(['CP.HOTLINE', 'COMPLETED'], ['CP.EMERG', 'COMPLETED']),
      });
      expect(plan.pathwayId).toBe('ABUSE_REPORT');
      expect(plan.suggestions[0]).toMatchObject({
        stepId: 'EXAMINE',
        serviceCodes: [GENERAL_EXAM_CODE, 'DX.MH'],
      });
    });

    it('suggests kinship or foster care, then school counselling, after the examination', () => {
      const examined = history(
        ['CP.HOTLINE', 'COMPLETED'],
        ['CP.EMERG', 'COMPLETED'],
        ['DX.MH', 'COMPLETED'],
      );
      const plan = suggestNextSteps({ pathwayId: 'ABUSE_REPORT', referrals: examined });
      expect(plan.suggestions[0]).toMatchObject({ stepId: 'PLACE', serviceCodes: ['AC.KIN', 'AC.FOSTER'] });
      const placed = [...examined, ...history(['AC.FOSTER', 'ACCEPTED'])].map((r, i) => ({
        ...r,
        id: `R${i + 1}`,
      }));
      const next = suggestNextSteps({ pathwayId: 'ABUSE_REPORT', referrals: placed });
      expect(next.suggestions[0]).toMatchObject({
        stepId: 'RETURN',
        serviceCodes: ['CNS.SCHOOL'],
        sector: 'EDUCATION',
      });
    });

    it('suggests the social allowance after a kinship care assessment for an orphan', () => {
      const plan = suggestNextSteps({ referrals: history(['AC.KIN', 'COMPLETED']) });
      expect(plan.pathwayId).toBe('ORPHAN_CARE');
      expect(plan.suggestions.map((s) => s.stepId)).toEqual(['ALLOWANCE']);
    });

    it('suggests foster care after the allowance, only if kinship care fails', () => {
      const plan = suggestNextSteps({
        referrals: history(['AC.KIN', 'COMPLETED'], ['SA.ALLOW', 'COMPLETED']),
      });
      expect(plan.suggestions).toEqual([
        expect.objectContaining({
          stepId: 'FOSTER',
          serviceCodes: ['AC.FOSTER'],
          condition: 'If kinship care fails',
        }),
      ]);
    });

    it('suggests special education after an adolescent is diagnosed, then vocational guidance', () => {
      const diagnosed = suggestNextSteps({ referrals: history(['DX.MH', 'COMPLETED']) });
      expect(diagnosed).toMatchObject({ pathwayId: 'INTELLECTUAL_DISABILITY', chosenBy: 'FIRST_REFERRAL' });
      expect(diagnosed.suggestions.map((s) => s.serviceCodes)).toEqual([['EDU.SPEC']]);
      const schooled = suggestNextSteps({
        referrals: history(['DX.MH', 'COMPLETED'], ['EDU.SPEC', 'IN_PROGRESS']),
      });
      expect(schooled.suggestions[0]).toMatchObject({
        serviceCodes: ['VOC.GUIDE'],
        waitingForStepId: 'EDUCATE',
      });
    });
  });

  describe('choosing the pathway', () => {
    it('starts a pathway chosen from the needs at its first step', () => {
      const plan = suggestNextSteps({ needs: ['depression'], referrals: [] });
      expect(plan).toMatchObject({ pathwayId: 'DEPRESSION', chosenBy: 'NEEDS' });
      expect(plan.suggestions[0]).toMatchObject({
        stepId: 'SCREEN',
        serviceCodes: ['SCR.MH'],
        reason:
          'Step 1 of 4 (Mental-health screening) of the DEPRESSION pathway: the first step; no referral for this pathway yet',
      });
    });

    it('prefers the pathway of the first listed need and offers the others as alternatives', () => {
      const plan = suggestNextSteps({ needs: ['ORPHAN', 'ABUSE'], referrals: [] });
      expect(plan).toMatchObject({ pathwayId: 'ORPHAN_CARE', alternativePathwayIds: ['ABUSE_REPORT'] });
    });

    it('reads a need given as a first-step service code', () => {
      expect(suggestNextSteps({ needs: ['SCR.ASD'], referrals: [] }).pathwayId).toBe('AUTISM');
    });

    it('lets an explicit pathway win over needs and referrals', () => {
      const plan = suggestNextSteps({
        pathwayId: 'ORPHAN_CARE',
        needs: ['AUTISM'],
        referrals: history(['SCR.DEV', 'COMPLETED']),
      });
      expect(plan).toMatchObject({ pathwayId: 'ORPHAN_CARE', chosenBy: 'EXPLICIT' });
    });

    it('infers from the earliest referral, whatever the input order', () => {
      const [counsel, screen] = history(['CNS.COUNSEL', 'REQUESTED'], ['SCR.DEV', 'COMPLETED']);
      const earlierScreen = { ...screen!, createdAt: '2025-01-01T00:00:00Z' };
      expect(suggestNextSteps({ referrals: [counsel!, earlierScreen] }).pathwayId).toBe('AUTISM');
    });

    it('refuses a pathway id it does not know', () => {
      expect(() => suggestNextSteps({ pathwayId: 'CANCER', referrals: [] })).toThrow(
        InvalidReferralInputError,
      );
    });

    it('suggests nothing when no need or referral points to a pathway', () => {
      const plan = suggestNextSteps({
        needs: ['HEARING'],
        referrals: history(['TELE.CONSULT', 'COMPLETED']),
      });
      expect(plan).toEqual({
        pathwayId: null,
        chosenBy: null,
        alternativePathwayIds: [],
        progress: [],
        suggestions: [],
        isComplete: false,
      });
    });
  });

  describe('progress', () => {
    it('says why a step is suggested again after an earlier referral for it was rejected', () => {
      const plan = suggestNextSteps({
        referrals: history(
          ['SCR.DEV', 'COMPLETED'],
          ['DX.ASD', 'COMPLETED'],
          ['THR.SLT', 'REJECTED', 'NO_CAPACITY'],
        ),
      });
      expect(plan.suggestions[0]).toMatchObject({
        stepId: 'THERAPY',
        previousAttempts: [
          { referralId: 'R3', serviceCode: 'THR.SLT', status: 'REJECTED', rejectReasonCode: 'NO_CAPACITY' },
        ],
      });
      expect(plan.suggestions[0]!.reason).toMatch(
        /; earlier referral R3 for THR.SLT was rejected \(NO_CAPACITY\)$/,
      );
    });

    it('marks a step the case passed over as skipped and does not suggest going back to it', () => {
      const plan = suggestNextSteps({
        referrals: history(['SCR.MH', 'COMPLETED'], ['CNS.COUNSEL', 'COMPLETED']),
      });
      expect(plan.progress).toEqual([
        { stepId: 'SCREEN', state: 'DONE', referralIds: ['R1'] },
        { stepId: 'CASE', state: 'SKIPPED', referralIds: [] },
        { stepId: 'COUNSEL', state: 'DONE', referralIds: ['R2'] },
        { stepId: 'DIAGNOSE', state: 'TODO', referralIds: [] },
      ]);
      expect(plan.suggestions.map((s) => s.stepId)).toEqual(['DIAGNOSE']);
    });

    it('reports a finished pathway as complete with nothing left to suggest', () => {
      const plan = suggestNextSteps({
        referrals: history(['DX.MH', 'COMPLETED'], ['EDU.SPEC', 'COMPLETED'], ['VOC.GUIDE', 'COMPLETED']),
      });
      expect(plan).toMatchObject({ isComplete: true, suggestions: [] });
    });

    it('does not report a pathway complete while its last step is under way', () => {
      const plan = suggestNextSteps({
        referrals: history(['DX.MH', 'COMPLETED'], ['EDU.SPEC', 'COMPLETED'], ['VOC.GUIDE', 'ACCEPTED']),
      });
      expect(plan).toMatchObject({ isComplete: false, suggestions: [] });
    });
  });
});
