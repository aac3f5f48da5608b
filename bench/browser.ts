/**
 * Headless Chromium for the bench, with the built extension or without it: the same
 * flags, the same routing (pages served at their real chatbot addresses, as in
 * tests/e2e/harness.ts), so the only difference between the two is the extension.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { EXTENSION_DIR } from '../tests/e2e/harness';
import { AGENT } from './agent';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

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
  if (opts.extension && !existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension in ${EXTENSION_DIR}: run \`npm run build\` first.`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'bta-bench-'));
  const args = ['--no-sandbox', '--disable-gpu'];
  if (opts.extension) args.unshift(`--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`);
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args });
  let extensionId: string | null = null;
  if (opts.extension) {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    extensionId = new URL(worker.url()).host;
  }
  const pages = new Map<string, string>();
  await context.route('**/*', async (route) => {
    const req = route.request();
    const u = new URL(req.url());
    const body = pages.get(u.origin + u.pathname);
    if (!u.protocol.startsWith('http')) return route.continue();
    if (body === undefined && (u.hostname === '127.0.0.1' || u.hostname === 'localhost')) return route.continue();
    if (body === undefined || req.resourceType() !== 'document') return route.abort('blockedbyclient');
    // The captures carry no scripts; the bench's own page code arrives through the agent.
    await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });
  });
  await context.addInitScript({ content: AGENT });

  return {
    extension: opts.extension,
    context,
    extensionId,
    serve(url, body) {
      const u = new URL(url);
      pages.set(u.origin + u.pathname, body);
    },
    async open(url) {
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Performance.enable');
      await page.goto(url, { timeout: 120_000 });
      return { page, cdp };
    },
    version: () => context.browser()?.version() ?? 'unknown',
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export async function metrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
}
