/**
 * Delivery through a failing endpoint, in Chromium with the built extension: thousands
 * of reports created through the extension's own messaging, an endpoint that fails a
 * third of the time in every way it can, then a browser restart and a service-worker
 * stop mid-batch. At each end the endpoint holds every report exactly once (by id) and
 * the outbox has every report delivered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, waitForPanels, type Browser } from './harness';
import { cases as chatgpt } from '../fixtures/cases/chatgpt';
import { asDocument, fixtureHtml } from '../fixtures/load';
import { MISBEHAVIOURS, startFlakyEndpoint, type FlakyEndpoint } from './flaky-endpoint';

const TIMEOUT_S = 2;
let browser: Browser;
let endpoint: FlakyEndpoint;
let page: Page;
let extensionId: string;

/** An extension page: it talks to the background exactly as the panel and popup do. */
async function extensionPage(): Promise<Page> {
  const p = await browser.context.newPage();
  await p.goto(`chrome-extension://${extensionId}/popup.html`);
  return p;
}

async function createReports(from: number, count: number) {
  const failures = await page.evaluate(
    async ({ from, count }) => {
      const chrome = (globalThis as any).chrome;
      const errors: string[] = [];
      for (let i = from; i < from + count; i += 50) {
        const replies = await Promise.all(
          Array.from({ length: Math.min(50, from + count - i) }, (_, j) =>
            chrome.runtime.sendMessage({
              type: 'report:save',
              draft: {
                site: 'chatgpt',
                vendor: 'openai',
                conversationUrl: 'https://chatgpt.com/c/sync-test',
                answer: { key: `chatgpt:sync-test:id-${i + j}`, text: `Answer number ${i + j}.` },
                prompt: { text: `Question ${i + j}?` },
                rating: (i + j) % 2 ? 'up' : 'down',
                flags: [],
              },
            }),
          ),
        );
        for (const r of replies) if (!r?.ok) errors.push(JSON.stringify(r));
      }
      return errors;
    },
    { from, count },
  );
  expect(failures).toEqual([]);
}

async function status(p = page): Promise<any> {
  return p.evaluate(async () => (await (globalThis as any).chrome.runtime.sendMessage({ type: 'status:get' })).status);
}

/** The outbox settles just after the endpoint answers: wait for it to say so. */
async function allDelivered(total: number, p = page) {
  await expect
    .poll(async () => (await status(p)).reports.byState, { timeout: 60_000, interval: 250 })
    .toEqual({ pending: 0, sending: 0, sent: total, rejected: 0 });
}

function assertEndpointHoldsExactly(total: number) {
  expect(endpoint.stored.size).toBe(total);
  expect(endpoint.received.size).toBe(total);
}

beforeAll(async () => {
  endpoint = await startFlakyEndpoint({ failRate: 1 / 3, slowMs: (TIMEOUT_S + 1) * 1000 });
  browser = await launch();
  extensionId = new URL(browser.worker.url()).host;
  await browser.worker.evaluate(
    async ({ url, timeoutSeconds }) => {
      const chrome = (globalThis as any).chrome;
      await chrome.storage.local.set({ settings: { version: 1, keepSentDays: 30, endpoint: { url, batchSize: 100, timeoutSeconds } } });
    },
    { url: endpoint.url, timeoutSeconds: TIMEOUT_S },
  );
  page = await extensionPage();
});

afterAll(async () => {
  await browser?.close();
  await endpoint?.close();
});

describe('delivery through a failing endpoint', () => {
  it('delivers 2,000 reports exactly once through errors, throttling, drops and timeouts', async () => {
    await createReports(0, 2000);
    await endpoint.untilStored(2000);
    await allDelivered(2000);
    assertEndpointHoldsExactly(2000);
    // It really misbehaved, in every way, and some batches really arrived twice.
    expect(Object.keys(endpoint.misbehaved).sort()).toEqual([...MISBEHAVIOURS].sort());
    expect([...endpoint.received.values()].some((n) => n > 1)).toBe(true);
  }, 300_000);

  it('delivers the rest after the browser is closed mid-sync and started again on the same profile', async () => {
    endpoint.set({ failRate: 0, delayMs: 500 });
    await createReports(2000, 600);
    await endpoint.untilStored(2100);
    expect(endpoint.stored.size).toBeLessThan(2600);
    await browser.close({ keepProfile: true });

    browser = await launch({ profile: browser.profile });
    page = await extensionPage();
    await endpoint.untilStored(2600);
    await allDelivered(2600);
    assertEndpointHoldsExactly(2600);
  }, 180_000);

  it('delivers the rest after the service worker is stopped mid-batch', async () => {
    await createReports(2600, 600);
    await endpoint.untilStored(2700);
    const cdp = await browser.context.newCDPSession(page);
    const versions: { versionId: string; scriptURL: string; runningStatus: string }[] = [];
    cdp.on('ServiceWorker.workerVersionUpdated', (e: any) => versions.push(...e.versions));
    await cdp.send('ServiceWorker.enable');
    await expect.poll(() => versions.some((v) => v.runningStatus === 'running')).toBe(true);
    const running = versions.filter((v) => v.runningStatus === 'running' && v.scriptURL.includes(extensionId));
    for (const v of running) await cdp.send('ServiceWorker.stopWorker', { versionId: v.versionId });
    const storedAtStop = endpoint.stored.size;
    expect(storedAtStop).toBeLessThan(3200);

    // Any event wakes the worker again (here a message; else the next alarm); its start
    // returns the orphaned leases to pending and syncs.
    await status();
    await endpoint.untilStored(3200);
    await allDelivered(3200);
    assertEndpointHoldsExactly(3200);
  }, 180_000);

  it('tells the person in the panel where the report went, then that it was delivered', async () => {
    endpoint.set({ failRate: 0, delayMs: 0 });
    const c = chatgpt.find((x) => x.file.includes('2026-09'))!;
    browser.serve(c.url, { body: asDocument(fixtureHtml(c.file)) });
    const { page: chat } = await browser.open(c.url);
    await waitForPanels(chat, c.answers.length);
    const panel = chat.locator(`[data-behind-the-answer="${c.answers[0]!.key}"]`);
    await panel.getByRole('button', { name: 'Good' }).click();
    const host = new URL(endpoint.url).host;
    await expect.poll(() => panel.getByRole('status').textContent()).toContain(`Rating queued for ${host}.`);
    await expect.poll(() => panel.getByRole('status').textContent(), { timeout: 20_000 }).toContain(`Rating delivered to ${host}.`);
    expect(endpoint.stored.size).toBe(3201);
    await chat.close();
  });

  it('pauses when the token is refused, and the popup says why', async () => {
    endpoint.set({ refuseToken: true, delayMs: 0 });
    await createReports(3201, 1);
    const reply = await page.evaluate(() => (globalThis as any).chrome.runtime.sendMessage({ type: 'sync:now' }));
    expect(reply.ok).toBe(true);
    const s = await status();
    expect(s.sync.paused).toMatch(/refused the token \(401: token revoked\)/);
    expect(s.reports.byState.pending).toBe(1);
    const popup = await extensionPage();
    await expect(popup.getByRole('alert').first().textContent({ timeout: 10_000 })).resolves.toMatch(/refused the token/);
  });
});
