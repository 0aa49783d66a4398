/**
 * The web console in a real browser (system Chromium through playwright-core) against the real server,
 * seeded with the demo provinces. Screenshots go to docs/screenshots/ for docs/web-console.md.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import {
  browserSkipReason,
  launchChromium,
  SCREENSHOTS,
  startConsoleServer,
  type ConsoleBrowser,
  type ConsoleServer,
  waitForBodyText,
} from './console-harness';

const skipReason = browserSkipReason();
const LAO_CAI = '15';

if (skipReason) {
  describe.skip(`web console: skipped, ${skipReason}`, () => {
    it('drives the caseworker and planner pages in Chromium', () => undefined);
  });
} else {
  describe('web console in Chromium', () => {
    let server: ConsoleServer;
    let browser: ConsoleBrowser;
    let caseworkerToken: string;
    let plannerToken: string;
    const pageErrors: string[] = [];

    beforeAll(async () => {
      [server, browser] = await Promise.all([startConsoleServer(), launchChromium()]);
      caseworkerToken = await server.tokenFor({
        subject: 'cw-lc-1',
        role: 'caseworker',
        organizationId: 'org-15-social',
        provinceCode: LAO_CAI,
      });
      plannerToken = await server.tokenFor({ subject: 'pl-lc-1', role: 'planner', provinceCode: LAO_CAI });
      fs.mkdirSync(SCREENSHOTS, { recursive: true });
    }, 90_000);
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });
    afterEach(() => {
      const errors = pageErrors.splice(0);
      if (server.logged.length) console.log('server logged:', server.logged.splice(0));
      expect(errors).toEqual([]);
    });

    async function openPage(hash = ''): Promise<Page> {
      const page = await browser.context.newPage();
      page.setDefaultTimeout(20_000);
      page.on('pageerror', (e) => pageErrors.push(e.message));
      await page.goto(`${server.base}/${hash}`);
      return page;
    }

    async function signIn(page: Page, token: string): Promise<void> {
      await page.fill('#token-input', token);
      await page.click('#sign-in');
      await page.waitForSelector('#role-badge');
    }

    /** Caseworker flow up to ranked providers: commune typed without diacritics, SCR.ASD, 30 months, Hmong. */
    async function findProviders(page: Page): Promise<void> {
      await page.waitForSelector('#service option[value="SCR.DEV"]', { state: 'attached' }); // service types loaded
      await page.fill('#commune', 'ban lau');
      await page.click('#commune-list [role=option]:has-text("Xã Bản Lầu")');
      await page.selectOption('#service', 'SCR.ASD');
      await page.fill('#age', '30');
      await page.selectOption('#language', 'hmn');
      await page.click('#find-providers');
      await page.waitForSelector('#matches tr.match');
    }

    /** Chooses the provider in `row`, the referring facility by label, and creates the referral; returns the provider id. */
    async function refer(page: Page, row: number, fromLabel: RegExp): Promise<string> {
      const match = page.locator(`#matches tr.match:nth-child(${row})`);
      const facilityId = (await match.getAttribute('data-facility')) ?? '';
      await match.locator('button.choose').click();
      const from = await page.$$eval('#referral-from option', (options) =>
        options.map((o) => ({ value: o.getAttribute('value') ?? '', text: o.textContent ?? '' })),
      );
      const option = from.find((o) => fromLabel.test(o.text));
      if (!option)
        throw new Error(`No referring facility matches ${fromLabel}: ${from.map((o) => o.text).join(', ')}`);
      await page.selectOption('#referral-from', option.value);
      await page.click('#create-referral');
      return facilityId;
    }

    it('shows an anonymous visitor the directory only, with UNAUTHENTICATED on the planner page', async () => {
      const page = await openPage('#/planner');
      await expect(page.textContent('.error .error-code')).resolves.toBe('UNAUTHENTICATED');
      expect(await page.$$eval('#nav a', (links) => links.map((a) => a.getAttribute('href')))).toEqual([
        '#/directory',
      ]);
      await page.goto(`${server.base}/#/directory`);
      await page.fill('#directory-text', 'ha tu');
      await page.click('button[type=submit]');
      await page.waitForSelector('#directory-results li:has-text("Phường Hà Tu")');
      await page.close();
    });

    it('refuses a bad token with UNAUTHENTICATED and stays signed out', async () => {
      const page = await openPage();
      await page.fill('#token-input', 'not-a-token');
      await page.click('#sign-in');
      await expect(page.textContent('.error .error-code')).resolves.toBe('UNAUTHENTICATED');
      expect(await page.$('#role-badge')).toBeNull();
      expect(await page.evaluate('sessionStorage.getItem("ketnoi.token")')).toBeNull();
      await page.close();
    });

    it('finds ranked providers for a 30-month-old in a Lào Cai commune typed without diacritics', async () => {
      const page = await openPage();
      await signIn(page, caseworkerToken);
      await expect(page.textContent('#role-badge')).resolves.toContain('caseworker');
      await findProviders(page);
      await expect(page.textContent('#commune-picked')).resolves.toContain('Xã Bản Lầu, Lào Cai');
      const first = page.locator('#matches tr.match').first();
      await expect(first.locator('td.travel').textContent()).resolves.toMatch(/\d+ phút/);
      expect(await first.locator('ul.reasons li[data-code="AGE_OK"]').count()).toBe(1);
      const excludedCodes = await page.$$eval('#excluded li[data-code]', (els) =>
        els.map((e) => e.getAttribute('data-code')),
      );
      if (excludedCodes.length) expect(excludedCodes.join(' ')).toMatch(/LANGUAGE|FULL|TOO_/);
      else await expect(page.textContent('#excluded')).resolves.toContain('Không có');
      await expect(page.textContent('#remote')).resolves.toContain('Tư vấn từ xa');
      // The child's commune and the providers on one small map of the province.
      await page.waitForSelector('#caseworker-map path.shape.child');
      expect(await page.locator('#caseworker-map path.shape').count()).toBe(99);
      await expect(page.getAttribute('#caseworker-map path.shape.child', 'data-code')).resolves.toBe('02788');
      expect(await page.locator('#caseworker-map g.provider-mark').count()).toBe(
        await page.locator('#matches tr.match').count(),
      );
      await page.setViewportSize({ width: 1280, height: 1500 });
      await page.screenshot({ path: path.join(SCREENSHOTS, 'caseworker-providers.png') });
      await page.close();
    });

    it('refers the child (case, consent, referral) and shows the chain across sectors with dead-end and stalled steps', async () => {
      const page = await openPage();
      await signIn(page, caseworkerToken);
      await findProviders(page);
      await page.fill('#case-label', 'LC-BL-0030');
      await page.click('#create-case');
      await page.waitForSelector('#case-result:has-text("LC-BL-0030")');
      // The family also agrees to share with the preschool, which refers the child later: a referral
      // leaves only from the caseworker's organisation or one the consent covers.
      await page.check('input[name="consent-sector"][value="EDUCATION"]');
      await page.click('#grant-consent');
      await page.waitForSelector('#consent-result:has-text("✓")');

      const firstTo = await refer(page, 1, /Trạm Y tế/);
      await page.waitForSelector('#referral-result:has-text("Đã gửi, chờ nhận")');
      const firstStep = page.locator('#chain li.step').first();
      await firstStep.waitFor();
      const firstId = await firstStep.getAttribute('data-referral');

      // The receiving facility turns it down with its own staff token (not through the console).
      const staff = await server.tokenFor({
        subject: 'staff-1',
        role: 'facility_staff',
        facilityId: firstTo,
      });
      const rejected = await server.gqlAs(
        staff,
        'mutation R($input: TransitionReferralInput!) { transitionReferral(input: $input) { status } }',
        {
          input: {
            referralId: firstId,
            action: 'REJECT',
            reasonCode: 'NO_CAPACITY',
            note: 'Hết chỗ tháng này',
          },
        },
      );
      expect(rejected).toEqual({ data: { transitionReferral: { status: 'REJECTED' } } });

      // The preschool teacher who noticed the signs refers the child to the next provider; a week passes.
      await refer(page, 2, /Mầm non/);
      await page.waitForSelector('#chain li.step:nth-child(2)');
      server.advanceDays(8);
      await page.click(`#cases li.case-card:has-text("LC-BL-0030") button.show-chain`);
      await page.waitForSelector('#chain li.step.flag-STALLED');
      await expect(page.locator('#chain li.step.flag-DEAD_END').count()).resolves.toBe(1);
      const stalled = page.locator('#chain li.step.flag-STALLED');
      await expect(stalled.locator('.step-head').textContent()).resolves.toMatch(/Giáo dục\s*→\s*Y tế/); // across sectors
      await expect(page.textContent('#chain')).resolves.toContain('Ngõ cụt');
      await page.locator('#follow').scrollIntoViewIfNeeded();
      await page.locator('#follow').screenshot({ path: path.join(SCREENSHOTS, 'caseworker-chain.png') });

      // The slip opens in its own window for printing.
      const [popup] = await Promise.all([
        page.waitForEvent('popup'),
        page.locator('#chain li.step button.print-slip').last().click(),
      ]);
      await waitForBodyText(popup);
      const slip = await popup.textContent('body');
      expect(slip).toContain('Mã phiếu');
      expect(slip).toContain('Trường Mầm non Bản Lầu');
      expect(slip).not.toContain('LC-BL-0030'); // the slip a family carries names neither the child nor the case
      await popup.close();
      await page.close();
    });

    it('creates one case and one referral when the caseworker double-clicks (idempotency keys)', async () => {
      const page = await openPage();
      await signIn(page, caseworkerToken);
      await findProviders(page);
      await page.fill('#case-label', 'LC-BL-0031');
      await page.dblclick('#create-case');
      await page.waitForSelector('#case-result:has-text("LC-BL-0031")');
      await page.click('#grant-consent');
      await page.waitForSelector('#consent-result:has-text("✓")');
      const match = page.locator('#matches tr.match:nth-child(1)');
      await match.locator('button.choose').click();
      await page.dblclick('#create-referral');
      await page.waitForSelector('#referral-result:has-text("✓")');
      await expect(page.locator('.status .error').count()).resolves.toBe(0);
      const cases = (await server.gqlAs(
        caseworkerToken,
        '{ cases(first: 200) { nodes { label referrals { id } } } }',
      )) as { data: { cases: { nodes: { label: string; referrals: { id: string }[] }[] } } };
      const mine = cases.data.cases.nodes.filter((c) => c.label === 'LC-BL-0031');
      expect(mine).toHaveLength(1);
      expect(mine[0]!.referrals).toHaveLength(1);
      await page.close();
    });

    it('lets a planner see the coverage map and worst gaps, add a what-if site and download the CSV and GeoJSON', async () => {
      const page = await openPage('#/planner');
      await signIn(page, plannerToken);
      await expect(page.textContent('#role-badge')).resolves.toContain('planner');
      await page.waitForSelector('#gaps tbody tr');
      // Real commune shapes: Lào Cai's 99 polygons and its outline, coloured by minutes, named on hover.
      await page.waitForSelector('svg.map path.shape');
      expect(await page.locator('svg.map path.shape').count()).toBe(99);
      expect(await page.locator('svg.map path.province-outline').count()).toBe(1);
      await expect(page.textContent('svg.map path.shape[data-code="02647"] title')).resolves.toContain(
        'Phường Lào Cai',
      );
      await page.locator('svg.map path.shape[data-code="02647"]').hover({ force: true });
      await expect(page.textContent('svg.map text.map-hover')).resolves.toContain('Phường Lào Cai');
      // The province's own providers only, not its neighbours'.
      const own = await server.app.coverage.coverage({
        serviceCode: 'SCR.ASD',
        maxMinutes: 60,
        provinceCode: LAO_CAI,
      });
      await expect(page.textContent('#own-providers summary')).resolves.toContain(`/${own.providers.length}`);
      expect(own.providers.every((p) => p.provinceCode === LAO_CAI)).toBe(true);
      await expect(page.textContent('ul.legend')).resolves.toContain('60 phút');
      const worst = await page.getAttribute('#gaps tbody tr:first-child', 'data-code');
      await page.waitForSelector('#suggestions li');

      await page.locator(`svg.map path.shape[data-code="${worst}"]`).click({ force: true });
      await expect(page.locator('#delta-children').textContent()).resolves.toMatch(/→ .*\(\+/);
      await expect(page.textContent('#what-if-sites')).resolves.not.toBe('');
      await page.waitForSelector('svg.map circle.what-if');
      await page.screenshot({ path: path.join(SCREENSHOTS, 'planner-coverage.png'), fullPage: true });

      const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#download-csv')]);
      expect(csv.suggestedFilename()).toMatch(
        /^coverage_SCR\.ASD_60min_MOTORBIKE_DRY_18-30m_p15_\d{4}-\d{2}-\d{2}\.csv$/,
      );
      const bytes = fs.readFileSync((await csv.path())!);
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = bytes.subarray(3).toString('utf8');
      expect(text.split('\r\n')[0]).toBe('Báo cáo độ bao phủ dịch vụ');
      expect(text).toContain('Tỉnh,15 Lào Cai');
      expect(text).toContain('Phường Lào Cai');
      const [geo] = await Promise.all([page.waitForEvent('download'), page.click('#download-geojson')]);
      expect(JSON.parse(fs.readFileSync((await geo.path())!, 'utf8')).type).toBe('FeatureCollection');
      await page.close();
    });

    it('keeps each role to its pages, and the server refuses the planner query to a caseworker with FORBIDDEN', async () => {
      const page = await openPage('#/planner');
      await signIn(page, caseworkerToken);
      await expect(page.textContent('.error .error-code')).resolves.toBe('FORBIDDEN');
      const hrefs = await page.$$eval('#nav a', (links) => links.map((a) => a.getAttribute('href')));
      expect(hrefs).toEqual(['#/caseworker', '#/directory']);
      // A string, so the test's compiler leaves the browser's dynamic import alone.
      const code = await page.evaluate(`import('/api.js').then((api) =>
        api.gql('{ coverage(input: { serviceCode: "SCR.ASD", maxMinutes: 60 }) { children } }').then(() => 'no error', (err) => err.code))`);
      expect(code).toBe('FORBIDDEN');
      await page.close();
    });
  });
}
