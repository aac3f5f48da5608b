/**
 * Accessibility in a real browser: axe-core (WCAG 2.0/2.1 A and AA) over every page of
 * ours and over the panel in a captured chatbot page, in light and dark; then what axe
 * cannot see: keyboard focus in the flag form (trap, Escape and Cancel), visible focus,
 * and reduced motion.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from 'playwright-core';
import { cases } from '../fixtures/cases/chatgpt';
import { asDocument, fixtureHtml } from '../fixtures/load';
import { launch, waitForPanels, type Browser } from './harness';
import { luminance, parseColor } from '../../lib/theme';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const SCHEMES = ['light', 'dark'] as const;
type Scheme = (typeof SCHEMES)[number];

const c = cases.find((x) => x.file.includes('2026-09'))!;
const HOST = '[data-behind-the-answer]';

let browser: Browser;
let extId: string;

beforeAll(async () => {
  browser = await launch();
  extId = new URL(browser.worker.url()).host;
});
afterAll(async () => {
  await browser?.close();
});

/** The serious and critical violations axe finds, as readable lines ('' when none). */
async function audit(page: Page, scope?: string): Promise<string> {
  let builder = new AxeBuilder({ page }).withTags(TAGS);
  if (scope) builder = builder.include(scope);
  const { violations, incomplete } = await builder.analyze();
  // Contrast axe could not decide (text over an unknown background) is not a pass: show it.
  const undecided = incomplete
    .filter((v) => v.id === 'color-contrast')
    .map((v) => ({ ...v, help: `${v.help} (undecided: ${v.nodes[0]?.any[0]?.message ?? ''})` }));
  const lines: string[] = [];
  for (const v of [...violations, ...undecided]) {
    if (v.impact !== 'serious' && v.impact !== 'critical') continue;
    let nodes = v.nodes;
    if (scope) {
      // Only our panels are under test: a node of the captured page itself is not ours.
      const ours = await Promise.all(
        nodes.map((n) =>
          Array.isArray(n.target[0])
            ? true // a selector through a shadow root: only our hosts have one in these captures
            : page.evaluate(
                ({ sel, host }) => !!document.querySelector(String(sel))?.closest(host),
                { sel: String(n.target[0]), host: scope },
              ),
        ),
      );
      nodes = nodes.filter((_, i) => ours[i]);
    }
    for (const n of nodes) {
      lines.push(`[${v.impact}] ${v.id}: ${v.help}\n    at ${JSON.stringify(n.target)}\n    ${n.failureSummary?.replace(/\n/g, '\n    ')}`);
    }
  }
  return lines.join('\n');
}

async function openExtensionPage(path: string, scheme: Scheme): Promise<Page> {
  const page = await browser.context.newPage();
  await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'no-preference' });
  await page.goto(`chrome-extension://${extId}/${path}`);
  return page;
}

/** The fixture, its body dark like ChatGPT's dark theme when asked, with panels mounted. */
async function openChat(scheme: Scheme): Promise<Page> {
  let html = asDocument(fixtureHtml(c.file));
  if (scheme === 'dark') {
    html = html.replace(/<\/head>/i, '<style>html, body { background: #212121 !important; color: #ececec; }</style></head>');
  }
  browser.serve(c.url, { body: html });
  const page = await browser.context.newPage();
  await page.emulateMedia({ colorScheme: scheme });
  await page.goto(c.url);
  await waitForPanels(page, c.answers.length);
  return page;
}

/**
 * Text fields are found by their outline alone, which axe does not measure (WCAG 1.4.11):
 * each visible field's border against what is behind it, below 3:1 listed.
 */
