/**
 * An answer being written, simulated on a real captured page: no panel while it
 * streams, exactly one once the site says it is done.
 *
 * The streaming steps are the stimulus (a site writes in bursts), so they are paced;
 * every outcome is awaited on the page itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { cases as chatgpt } from '../fixtures/cases/chatgpt';
import { cases as claude } from '../fixtures/cases/claude';
import { asDocument, fixtureHtml } from '../fixtures/load';
import { launch, panelKeys, waitForPanels, type Browser } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const BURST_MS = 350;

async function streamWords(page: Page, selector: string, words: string[]) {
  for (const w of words) {
    await page.locator(selector).evaluate((el, w) => el.append(w), w);
    await page.waitForTimeout(BURST_MS);
  }
}

describe('ChatGPT (no per-answer marker: stop button, action bar, stable text)', () => {
  const c = chatgpt.find((x) => x.file.includes('2026-09'))!;

  it('mounts nothing while the answer streams and exactly one panel after', async () => {
    browser.serve(c.url, { body: asDocument(fixtureHtml(c.file)) });
    const { page, errors } = await browser.open(c.url);
    await waitForPanels(page, c.answers.length);

    // A new turn as ChatGPT adds it: prompt, an empty answer unit, the stop button.
    await page.evaluate(() => {
      const turn = document.querySelector('[data-turn-key]')!.cloneNode(true) as Element;
      turn.querySelectorAll('[data-behind-the-answer]').forEach((h) => h.remove());
      turn.setAttribute('data-turn-key', 'turn-new');
      turn.querySelector('[data-user-message-bubble] [dir="auto"]')!.textContent = 'One more question';
      const unit = turn.querySelector('[data-chatgpt-search-message-ids^="a-"]')!;
      unit.setAttribute('data-chatgpt-search-message-ids', 'a-new a-new');
      unit.querySelector('[data-chatgpt-selection-message-id]')!.setAttribute('data-chatgpt-selection-message-id', 'a-new');
      unit.querySelector('[data-markdown-text-style]')!.replaceChildren(Object.assign(document.createElement('p'), { id: 'streaming' }));
      unit.querySelector('button[aria-label="Copy response"]')!.closest('div')!.remove();
      const stop = Object.assign(document.createElement('button'), { textContent: 'Stop' });
      stop.setAttribute('data-testid', 'stop-button');
      document.body.append(stop);
      document.querySelector('[data-turn-key]')!.parentElement!.prepend(turn); // column-reverse: newest first
    });
    await streamWords(page, '#streaming', ['The ', 'answer ', 'arrives ', 'word ', 'by ', 'word.']);
    expect(await panelKeys(page)).toHaveLength(c.answers.length);

    // Done: the stop button goes and the action bar appears.
    await page.evaluate(() => {
      document.querySelector('[data-testid="stop-button"]')!.remove();
      const bar = document.createElement('div');
      const copy = Object.assign(document.createElement('button'), { type: 'button' });
      copy.setAttribute('aria-label', 'Copy response');
      bar.append(copy);
      document.querySelector('[data-chatgpt-search-message-ids="a-new a-new"]')!.append(bar);
    });
    await waitForPanels(page, c.answers.length + 1);
    const keys = await panelKeys(page);
    expect(keys.filter((k) => k.endsWith(':id-a-new'))).toHaveLength(1);
    const text = await page.evaluate(() =>
      document.querySelector('[data-behind-the-answer$=":id-a-new"]')!.previousElementSibling!.textContent,
    );
    expect(text).toContain('The answer arrives word by word.');

    // Later changes inside the finished answer (a re-render) add no second panel.
    await page.evaluate(() => document.querySelector('#streaming')!.append(document.createElement('span')));
    await page.waitForTimeout(BURST_MS);
    expect(await panelKeys(page)).toHaveLength(c.answers.length + 1);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('Claude (per-answer marker: data-is-streaming)', () => {
  const c = claude[0]!;

  it('mounts nothing while the marker says streaming, exactly one panel once it flips', async () => {
    browser.serve(c.url, { body: asDocument(fixtureHtml(c.file)) });
    const { page, errors } = await browser.open(c.url);
    await waitForPanels(page, c.answers.length);

    await page.evaluate(() => {
      const answers = document.querySelectorAll('[data-is-streaming]');
      const last = answers[answers.length - 1]!;
      const copy = last.cloneNode(true) as Element;
      copy.querySelectorAll('[data-behind-the-answer]').forEach((h) => h.remove());
      copy.setAttribute('data-is-streaming', 'true');
      copy.id = 'new-answer';
      copy.querySelector('.font-claude-response')!.replaceChildren(Object.assign(document.createElement('p'), { id: 'streaming' }));
      const row = document.createElement('div');
      row.append(copy);
      (last.closest('[data-test-render-count]') ?? last.parentElement!).after(row);
    });
    await streamWords(page, '#streaming', ['Streaming ', 'with ', 'the ', 'marker ', 'on.']);
    // Text has been stable for longer than the no-marker window: only the marker holds it back.
    await page.waitForTimeout(1200);
    expect(await panelKeys(page)).toHaveLength(c.answers.length);

    await page.locator('#new-answer').evaluate((el) => el.setAttribute('data-is-streaming', 'false'));
    await waitForPanels(page, c.answers.length + 1);
    const key = await page.evaluate(() => document.querySelector('#new-answer')!.nextElementSibling?.getAttribute('data-behind-the-answer'));
    expect(key).toMatch(/^claude:0e6a9a0c-6f57-4f0b-9d57-3b3f2a8e1c11:/);
    expect(new Set(await panelKeys(page)).size).toBe(c.answers.length + 1);
    expect(errors).toEqual([]);
    await page.close();
  });
});
