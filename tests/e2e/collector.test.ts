/**
 * The reference collector end to end, in Chromium with the built extension: a flag made on a
 * captured chatbot page travels through the extension's outbox to a collector started here (on
 * a temporary embedded database), and the collector's dashboard, signed in with an admin token,
 * shows it in its counts and its table.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cases } from '../fixtures/cases/chatgpt';
import { asDocument, fixtureHtml } from '../fixtures/load';
import { launch, waitForPanels, type Browser } from './harness';
import { startCollector, type Collector } from '../../collector/src/server';
import { ensureDashboard } from '../../collector/src/dashboard-build';

const c = cases.find((x) => x.file.includes('2026-09'))!;
const COMMENT = 'The refresh rates are swapped: <b>144 Hz</b> is the left one.';
let dir: string;
let collector: Collector;
let browser: Browser;
let ingest: string;
let admin: string;
let dashboard: Page;

/** Serious and critical axe findings, one line each. */
async function audit(page: Page, scheme: 'light' | 'dark'): Promise<string[]> {
  await page.emulateMedia({ colorScheme: scheme });
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${scheme}: ${v.id} at ${n.target.join(' ')}: ${n.failureSummary ?? ''}`));
}

function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what}: not within ${ms} ms`)), ms))]);
}

beforeAll(async () => {
  await ensureDashboard(() => {});
  dir = mkdtempSync(join(tmpdir(), 'bta-e2e-collector-'));
  collector = await startCollector({ port: 0, dataDir: dir, log: false });
  ingest = (await collector.createToken('ingest', 'newsroom', 'e2e')).token;
  admin = (await collector.createToken('admin', 'newsroom', 'e2e')).token;
  browser = await launch();
  await browser.worker.evaluate(
    async ({ url, token }) => {
      const chrome = (globalThis as any).chrome;
      await chrome.storage.local.set({ settings: { version: 1, keepSentDays: 30, endpoint: { url, token, batchSize: 100, timeoutSeconds: 10 } } });
    },
    { url: collector.ingestUrl, token: ingest },
  );
});

afterAll(async () => {
  await browser?.close();
  await collector?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the reference collector', () => {
  it('receives a flag made on a chatbot page through the extension', async () => {
    browser.serve(c.url, { body: asDocument(fixtureHtml(c.file)) });
    const { page, errors } = await browser.open(c.url);
    await waitForPanels(page, c.answers.length);
    const answer = c.answers[0]!;
    const panel = page.locator(`[data-behind-the-answer="${answer.key}"]`);
    await panel.getByRole('button', { name: 'Flag…' }).click();
    await panel.getByLabel('Factually wrong').check();
    await panel.getByLabel('Comment').fill(COMMENT);
    await panel.getByRole('button', { name: 'Save flag' }).click();

    await within(collector.untilStored(1), 30_000, 'the collector storing the flag');
    const host = new URL(collector.url).host;
    await expect.poll(() => panel.getByRole('status').textContent(), { timeout: 20_000 }).toContain(`Flag delivered to ${host}.`);

    const rows = await collector.db.query<{ team: string; site: string; vendor: string; flags: string[]; report: any }>(
      'SELECT team, site, vendor, flags, report FROM reports',
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ team: 'newsroom', site: 'chatgpt', vendor: 'openai', flags: ['factually-wrong'] });
    expect(rows[0]!.report.comment).toBe(COMMENT);
    expect(rows[0]!.report.answer.key).toBe(answer.key);
    expect(rows[0]!.report.answer.text.startsWith(answer.text)).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the flag in the dashboard, in the counts and in the table, as text', async () => {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => m.type() === 'error' && errors.push(`console.error: ${m.text()}`));
    // The page's Content-Security-Policy must hold for everything the dashboard does.
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    await page.goto(collector.url);
    expect([...(await audit(page, 'light')), ...(await audit(page, 'dark'))]).toEqual([]);
    await page.getByLabel('Admin token').fill('bta_admin_wrong');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/unknown or was revoked/);
    errors.length = 0; // the refused sign-in's 401, logged by the browser
    await page.getByLabel('Admin token').fill(admin);
    await page.getByRole('button', { name: 'Sign in' }).click();

    const kpi = (name: string) => page.getByRole('group', { name }).locator('.kpi-value');
    await expect.poll(() => kpi('Reports').textContent(), { timeout: 15_000 }).toBe('1');
    expect(await kpi('Flagged').textContent()).toBe('1');
    expect(await kpi('Thumbs up').textContent()).toBe('0');

    const table = page.getByRole('table');
    const row = table.getByRole('row').filter({ hasText: 'Factually wrong' });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('OpenAI');
    expect(await row.textContent()).toContain('ChatGPT');
    expect(await page.getByText('1–1 of 1').count()).toBe(1);

    // The full report, with the comment's markup shown as typed, not interpreted.
    await row.getByRole('button').first().click();
    const full = page.getByRole('region', { name: 'Full report' });
    await expect.poll(() => full.textContent()).toContain(COMMENT);
    expect(await full.locator('b').count()).toBe(0);

    // The charts are drawn (Chart.js on canvas) with the report in them.
    expect(await page.getByRole('img', { name: /Reports by vendor: OpenAI 1/ }).count()).toBe(1);
    expect(await page.getByRole('img', { name: /Flags by category: Factually wrong 1/ }).count()).toBe(1);
    expect(errors).toEqual([]);
    dashboard = page;
  });

  it('has no serious accessibility problem in light or dark, signed in', async () => {
    expect([...(await audit(dashboard, 'light')), ...(await audit(dashboard, 'dark'))]).toEqual([]);
  });
});
