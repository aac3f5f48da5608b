/**
 * The disclosure beside real answers, and the directory page, in Chromium with the
 * built extension and the bundled registry.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_CASES } from '../fixtures/cases';
import { asDocument, fixtureHtml } from '../fixtures/load';
import { BUNDLED } from '../../lib/disclosures';
import { disclosureView } from '../../lib/disclosures/view';
import { launch, waitForPanels, type Browser } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

// Four vendors, one of them a platform serving another vendor's models (Copilot → OpenAI).
const SITES = ['chatgpt', 'claude', 'gemini', 'copilot', 'deepseek'] as const;

describe.each(SITES)('the badge on %s', (siteId) => {
  const c = ALL_CASES.find((x) => x.site === siteId)!;

  it('names the right vendor and count, and opens by keyboard into sourced topics', async () => {
    const expected = disclosureView(BUNDLED, c.site, c.answers[0]!.model ?? null);
    const { disclosed, partly, total } = expected.summary;
    browser.serve(c.url, { body: asDocument(fixtureHtml(c.file)) });
    const { page, errors } = await browser.open(c.url);
    await waitForPanels(page, c.answers.length);
    const panel = page.locator(`[data-behind-the-answer="${c.answers[0]!.key}"]`);
    const badge = panel.getByRole('button', { name: /^Human work behind this answer/ });
    await expect(badge.textContent()).resolves.toBe(
      `Human work behind this answer (${expected.vendor.name}): ${disclosed} of ${total} disclosed${partly ? `, ${partly} in part` : ''}`,
    );
    await expect(panel.locator('.policy').textContent()).resolves.toContain(`Your thumbs on ${expected.platform.name}’s own buttons:`);

    await badge.focus();
    await page.keyboard.press('Enter');
    expect(await badge.getAttribute('aria-expanded')).toBe('true');
    const links = panel.getByRole('link');
    const hrefs = await links.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    const statements = Object.values(expected.vendor.topics).reduce((n, t) => n + t.statements.length, 0);
    if (statements > 0) expect(hrefs.length).toBeGreaterThan(0);
    for (const h of hrefs) expect(h).toMatch(/^https:\/\//);
    await expect(panel.locator('.disclosure-body').textContent()).resolves.toContain(`facts as of ${BUNDLED.asOf}`);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the directory page', () => {
  it('shows every vendor side by side and in detail', async () => {
    const id = new URL(browser.worker.url()).host;
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${id}/disclosures.html#anthropic`);
    const table = page.getByRole('table', { name: 'What each vendor has disclosed, by topic' });
    await expect(table.getByRole('row').count()).resolves.toBe(BUNDLED.vendors.length + 1);
    for (const v of BUNDLED.vendors) {
      await expect(page.getByRole('heading', { level: 2, name: v.name }).count()).resolves.toBe(1);
    }
    await page.close();
  });
});