async function faintFields(root: Locator): Promise<string[]> {
  const pairs = await root.evaluate((r) => {
    const scope = (r as Element).shadowRoot ?? r;
    return [...scope.querySelectorAll<HTMLElement>('input:not([type=checkbox]):not([type=radio]), select, textarea')]
      .filter((el) => el.getClientRects().length > 0)
      .map((el) => {
        let bg = 'rgba(0, 0, 0, 0)';
        for (let e: Element | null = el.parentElement; e; e = e.parentElement ?? ((e.getRootNode() as ShadowRoot).host || null)) {
          const c = getComputedStyle(e).backgroundColor;
          if (!/rgba\(.*, 0\)$/.test(c) && c !== 'transparent') {
            bg = c;
            break;
          }
        }
        return { name: el.getAttribute('name') ?? el.id, border: getComputedStyle(el).borderTopColor, bg };
      });
  });
  const ratio = (a: string, b: string) => {
    const [x, y] = [luminance(parseColor(a)!), luminance(parseColor(b)!)];
    return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
  };
  return pairs.filter((p) => ratio(p.border, p.bg) < 3).map((p) => `${p.name}: ${p.border} on ${p.bg} (${ratio(p.border, p.bg).toFixed(2)}:1)`);
}

const panel = (page: Page, i = 0): Locator => page.locator(`[data-behind-the-answer="${c.answers[i]!.key}"]`);

describe.each(SCHEMES)('axe, %s', (scheme) => {
  it('finds nothing serious in the panel, with the flag form open and the disclosure expanded', async () => {
    const page = await openChat(scheme);
    const p = panel(page);
    expect(await p.getAttribute('data-theme')).toBe(scheme);
    // A pressed rating, the saved status and Undo are part of what people see.
    await p.getByRole('button', { name: 'Good' }).click();
    await expect.poll(() => p.getByRole('status').textContent()).toContain('Rating saved');
    await p.getByRole('button', { name: /^Flag/ }).click();
    await p.getByRole('button', { name: 'Save flag' }).click(); // shows the "choose a category" error
    await p.getByRole('alert').waitFor();
    const badge = p.getByRole('button', { name: /^Human work behind this answer/ });
    await badge.click();
    expect(await badge.getAttribute('aria-expanded')).toBe('true');
    // The disclosure scrolls inside a short box; axe cannot judge the contrast of what is
    // scrolled out of it, so the audit sees it all at once.
    await page.evaluate((sel) => {
      for (const h of document.querySelectorAll(sel)) {
        const style = document.createElement('style');
        style.textContent = '.disclosure-body { max-height: none !important; }';
        h.shadowRoot!.append(style);
      }
    }, HOST);
    expect(await audit(page, HOST)).toBe('');
    expect(await faintFields(p)).toEqual([]);
    await page.close();
  });

  it('finds nothing serious on the popup', async () => {
    const page = await openExtensionPage('popup.html', scheme);
    await page.getByRole('heading', { name: 'Where reports go' }).waitFor();
    expect(await audit(page)).toBe('');
    await page.close();
  });

  it('finds nothing serious on the options page', async () => {
    const page = await openExtensionPage('options.html', scheme);
    await page.getByRole('heading', { name: 'Outbox', exact: true }).waitFor();
    // The report saved from the panel above, with its details open.
    await page.locator('#outbox-filter').selectOption('all');
    await page.getByRole('button', { name: 'Details' }).first().click();
    await page.locator('tr.details').waitFor();
    expect(await audit(page)).toBe('');
    expect(await faintFields(page.locator('main'))).toEqual([]);
    await page.close();
  });

  it('finds nothing serious on the directory', async () => {
    const page = await openExtensionPage('disclosures.html', scheme);
    await page.getByRole('table').first().waitFor();
    expect(await audit(page)).toBe('');
    await page.close();
  });
});

