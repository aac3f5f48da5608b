/**
 * A React page that re-renders, virtualises its list, rebuilds it wholesale and
 * navigates between conversations: exactly one panel per visible answer throughout,
 * the right conversation's panels only, and no errors from the page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, panelKeys, type Browser } from './harness';
import { reactPageHtml } from './react-page/build';

let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  const body = await reactPageHtml();
  browser = await launch();
  for (const c of ['conv-a', 'conv-b']) browser.serve(`https://chatgpt.com/c/${c}`, { body, scripts: true });
  ({ page, errors } = await browser.open('https://chatgpt.com/c/conv-a'));
});
afterAll(async () => {
  await browser?.close();
});

const keysFor = (conv: string, from: number, to: number) =>
  Array.from({ length: to - from }, (_, i) => `chatgpt:${conv}:id-${conv}-a${from + i}`);

/** Waits until every visible answer has exactly one panel, right after it, and nothing else has one. */
async function onePanelPerVisibleAnswer(expected: string[]) {
  await page.waitForFunction(
    (expected) => {
      const answers = [...document.querySelectorAll('[data-message-author-role="assistant"]')];
      const hosts = [...document.querySelectorAll('[data-behind-the-answer]')];
      return (
        hosts.length === expected.length &&
        answers.length === expected.length &&
        answers.every((a, i) => a.nextElementSibling?.getAttribute('data-behind-the-answer') === expected[i])
      );
    },
    expected,
    { timeout: 20_000 },
  );
}

/** Lets the page rebuild its whole list `n` more times. */
async function remounts(n: number) {
  const now = await page.evaluate(() => window.chat.remounts);
  await page.waitForFunction((target) => window.chat.remounts >= target, now + n);
}

describe('a React chat page', () => {
  it('has one panel per visible answer after load, through re-renders and rebuilds', async () => {
    await onePanelPerVisibleAnswer(keysFor('conv-a', 0, 8));
    await remounts(3);
    await onePanelPerVisibleAnswer(keysFor('conv-a', 0, 8));
  });

  it('follows the virtualised window down and back up, one panel each time', async () => {
    await page.evaluate(() => window.chat.scrollTo(20));
    await onePanelPerVisibleAnswer(keysFor('conv-a', 20, 28));
    await page.evaluate(() => window.chat.scrollTo(0));
    await onePanelPerVisibleAnswer(keysFor('conv-a', 0, 8));
    await remounts(2);
    await onePanelPerVisibleAnswer(keysFor('conv-a', 0, 8));
  });

  it('shows only the new conversation’s panels after SPA navigation', async () => {
    await page.evaluate(() => window.chat.go('conv-b'));
    await onePanelPerVisibleAnswer(keysFor('conv-b', 0, 5));
    await remounts(2);
    expect((await panelKeys(page)).filter((k) => !k.startsWith('chatgpt:conv-b:'))).toEqual([]);
    await page.goBack();
    await onePanelPerVisibleAnswer(keysFor('conv-a', 0, 8));
  });

  it('logged no page errors (React reports DOM it did not expect)', () => {
    expect(errors).toEqual([]);
  });
});
