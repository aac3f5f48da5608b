/**
 * Real Chromium with the built extension loaded. Pages are served at their real chatbot
 * addresses by request interception, so the content script's match patterns, the
 * adapter's host and path rules and the conversation id all behave as on the live site.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Locator, type Page, type Worker } from 'playwright-core';
import { expect } from 'vitest';
import { readOutboxRecords } from '../outbox-read';

export const EXTENSION_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../.output/chrome-mv3');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Served {
  body: string;
  /** Off by default: captured pages carry the vendor's scripts, which must not run here. */
  scripts?: boolean;
}

export interface Chromium {
  context: BrowserContext;
  /** The profile directory: launch again with it to restart the same browser profile. */
  profile: string;
  /** Serve `body` for this exact URL (any query); other requests are refused. */
  serve(url: string, page: Served): void;
  /** `keepProfile` to relaunch on it later. */
  close(opts?: { keepProfile?: boolean }): Promise<void>;
}

export interface Browser extends Chromium {
  worker: Worker;
  /** A new tab at `url`, with page errors collected. */
  open(url: string): Promise<{ page: Page; errors: string[] }>;
}

/**
 * Headless Chromium with an extension build loaded (or none: `extensionDir: null`, the bench's
 * control), every web request refused but the pages served at their real addresses. The tests'
 * `launch()` and the bench build on it, so both see the pages the same way.
 */
export async function launchChromium(opts: { extensionDir: string | null; profile?: string }): Promise<Chromium> {
  const { extensionDir } = opts;
  if (extensionDir && !existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension in ${extensionDir}: run \`npm run build\` (or build:edge) first.`);
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(`No Chromium at ${CHROMIUM}: install it with \`apt-get install -y chromium\` (or set CHROMIUM_PATH).`);
  }
  const profile = opts.profile ?? mkdtempSync(join(tmpdir(), 'bta-e2e-'));
  const args = ['--no-sandbox', '--disable-gpu'];
  if (extensionDir) args.unshift(`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`);
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args });

  const pages = new Map<string, Served>();
  await context.route('**/*', async (route) => {
    const req = route.request();
    const u = new URL(req.url());
    const served = pages.get(u.origin + u.pathname);
    // The extension's own pages and test servers on this machine are real; the web is not here.
    if (!u.protocol.startsWith('http')) return route.continue();
    if (!served && (u.hostname === '127.0.0.1' || u.hostname === 'localhost')) return route.continue();
    if (!served || req.resourceType() !== 'document') return route.abort('blockedbyclient');
    await route.fulfill({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      headers: served.scripts ? {} : { 'content-security-policy': "script-src 'none'" },
      body: served.body,
    });
  });

  return {
    context,
    profile,
    serve(url, page) {
      const u = new URL(url);
      pages.set(u.origin + u.pathname, page);
    },
    async close({ keepProfile = false } = {}) {
      await context.close();
      if (!keepProfile) rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** `extensionDir`: another Chromium build to load (the Edge build); the Chrome build by default. */
export async function launch(opts: { profile?: string; extensionDir?: string } = {}): Promise<Browser> {
  const browser = await launchChromium({ extensionDir: opts.extensionDir ?? EXTENSION_DIR, profile: opts.profile });
  const { context } = browser;
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return {
    ...browser,
    worker,
    async open(url) {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error' && !/ERR_BLOCKED_BY_CLIENT|Failed to load resource|Content Security Policy/.test(m.text())) {
          errors.push(`console.error: ${m.text()}`);
        }
      });
      await page.goto(url);
      return { page, errors };
    },
  };
}

/** Panel keys on the page, in document order. */
export function panelKeys(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('[data-behind-the-answer]')].map((h) => h.getAttribute('data-behind-the-answer')!),
  );
}

/** Resolves once the page shows exactly `n` panels (checked every animation frame). */
export async function waitForPanels(page: Page, n: number, timeout = 20_000): Promise<void> {
  await page.waitForFunction(
    (n) => document.querySelectorAll('[data-behind-the-answer]').length === n,
    n,
    { timeout },
  );
}

/** Every report in the extension's IndexedDB, read inside its service worker. */
export async function storedReports(worker: Worker): Promise<any[]> {
  const recs = await worker.evaluate(readOutboxRecords);
  return recs.map((r) => r.report);
}

/**
 * Flags an answer under a configuration that requires a comment: the form must refuse the flag
 * without one, then save it with `comment`.
 */
export async function flagWithRequiredComment(panel: Locator, category: string, comment: string): Promise<void> {
  await panel.getByLabel(category).check();
  await panel.getByRole('button', { name: 'Save flag' }).click();
  await expect(panel.getByRole('alert').textContent()).resolves.toBe('Your team asks for a comment with every flag.');
  await panel.getByLabel('Comment (required by your team)').fill(comment);
  await panel.getByRole('button', { name: 'Save flag' }).click();
  await expect.poll(() => panel.getByRole('status').textContent()).toContain('Flag saved');
}
