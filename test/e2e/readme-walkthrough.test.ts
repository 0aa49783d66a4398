/**
 * The README's caseworker walk-through, run exactly as written: the text of its graphql block is split into
 * operations, each `<placeholder>` is replaced by the value an earlier step returned (or by a date relative
 * to today, as the README says), and every operation (mutations included) runs on the demo data with the
 * token the README names for it. A step that fails, or a placeholder the test does not know, fails the test.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Viewer } from '../../src/auth/viewer';
import { createDemoApp } from '../fixtures/demo-app';
import type { GqlResult, TestApp } from '../fixtures/test-app';

interface Step {
  comment: string;
  operation: string;
}

/** The operations of the graphql block under "## A caseworker's session", with the comments before each. */
function walkthroughSteps(): Step[] {
  const readme = fs.readFileSync(path.join(__dirname, '../../README.md'), 'utf8');
  const section = readme.slice(readme.indexOf("## A caseworker's session"));
  const block = /```graphql\n([\s\S]*?)```/.exec(section)?.[1];
  if (!block) throw new Error('README has no graphql block under "A caseworker\'s session"');
  // Each operation starts at column 0 with `{` or `mutation`; comment lines before it belong to it.
  return block
    .split(/\n(?=#|\{|mutation )/)
    .reduce<Step[]>((steps, part) => {
      if (part.startsWith('#')) {
        const last = steps.at(-1);
        if (last && !last.operation) last.comment += `\n${part}`;
        else steps.push({ comment: part, operation: '' });
      } else if (part.trim()) {
        const last = steps.at(-1);
        if (last && !last.operation) last.operation = part.trim();
        else steps.push({ comment: '', operation: part.trim() });
      }
      return steps;
    }, [])
    .filter((s) => s.operation);
}

const caseworker: Viewer = {
  subject: 'cw-readme',
  role: 'caseworker',
  organizationId: 'org-15-social',
  provinceCode: '15',
  facilityId: null,
};

function monthsBefore(now: Date, months: number): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, 1));
  return d.toISOString().slice(0, 7);
}

let t: TestApp;
beforeAll(async () => {
  // The real clock: the README's dates must stay valid on the day CI runs.
  t = await createDemoApp();
}, 60_000);
afterAll(() => t.close());

describe('the README caseworker walk-through', () => {
  const steps = walkthroughSteps();

  it('has every step, START and COMPLETE included', () => {
    const ops = steps.map((s) => s.operation).join('\n');
    for (const word of [
      'createCase',
      'grantConsent',
      'createReferral',
      'referralInbox',
      'action: ACCEPT',
      'action: START',
      'action: COMPLETE',
      'markReferralSeen',
      'suggestNextSteps',
      'referralChain',
    ])
      expect(ops).toContain(word);
  });

  it('runs as written, from the search to the outcome the caseworker reads', async () => {
    const now = new Date(t.app.now());
    const values: Record<string, string> = {
      '<YYYY-MM, 30 months before today>': monthsBefore(now, 30),
      '<YYYY-MM-DD, 14 days from today>': new Date(now.getTime() + 14 * 86_400_000)
        .toISOString()
        .slice(0, 10),
    };
    let viewer = caseworker;
    const results: GqlResult[] = [];
    for (const step of steps) {
      if (step.comment.includes('--role facility_staff'))
        viewer = {
          subject: 'staff-readme',
          role: 'facility_staff',
          organizationId: null,
          provinceCode: '15',
          facilityId: values['<facility id>']!,
        };
      else if (step.comment.includes('--role caseworker')) viewer = caseworker;
      const operation = step.operation.replace(/<[^<>]+>/g, (placeholder) => {
        const value = values[placeholder];
        if (value === undefined) throw new Error(`no value yet for ${placeholder} in:\n${step.operation}`);
        return value;
      });
      const r = await t.run(operation, {}, viewer);
      expect({ operation, errors: r.errors }).toEqual({ operation, errors: undefined });
      results.push(r);
      const data = r.data!;
      if (data.nearestProviders) values['<facility id>'] = data.nearestProviders.matches[0].facility.id;
      if (data.createCase) values['<case id>'] = data.createCase.id;
      if (data.createReferral) values['<referral id>'] = data.createReferral.id;
    }
    const find = (key: string) => results.filter((r) => r.data?.[key]).map((r) => r.data![key]);
    expect(find('createCase')[0].ageMonths).toBe(30);
    expect(find('createReferral')[0]).toMatchObject({
      status: 'REQUESTED',
      slip: expect.stringContaining('SCR.ASD'),
    });
    const inbox = find('referralInbox')[0];
    expect(inbox.nodes.map((n: any) => n.referral.id)).toContain(values['<referral id>']);
    expect(find('transitionReferral').map((r: any) => r.status)).toEqual([
      'ACCEPTED',
      'IN_PROGRESS',
      'COMPLETED',
    ]);
    expect(find('referral')[0]).toMatchObject({
      feedbackNote: 'M-CHAT-R positive; refer for diagnosis',
      outcomeUnread: true,
      latestEvent: { actionLabel: 'Completed' },
    });
    expect(find('markReferralSeen')[0].outcomeUnread).toBe(false);
    expect(find('suggestNextSteps')[0][0].serviceCodes).toEqual(['DX.ASD']);
    expect(find('referralChain')[0].steps.map((s: any) => s.referral.status)).toEqual(['COMPLETED']);
  });
});
