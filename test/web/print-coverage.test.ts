/**
 * The coverage page's print layout in Chromium: printed to PDF on A4 it must fit one or two pages and keep
 * the map, the key figures, the worst gaps and the assumptions. The PDF lands beside the screenshots.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  browserSkipReason,
  launchChromium,
  SCREENSHOTS,
  startConsoleServer,
  type ConsoleBrowser,
  type ConsoleServer,
} from './console-harness';

const skipReason = browserSkipReason();

/** Pages in a PDF: page objects are `/Type /Page` (the tree's root is `/Type /Pages`). */
export function countPdfPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

if (skipReason) {
  describe.skip(`coverage print layout: skipped, ${skipReason}`, () => {
    it('prints the coverage page to one or two A4 pages', () => undefined);
  });
} else {
  describe('coverage print layout in Chromium', () => {
    let server: ConsoleServer;
    let browser: ConsoleBrowser;
    beforeAll(async () => {
      [server, browser] = await Promise.all([startConsoleServer(), launchChromium()]);
      fs.mkdirSync(SCREENSHOTS, { recursive: true });
    }, 90_000);
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it.each([
      ['15', 'SCR.ASD'],
      ['22', 'THR.SLT'],
    ])(
      'prints province %s, %s, to one or two A4 pages with map, figures, gaps and assumptions',
      async (province, service) => {
        const page = await browser.context.newPage();
        page.setDefaultTimeout(20_000);
        const token = await server.tokenFor({
          subject: `pl-${province}`,
          role: 'planner',
          provinceCode: province,
        });
        await page.goto(`${server.base}/#/planner`);
        await page.fill('#token-input', token);
        await page.click('#sign-in');
        await page.waitForSelector('svg.map path.shape');
        await page.selectOption('#cov-service', service);
        await page.click('#show-coverage');
        await page.waitForSelector(`#report-meta:has-text("${service} ·")`);
        await page.waitForSelector('#suggestions li');
        await page.emulateMedia({ media: 'print' });
        // What the printed copy must show, and what it leaves out.
        for (const selector of [
          'svg.map path.shape',
          '.cards-row',
          '#gaps',
          '#assumptions li',
          '#report-meta',
        ])
          expect(await page.locator(selector).first().isVisible()).toBe(true);
        for (const selector of ['form.grid-form', '#what-if', '.topbar'])
          expect([selector, await page.locator(selector).first().isVisible()]).toEqual([selector, false]);
        const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
        fs.writeFileSync(path.join(SCREENSHOTS, `planner-coverage-print-${province}.pdf`), pdf);
        const pages = countPdfPages(pdf);
        expect(pages).toBeGreaterThanOrEqual(1);
        expect(pages).toBeLessThanOrEqual(2);
        await page.close();
      },
    );
  });
}
