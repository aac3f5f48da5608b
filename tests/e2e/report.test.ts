/**
 * A person rates one answer with the mouse and flags another by keyboard alone; both
 * reports must then be in the extension's IndexedDB with what the page showed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { cases } from '../fixtures/cases/chatgpt';
import { asDocument, fixtureHtml } from '../fixtures/load';
import { launch, storedReports, waitForPanels, type Browser } from './harness';

const c = cases.find((x) => x.file.includes('2026-09'))!;
let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  browser = await launch();
  // This person chose to include prompts (off by default).
  await browser.worker.evaluate(() =>
    (globalThis as any).chrome.storage.local.set({ settings: { version: 1, privacy: { prompt: true } } }),
  );
  browser.serve(c.url, { body: asDocument(fixtureHtml(c.file)) });
  ({ page, errors } = await browser.open(c.url));
  await waitForPanels(page, c.answers.length);
  // Like Claude's global shortcuts: a page listener that would see keys typed anywhere.
  await page.evaluate(() => {
    (window as any).pageSawKeys = [];
    document.addEventListener('keydown', (e) => (window as any).pageSawKeys.push(e.key));
  });
});
afterAll(async () => {
  await browser?.close();
});

const panel = (i: number): Locator => page.locator(`[data-behind-the-answer="${c.answers[i]!.key}"]`);

/** The element focused inside a panel's shadow root, described as "tag[name]" or "tag:text". */
function focused(p: Locator): Promise<string> {
  return p.evaluate((host) => {
    const el = host.shadowRoot?.activeElement as HTMLElement | null;
    if (!el) return '';
    const name = el.getAttribute('name');
    return name ? `${el.tagName.toLowerCase()}[${name}]` : `${el.tagName.toLowerCase()}:${el.textContent?.trim()}`;
  });
}

async function tabTo(p: Locator, target: string) {
  for (let i = 0; i < 20; i++) {
    if ((await focused(p)) === target) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target} (focus is on ${await focused(p)})`);
}

describe('reporting from the panel', () => {
  it('records a rating with one click and shows where it went', async () => {
    await panel(0).getByRole('button', { name: 'Good' }).click();
    await expect.poll(() => panel(0).getByRole('status').textContent()).toContain('Rating saved on this device.');
    expect(await panel(0).getByRole('button', { name: 'Good' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('flags the latest answer from the keyboard command, by keyboard alone', async () => {
    // What the command's handler does: tell the active tab's content script.
    await browser.worker.evaluate(async () => {
      const chrome = (globalThis as any).chrome;
      const [tab] = await chrome.tabs.query({ active: true });
      await chrome.tabs.sendMessage(tab!.id!, { type: 'command:flag-latest' });
    });
    const last = panel(c.answers.length - 1);
    await expect.poll(() => focused(last)).toBe('input[flag]');
    await page.keyboard.press('Space');
    await tabTo(last, 'textarea[comment]');
    await page.keyboard.type('The left one has the lower refresh rate.');
    await page.keyboard.press('Tab');
    await page.keyboard.type('The right one: 165 Hz against 144 Hz.');
    await tabTo(last, 'button:Save flag');
    await page.keyboard.press('Enter');
    await expect.poll(() => last.getByRole('status').textContent()).toContain('Flag saved on this device.');
    // Focus lands on Undo, so a keyboard user can take it back at once.
    expect(await focused(last)).toBe('button:Undo');
    expect(await page.evaluate(() => (window as any).pageSawKeys)).toEqual([]);
  });

  it('has both reports in IndexedDB with what the page showed', async () => {
    const reports = await storedReports(browser.worker);
    expect(reports).toHaveLength(2);
    const [rating, flag] = [...reports].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    const first = c.answers[0]!;
    const last = c.answers.at(-1)!;
    expect(rating).toMatchObject({ site: 'chatgpt', vendor: 'openai', rating: 'up', flags: [] });
    expect(rating.answer.key).toBe(first.key);
    expect(rating.answer.text.startsWith(first.text)).toBe(true);
    expect(rating.prompt.text.startsWith(first.prompt!)).toBe(true);
    expect(rating.conversationUrl).toBe(c.url);
    expect(rating.answer.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(flag).toMatchObject({
      site: 'chatgpt',
      vendor: 'openai',
      flags: ['factually-wrong'],
      comment: 'The left one has the lower refresh rate.',
      correction: 'The right one: 165 Hz against 144 Hz.',
    });
    expect(flag.rating).toBeUndefined();
    expect(flag.answer.key).toBe(last.key);
    expect(flag.answer.text.startsWith(last.text)).toBe(true);
    expect(flag.prompt.text.startsWith(last.prompt!)).toBe(true);
  });

  it('takes a report back with Undo', async () => {
    await panel(1).getByRole('button', { name: 'Bad' }).click();
    await expect.poll(async () => (await storedReports(browser.worker)).length).toBe(3);
    await panel(1).getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => panel(1).getByRole('status').textContent()).toContain('Undone');
    expect(await storedReports(browser.worker)).toHaveLength(2);
    expect(errors).toEqual([]);
  });
});
