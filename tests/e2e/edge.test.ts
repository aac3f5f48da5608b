/**
 * The Edge build (.output/edge-mv3, `npm run build:edge`) in Chromium, the engine Edge is
 * built on (Edge itself is not packaged for Debian): it loads, its manifest asks for what the
 * Chrome build asks for, and a rating made in its panel lands in its IndexedDB outbox.
 */
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cases } from '../fixtures/cases/chatgpt';
import { asDocument, fixtureHtml } from '../fixtures/load';
import { EXTENSION_DIR, launch, storedReports, waitForPanels, type Browser } from './harness';

const EDGE_DIR = resolve(EXTENSION_DIR, '../edge-mv3');
const c = cases.find((x) => x.file.includes('2026-09'))!;
let browser: Browser;
beforeAll(async () => {
  browser = await launch({ extensionDir: EDGE_DIR });
});
afterAll(async () => {
  await browser?.close();
});

describe('the Edge build', () => {
  it('loads with the same permissions as the Chrome build', async () => {
    const m = await browser.worker.evaluate(() => (globalThis as any).chrome.runtime.getManifest());
    expect(m.manifest_version).toBe(3);
    expect(m.background).toEqual({ service_worker: 'background.js' });
    expect(m.permissions).toEqual(['storage', 'alarms']);
    expect(m.optional_host_permissions).toEqual(['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*']);
    expect(m.host_permissions).toBeUndefined();
    expect(m.browser_specific_settings).toBeUndefined();
  });

  it('puts its panels on a chatbot page and stores a rating', async () => {
    browser.serve(c.url, { body: asDocument(fixtureHtml(c.file)) });
    const { page, errors } = await browser.open(c.url);
    await waitForPanels(page, c.answers.length);
    const panel = page.locator(`[data-behind-the-answer="${c.answers[0]!.key}"]`);
    await panel.getByRole('button', { name: 'Good' }).click();
    await expect.poll(() => panel.getByRole('status').textContent()).toContain('Rating saved on this device.');
    const reports = await storedReports(browser.worker);
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ site: 'chatgpt', rating: 'up', answer: { key: c.answers[0]!.key } });
    expect(errors).toEqual([]);
  });
});
