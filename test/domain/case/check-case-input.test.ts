import { ageInMonths, checkCaseInput } from '../../../src/domain/case/check-case-input';

const AT = '2025-09-01T08:00:00.000Z';
const problem = (f: () => unknown) => {
  try {
    f();
    return null;
  } catch (e) {
    return `${(e as { code: string }).code}: ${(e as Error).message}`;
  }
};

describe('checkCaseInput', () => {
  it('trims the label, maps old language codes, deduplicates, and fills defaults', () => {
    expect(
      checkCaseInput({ label: '  ĐX-2025-01 ', birthMonth: '2023-03', languages: ['tay', 'tyz'] }, AT),
    ).toEqual({ label: 'ĐX-2025-01', birthMonth: '2023-03', languages: ['tyz'], needs: [] });
    expect(checkCaseInput({ label: 'A', birthMonth: '2025-09' }, AT).languages).toEqual(['vie']);
  });

  it('refuses what looks like a name or markup, and over-long labels', () => {
    for (const label of ['<b>Nguyễn</b>', '', ' ', 'x'.repeat(41), '-leading-dash'])
      expect(problem(() => checkCaseInput({ label, birthMonth: '2023-03' }, AT))).toMatch(
        /^BAD_USER_INPUT: label/,
      );
  });

  it('takes a birth month from 2000-01 up to this month', () => {
    for (const birthMonth of ['2025-10', '1999-12', '2023-13', '2023-3', '2023-03-01'])
      expect(problem(() => checkCaseInput({ label: 'A', birthMonth }, AT))).toMatch(/birthMonth/);
    expect(problem(() => checkCaseInput({ label: 'A', birthMonth: '2000-01' }, AT))).toBeNull();
  });

  it('bounds languages and needs', () => {
    const many = Array.from({ length: 11 }, () => 'vie');
    expect(problem(() => checkCaseInput({ label: 'A', birthMonth: '2023-03', languages: many }, AT))).toMatch(
      /more than 10/,
    );
    expect(
      problem(() => checkCaseInput({ label: 'A', birthMonth: '2023-03', languages: ['klingon'] }, AT)),
    ).toMatch(/^BAD_USER_INPUT: languages:/);
    expect(
      problem(() => checkCaseInput({ label: 'A', birthMonth: '2023-03', needs: ['autism'] }, AT)),
    ).toMatch(/needs must be service codes/);
    const needs = Array.from({ length: 21 }, () => 'SCR.ASD');
    expect(problem(() => checkCaseInput({ label: 'A', birthMonth: '2023-03', needs }, AT))).toMatch(/needs/);
  });
});

describe('ageInMonths', () => {
  it('counts whole months and never goes negative', () => {
    expect(ageInMonths('2023-03', AT)).toBe(30);
    expect(ageInMonths('2025-09', AT)).toBe(0);
    expect(ageInMonths('2025-12', AT)).toBe(0);
  });
});
