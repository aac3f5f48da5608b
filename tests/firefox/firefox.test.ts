/**
 * The Firefox build in real Firefox (firefox-esr over WebDriver BiDi, temporary add-on):
 * one panel per answer on every captured chatbot page served at its real address; a rating
 * and a flag made with the mouse end up in the extension's IndexedDB outbox (written by the
 * MV2 event page through the polyfill's promise API, the flag after Firefox unloaded the
 * idle event page and the panel's message woke it); the endpoint's optional origin is
 * asked for from the settings page and granted; the reports are then delivered to a local
 * endpoint and the outbox marks them sent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { ALL_CASES } from '../fixtures/cases';
import { cases as chatgpt } from '../fixtures/cases/chatgpt';
import { asDocument, fixtureHtml } from '../fixtures/load';
import { startFlakyEndpoint, type FlakyEndpoint } from '../e2e/flaky-endpoint';
import { IDLE_MS, inPanel, launchFirefox, panelKeys, storedReports, waitForPanels, type Firefox } from './harness';

let ff: Firefox;
let endpoint: FlakyEndpoint | undefined;
beforeAll(async () => {
  ff = await launchFirefox();
});
afterAll(async () => {
  await ff?.close();
  await endpoint?.close();
});

describe('the Firefox build', () => {
  it('is installed as the add-on the manifest names', () => {
    expect(ff.extensionId).toBe('behind-the-answer@behindtheanswer.org');
  });
});

describe.each(ALL_CASES)('$site: $file', (c) => {
  it('puts exactly one panel after every answer, with its key', async () => {
    ff.serve(c.url, asDocument(fixtureHtml(c.file)));
    const { page, errors } = await ff.open(c.url);
    await waitForPanels(page, c.answers.length);
    expect(await panelKeys(page)).toEqual(c.answers.map((a) => a.key));
    const misplaced = await page.evaluate(
      () => [...document.querySelectorAll('[data-behind-the-answer]')].filter((h) => !h.previousElementSibling).length,
    );
    expect(misplaced).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('reporting from the panel, then delivering', () => {
  const c = chatgpt.find((x) => x.file.includes('2026-09'))!;
  const first = c.answers[0]!;
  const last = c.answers.at(-1)!;
  let page: Page;
  let errors: string[];
  let ext: Page;

  /** extension.getBackgroundPage() gives null while the event page is not loaded. */
  const loaded = () => ext.evaluate(() => (globalThis as any).browser.extension.getBackgroundPage() !== null);
  const statusOf = (key: string) => page.$eval(inPanel(key, '[role=status]'), (s) => s.textContent ?? '');

  it('records a rating with one click', async () => {
    ff.serve(c.url, asDocument(fixtureHtml(c.file)));
    ({ page, errors } = await ff.open(c.url));
    await waitForPanels(page, c.answers.length);
    const good = (await page.$$(inPanel(first.key, 'button[aria-pressed]')))[0]!;
    expect(await good.evaluate((b) => b.textContent)).toBe('Good');
    await good.click();
    await expect.poll(() => statusOf(first.key)).toContain('Rating saved on this device.');
    expect(await good.evaluate((b) => b.getAttribute('aria-pressed'))).toBe('true');
  });

  it('opens the directory, an extension page, from the panel', async () => {
    await (await page.$(inPanel(first.key, 'button.badge')))!.click();
    await (await page.waitForSelector(inPanel(first.key, 'button.link')))!.click();
    ext = await ff.extensionPage('/disclosures.html');
    expect(await ext.evaluate(() => location.hash)).toBe('#openai');
  });

  it('records a flag after the event page was unloaded, waking it with the message', async () => {
    await expect.poll(loaded, { timeout: IDLE_MS * 5, interval: 250 }).toBe(false);
    const flag = await page.waitForSelector(inPanel(last.key, 'button ::-p-text(Flag…)'));
    await flag!.click();
    await (await page.waitForSelector(inPanel(last.key, 'input[name=flag][value=factually-wrong]')))!.click();
    await (await page.$(inPanel(last.key, 'textarea[name=comment]')))!.type('The left one has the lower refresh rate.');
    await (await page.$(inPanel(last.key, 'textarea[name=correction]')))!.type('The right one: 165 Hz against 144 Hz.');
    await (await page.$(inPanel(last.key, 'button[type=submit]')))!.click();
    await expect.poll(() => statusOf(last.key)).toContain('Flag saved on this device.');
    // Woken by the panel's message (and unloaded again IDLE_MS later).
    expect(await loaded()).toBe(true);
    expect(errors).toEqual([]);
  });

  it('has both reports in the IndexedDB outbox with what the page showed', async () => {
    const reports = await storedReports(ext);
    expect(reports).toHaveLength(2);
    const [rating, flag] = [...reports].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    expect(rating).toMatchObject({ site: 'chatgpt', vendor: 'openai', rating: 'up', flags: [], state: 'pending' });
    expect(rating.answer.key).toBe(first.key);
    expect(rating.answer.text.startsWith(first.text)).toBe(true);
    expect(rating.conversationUrl).toBe(c.url);
    // Prompts are off by default.
    expect(rating.prompt).toBeUndefined();
    expect(flag).toMatchObject({
      site: 'chatgpt',
      flags: ['factually-wrong'],
      comment: 'The left one has the lower refresh rate.',
      correction: 'The right one: 165 Hz against 144 Hz.',
      state: 'pending',
    });
    expect(flag.answer.key).toBe(last.key);
  });

  it('runs the MV2 event page with only the declared permissions', async () => {
    const info = await ext.evaluate(async () => {
      const b = (globalThis as any).browser;
      const m = b.runtime.getManifest();
      return { background: m.background, granted: await b.permissions.getAll() };
    });
    expect(info.background).toMatchObject({ persistent: false, scripts: [expect.stringMatching(/\/background\.js$/)] });
    expect(info.granted.permissions.sort()).toEqual(['alarms', 'storage']);
    // No endpoint yet: no origin beyond the chatbots' (content scripts are not listed here).
    expect(info.granted.origins).toEqual([]);
    expect(info.granted.data_collection.sort()).toEqual(['browsingActivity', 'personalCommunications', 'websiteContent']);
  });

  it("asks for the endpoint's origin when it is saved in the settings, and delivers", async () => {
    endpoint = await startFlakyEndpoint({ failRate: 0, slowMs: 0 });
    await ext.evaluate(() => (globalThis as any).browser.runtime.openOptionsPage());
    const options = await ff.extensionPage('/options.html');
    const url = await options.waitForSelector('#url');
    await url!.type(endpoint.url);
    await (await options.$('form button[type=submit]'))!.click();
    await options.waitForFunction(
      (host) => document.querySelector('section[aria-labelledby=destination-heading] [role=status]')?.textContent?.includes(host),
      { timeout: 10_000 },
      new URL(endpoint.url).host,
    );
    const origins = await options.evaluate(async () => (await (globalThis as any).browser.permissions.getAll()).origins);
    expect(origins).toEqual(['http://127.0.0.1/*']);

    // The background delivers soon after a change of endpoint, or on its one-minute alarm.
    await endpoint.untilStored(2);
    await expect
      .poll(async () => (await storedReports(ext)).map((r) => r.state), { timeout: 70_000, interval: 500 })
      .toEqual(['sent', 'sent']);
    expect([...endpoint.received.values()]).toEqual([1, 1]);
  }, 120_000);
});
