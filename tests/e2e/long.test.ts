/**
 * A long conversation (120 answers, cloned from the captured Claude turns): every answer gets
 * its panel, but only those near the viewport draw theirs; scrolling to an answer draws its
 * panel before it is in sight, and a drawn panel works.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SITES, longConversation } from '../../bench/pages';
import { launch, waitForPanels, type Browser } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const drawn = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('[data-behind-the-answer]')].map((h) => !!h.shadowRoot?.querySelector('button')),
  );

describe('a 120-answer conversation', () => {
  it('draws the panels near the viewport, and the others as they are scrolled to', async () => {
    const url = SITES.claude.fixture.url.replace(/.$/, '9');
    browser.serve(url, { body: longConversation('claude', 120) });
    const { page, errors } = await browser.open(url);
    await waitForPanels(page, 120, 60_000);
    const before = await drawn(page);
    expect(before.filter(Boolean).length).toBeGreaterThanOrEqual(40);
    expect(before.filter(Boolean).length).toBeLessThan(120);
    expect(before.at(-1)).toBe(false);

    // Scrolled to the last answer: its panel draws (it is inside the margin before it is in sight).
    await page.evaluate(() => [...document.querySelectorAll('[data-behind-the-answer]')].at(-1)!.previousElementSibling!.scrollIntoView({ block: 'start' }));
    await page.waitForFunction(() => !![...document.querySelectorAll('[data-behind-the-answer]')].at(-1)!.shadowRoot!.querySelector('button'));
    const last = page.locator('[data-behind-the-answer]').last();
    await last.getByRole('button', { name: 'Good' }).click();
    await expect.poll(() => last.getByRole('status').textContent()).toMatch(/saved/i);
    expect(errors).toEqual([]);
  });
});
