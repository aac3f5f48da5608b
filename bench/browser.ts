/**
 * Headless Chromium for the bench, with the built extension or without it: launched by the
 * tests' own `launchChromium` (same flags, pages served at their real chatbot addresses), so
 * the only difference between the two is the extension.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { EXTENSION_DIR, launchChromium } from '../tests/e2e/harness';
import { AGENT } from './agent';

export interface BenchBrowser {
  extension: boolean;
  context: BrowserContext;
  extensionId: string | null;
  serve(url: string, body: string): void;
  /** A new tab at `url` with the bench agent installed, and a CDP session with Performance on. */
  open(url: string): Promise<{ page: Page; cdp: CDPSession }>;
  version(): string;
  close(): Promise<void>;
}

export async function launchBench(opts: { extension: boolean }): Promise<BenchBrowser> {
  const browser = await launchChromium({ extensionDir: opts.extension ? EXTENSION_DIR : null, profile: mkdtempSync(join(tmpdir(), 'bta-bench-')) });
  const { context } = browser;
  let extensionId: string | null = null;
  if (opts.extension) {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    extensionId = new URL(worker.url()).host;
  }
  // The captures carry no scripts; the bench's own page code arrives through the agent (and
  // `scripts: true` leaves the page without the tests' CSP, as a chatbot's page would be).
  await context.addInitScript({ content: AGENT });

  return {
    extension: opts.extension,
    context,
    extensionId,
    serve: (url, body) => browser.serve(url, { body, scripts: true }),
    async open(url) {
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Performance.enable');
      await page.goto(url, { timeout: 120_000 });
      return { page, cdp };
    },
    version: () => context.browser()?.version() ?? 'unknown',
    close: () => browser.close(),
  };
}

export async function metrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
}
