/**
 * Real Firefox (Debian's firefox-esr) driven over WebDriver BiDi by puppeteer-core, with the
 * built Firefox extension (.output/firefox-mv2) installed as a temporary add-on, the way
 * about:debugging's "Load Temporary Add-on" does it. Chatbot pages are served at their real
 * addresses by BiDi request interception (network.provideResponse), so the content script's
 * match patterns and the adapters' host and path rules behave as on the live sites.
 *
 * What WebDriver BiDi in Firefox does not allow, and how this harness goes around it:
 * - navigating a tab to a moz-extension:// page ("Navigation to moz-extension://… is not
 *   allowed in this context"): extension pages are opened by the extension itself (the
 *   panel's "compare all vendors" link, runtime.openOptionsPage()), and found by evaluating
 *   `location.href` in each tab, since BiDi reports such tabs as about:blank;
 * - HTTPRequest.resourceType() is unsupported: documents are told by isNavigationRequest().
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { readOutboxRecords } from '../outbox-read';

export const FIREFOX_EXTENSION_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../.output/firefox-mv2');
const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** Fixed so the test knows the extension's origin: Firefox otherwise picks a random one per profile. */
export const EXTENSION_UUID = '6f1e5a52-1b0c-4a8e-9d3e-0c1a2b3c4d5e';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

/** How long the event page may sit idle before Firefox unloads it (default 30 s). */
export const IDLE_MS = 2_000;

export interface Firefox {
  browser: Browser;
  extensionId: string;
  /** Serve `body` at this exact URL (any query); every other web request is refused. */
  serve(url: string, body: string): void;
  /** A new tab at `url`, with page errors collected. */
  open(url: string): Promise<{ page: Page; errors: string[] }>;
  /** The open tab showing this extension page (path, e.g. "/options.html"), once it is there. */
  extensionPage(path: string, timeout?: number): Promise<Page>;
  close(): Promise<void>;
}

export async function launchFirefox(): Promise<Firefox> {
  if (!existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No Firefox build in ${FIREFOX_EXTENSION_DIR}: run \`npm run build:firefox\` first.`);
  }
  if (!existsSync(FIREFOX)) {
    throw new Error(`No Firefox at ${FIREFOX}: install it with \`apt-get install -y firefox-esr\` (or set FIREFOX_PATH).`);
  }
  const manifest = JSON.parse(readFileSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'), 'utf8'));
  const id: string = manifest.browser_specific_settings.gecko.id;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    protocol: 'webDriverBiDi',
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [id]: EXTENSION_UUID }),
      // A headless browser cannot click "Allow" in the permission doorhanger; with this off,
      // Firefox grants an optional permission asked for during a user action without showing it
      // (still only what the manifest lists as optional, and still only on a user action).
      'extensions.webextOptionalPermissionPrompts': false,
      // The event page is unloaded after 30 s without events in a normal profile; 2 s here, so
      // the tests see it unloaded and woken again by a message within a short run.
      'extensions.background.idle.timeout': IDLE_MS,
    },
  });
  const extensionId = await browser.installExtension(FIREFOX_EXTENSION_DIR);

  const pages = new Map<string, string>();
  const key = (u: URL) => u.origin + u.pathname;

  async function tabAt(path: string): Promise<Page | null> {
    for (const p of await browser.pages()) {
      const href = await p.evaluate(() => location.href).catch(() => '');
      if (href.startsWith(EXTENSION_ORIGIN + path)) return p;
    }
    return null;
  }

  return {
    browser,
    extensionId,
    serve(url, body) {
      pages.set(key(new URL(url)), body);
    },
    async open(url) {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => {
        const msg = e instanceof Error ? e.message : String(e);
        // The captured page's own inline scripts, refused by the CSP above: expected.
        if (!/^Content-Security-Policy: .*script-src 'none'/.test(msg)) errors.push(`pageerror: ${msg}`);
      });
      await page.setRequestInterception(true);
      page.on('request', (req) => {
        const u = new URL(req.url());
        const body = pages.get(key(u));
        if (body !== undefined && req.isNavigationRequest()) {
          // The captured pages carry the vendor's scripts, which must not run here.
          void req.respond({
            status: 200,
            contentType: 'text/html; charset=utf-8',
            headers: { 'content-security-policy': "script-src 'none'" },
            body,
          });
        } else if (u.protocol.startsWith('http')) {
          void req.abort('blockedbyclient');
        } else {
          void req.continue();
        }
      });
      await page.goto(url);
      return { page, errors };
    },
    async extensionPage(path, timeout = 10_000) {
      const until = Date.now() + timeout;
      for (;;) {
        const p = await tabAt(path);
        if (p) {
          await p.waitForFunction(() => document.readyState === 'complete');
          return p;
        }
        if (Date.now() > until) throw new Error(`No tab showing ${EXTENSION_ORIGIN}${path}`);
        await new Promise((r) => setTimeout(r, 200));
      }
    },
    async close() {
      await browser.close();
    },
  };
}

/** `sel` inside the shadow root of the panel with this key. */
export const inPanel = (key: string, sel: string) => `[data-behind-the-answer="${key}"] >>> ${sel}`;

export function panelKeys(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('[data-behind-the-answer]')].map((h) => h.getAttribute('data-behind-the-answer')!),
  );
}

export async function waitForPanels(page: Page, n: number, timeout = 20_000): Promise<void> {
  await page.waitForFunction((n) => document.querySelectorAll('[data-behind-the-answer]').length === n, { timeout }, n);
}

/** Every report in the extension's IndexedDB outbox, read from one of its own pages. */
/** Every report in the extension's IndexedDB outbox (with its state), read from one of its own pages. */
export async function storedReports(extensionPage: Page): Promise<any[]> {
  const recs = await extensionPage.evaluate(readOutboxRecords);
  return recs.map((r) => ({ ...r.report, state: r.state }));
}
