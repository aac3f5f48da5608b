/**
 * Every captured chatbot page, served at its real address in Chromium with the built
 * extension: one panel after each answer, carrying that answer's key.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_CASES } from '../fixtures/cases';
import { asDocument, fixtureHtml } from '../fixtures/load';
import { launch, panelKeys, waitForPanels, type Browser } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(ALL_CASES)('$site: $file', (c) => {
  it('puts exactly one panel after every answer, with its key', async () => {
    browser.serve(c.url, { body: asDocument(fixtureHtml(c.file)) });
    const { page, errors } = await browser.open(c.url);
    await waitForPanels(page, c.answers.length);
    expect(await panelKeys(page)).toEqual(c.answers.map((a) => a.key));
    // Each panel sits right after an answer, not somewhere else on the page.
    const misplaced = await page.evaluate(() =>
      [...document.querySelectorAll('[data-behind-the-answer]')].filter((h) => !h.previousElementSibling).length,
    );
    expect(misplaced).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
