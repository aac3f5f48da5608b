/**
 * Privacy defaults and controls in Chromium: a report keeps out the prompt and personal
 * details unless the person chose otherwise; a chatbot switched off loses its panels at
 * once; "Delete all my data" leaves nothing behind.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { cases } from '../fixtures/cases/chatgpt';
import { asDocument, fixtureHtml } from '../fixtures/load';
import { launch, storedReports, waitForPanels, type Browser } from './harness';

const c = cases.find((x) => x.file.includes('2026-09'))!;
let browser: Browser;
let chat: Page;
let options: Page;

beforeAll(async () => {
  browser = await launch();
  browser.serve(c.url, { body: asDocument(fixtureHtml(c.file)) });
  ({ page: chat } = await browser.open(c.url));
  await waitForPanels(chat, c.answers.length);
  options = await browser.context.newPage();
  await options.goto(`chrome-extension://${new URL(browser.worker.url()).host}/options.html`);
});
afterAll(async () => {
  await browser?.close();
});

describe('privacy', () => {
  it('keeps the prompt out and hides personal details by default, and the preview says so', async () => {
    const panel = chat.locator(`[data-behind-the-answer="${c.answers[0]!.key}"]`);
    await panel.getByRole('button', { name: 'Flag…' }).click();
    await panel.getByLabel('Other').check();
    await panel.getByLabel('Comment').fill('Wrong. Ask jane.doe@example.org or call +44 20 7946 0958.');
    await panel.getByText('What will be stored').click();
    const preview = await panel.locator('details').textContent();
    expect(preview).toContain('Wrong. Ask [email] or call [phone].');
    expect(preview).not.toContain(c.answers[0]!.prompt!);
    expect(preview).toContain('Your prompt is not included');
    await panel.getByRole('button', { name: 'Save flag' }).click();
    await expect.poll(() => panel.getByRole('status').textContent()).toContain('Flag saved');
    const [report] = await storedReports(browser.worker);
    expect(report.comment).toBe('Wrong. Ask [email] or call [phone].');
    expect(report.prompt).toBeUndefined();
    expect(report.answer.text.startsWith(c.answers[0]!.text)).toBe(true);
  });

  it('takes the panels away from a chatbot switched off, without a reload, and brings them back', async () => {
    await options.getByRole('checkbox', { name: /^ChatGPT/ }).uncheck();
    await waitForPanels(chat, 0);
    await options.getByRole('checkbox', { name: /^ChatGPT/ }).check();
    await waitForPanels(chat, c.answers.length);
  });

  it('deletes everything after a confirmation', async () => {
    await options.getByRole('button', { name: 'Delete all my data…' }).click();
    expect(await storedReports(browser.worker)).toHaveLength(1);
    await options.getByRole('button', { name: 'Yes, delete everything' }).click();
    await expect.poll(async () => (await storedReports(browser.worker)).length).toBe(0);
    const stored = await browser.worker.evaluate(() => (globalThis as any).chrome.storage.local.get(null));
    expect(stored).toEqual({});
  });
});
