/**
 * A chatbot redesign we do not know yet: the person still gets a way to flag the page,
 * and the extension remembers that the layout was not recognised.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, storedReports, type Browser } from './harness';

const URL_ = 'https://claude.ai/chat/0b7e2c1d-4a5f-4e6b-9c8d-112233445566';
const REDESIGN = `<!DOCTYPE html><html><head><title>Claude</title></head><body><main>
  <section class="x-turn"><p class="x-human">What is the boiling point of water at altitude?</p></section>
  <section class="x-turn"><div class="x-reply">It is lower: about 90 °C at 3,000 m.</div></section>
</main></body></html>`;

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('an unrecognised layout', () => {
  it('offers "Flag this page", records the warning, and stores a page-level flag', async () => {
    browser.serve(URL_, { body: REDESIGN });
    const { page, errors } = await browser.open(URL_);
    const floating = page.locator('[data-behind-the-answer="claude:0b7e2c1d-4a5f-4e6b-9c8d-112233445566:page"]');
    await floating.getByRole('button', { name: 'Flag this page…' }).click({ timeout: 20_000 });

    const warnings = await browser.worker.evaluate(async () => {
      const chrome = (globalThis as any).chrome;
      return (await chrome.storage.local.get('layoutWarnings')).layoutWarnings;
    });
    expect(warnings.claude).toMatchObject({ site: 'claude', url: URL_, count: 1 });

    await floating.getByLabel('Other').check();
    await floating.getByLabel('Comment').fill('The panel is missing on this page.');
    await floating.getByRole('button', { name: 'Save flag' }).click();
    await expect.poll(() => floating.getByRole('status').textContent()).toContain('Flag saved on this device.');
    const [report] = await storedReports(browser.worker);
    expect(report).toMatchObject({
      site: 'claude',
      vendor: 'anthropic',
      flags: ['other'],
      comment: 'The panel is missing on this page.',
      conversationUrl: URL_,
      answer: { key: 'claude:0b7e2c1d-4a5f-4e6b-9c8d-112233445566:page' },
    });
    expect(errors).toEqual([]);
  });
});