describe('keyboard in the flag form', () => {
  let page: Page;
  beforeAll(async () => {
    page = await openChat('light');
  });
  afterAll(async () => {
    await page?.close();
  });

  /** The element focused inside a panel's shadow root, as "tag[name]" or "tag:text". */
  const focused = (p: Locator) =>
    p.evaluate((host) => {
      const el = host.shadowRoot?.activeElement as HTMLElement | null;
      if (!el) return '';
      const name = el.getAttribute('name');
      return name ? `${el.tagName.toLowerCase()}[${name}]` : `${el.tagName.toLowerCase()}:${el.textContent?.trim()}`;
    });

  it('keeps Tab and Shift+Tab inside the open form', async () => {
    const p = panel(page, 1);
    const flag = p.getByRole('button', { name: /^Flag/ });
    await flag.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(p)).toBe('input[flag]');
    // Backwards from the first control lands on the last one, Cancel.
    await page.keyboard.press('Shift+Tab');
    expect(await focused(p)).toBe('button:Cancel');
    // And forwards from the last one comes back to the first.
    await page.keyboard.press('Tab');
    expect(await focused(p)).toBe('input[flag]');
    // A full round stays in the form.
    const seen: string[] = [];
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('Tab');
      const f = await focused(p);
      seen.push(f);
      if (f === 'input[flag]' && seen.includes('button:Cancel')) break;
    }
    expect(seen.at(-1)).toBe('input[flag]');
    expect(seen).toContain('textarea[comment]');
    expect(seen).toContain('button:Save flag');
    expect(seen).not.toContain('');
    expect(seen.some((s) => s.startsWith('button:Flag') || s.startsWith('button:Human work'))).toBe(false);
  });

  it('returns focus to the Flag button on Escape', async () => {
    const p = panel(page, 1);
    await p.locator('textarea[name="comment"]').focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => p.locator('form').count()).toBe(0);
    expect(await focused(p)).toBe('button:Flag…');
  });

  it('returns focus to the Flag button on Cancel', async () => {
    const p = panel(page, 1);
    await page.keyboard.press('Enter'); // focus is on Flag…: opens the form again
    await expect.poll(() => focused(p)).toBe('input[flag]');
    await page.keyboard.press('Shift+Tab');
    expect(await focused(p)).toBe('button:Cancel');
    await page.keyboard.press('Enter');
    await expect.poll(() => p.locator('form').count()).toBe(0);
    expect(await focused(p)).toBe('button:Flag…');
  });

  it('shows a focus outline on keyboard focus', async () => {
    const p = panel(page, 1);
    const outline = () =>
      p.evaluate((host) => {
        const el = host.shadowRoot!.activeElement!;
        const s = getComputedStyle(el);
        return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
      });
    // Focus is on the Flag button after Cancel, by keyboard.
    const o = await outline();
    expect(o.style).toBe('solid');
    expect(o.width).toBeGreaterThanOrEqual(2);
  });
});

describe('visible focus and reduced motion in our stylesheets', () => {
  it('outlines :focus-visible and stops motion under prefers-reduced-motion on every page', async () => {
    const { PANEL_CSS } = await import('../../components/panel/styles');
    const { PAGE_CSS } = await import('../../components/shared/styles');
    for (const css of [PANEL_CSS, PAGE_CSS]) {
      expect(css).toMatch(/:focus-visible\s*\{[^}]*outline:\s*2px solid/);
      expect(css).toMatch(/@media \(prefers-reduced-motion: reduce\)\s*\{[^@]*transition:\s*none[^@]*animation:\s*none/);
    }
  });

  it('stops transitions and animations under reduced motion, in our pages and in the panel', async () => {
    const probe = (root: Document | ShadowRoot) => {
      const el = document.createElement('button');
      el.style.transition = 'color 1s';
      el.style.animation = 'x 1s infinite';
      (root instanceof Document ? root.body : root).append(el);
      const s = getComputedStyle(el);
      const out = { transition: s.transitionDuration, animation: s.animationName };
      el.remove();
      return out;
    };
    const still = { transition: '0s', animation: 'none' };

    const popup = await openExtensionPage('popup.html', 'light');
    await popup.emulateMedia({ reducedMotion: 'reduce' });
    await popup.getByRole('heading', { name: 'Where reports go' }).waitFor();
    expect(await popup.evaluate(`(${probe})(document)`)).toEqual(still);
    await popup.emulateMedia({ reducedMotion: 'no-preference' });
    expect(await popup.evaluate(`(${probe})(document)`)).not.toEqual(still);
    await popup.close();

    const chat = await openChat('light');
    await chat.emulateMedia({ reducedMotion: 'reduce' });
    expect(await chat.evaluate(`(${probe})(document.querySelector('${HOST}').shadowRoot)`)).toEqual(still);
    await chat.close();
  });
});
