/**
 * DeepSeek beyond the 2026-05 capture: an answer while it streams (no per-answer attribute,
 * only the footer and S1's composer heuristic), the 2026-08 footer position, DeepThink's
 * reasoning block, addresses and hosts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { deepseek } from '../../../lib/sites/deepseek';
import { siteFor } from '../../../lib/sites';
import { conversationIdOf, findAnswers, parsePage } from '../../../lib/sites/parse';
import { hasActionBar, isGenerating, markerState } from '../../../lib/sites/state';

const CONV = '5b1d7c7e-2f6a-4c1e-9d0b-8a4e3f2c1b90';
const url = new URL(`https://chat.deepseek.com/a/chat/s/${CONV}`);

const footer = '<div><div class="ds-flex"><div role="button" aria-disabled="false"></div></div></div>';
const composer = (sendEnabled: boolean) => `
  <div><div><textarea placeholder="Message DeepSeek"></textarea></div>
    <div><input type="file"><div role="button" aria-disabled="${sendEnabled}"></div></div></div>`;

const page = ({ done = true, footerGap = 1, sendEnabled = false } = {}) => `
  <div class="ds-virtual-list-visible-items">
    <div data-virtual-list-item-key="1"><div class="ds-message"><div class="fbb737a4">Why is the sky blue?</div></div></div>
    <div data-virtual-list-item-key="2">
      <div class="ds-message">
        <div class="ds-think-content"><div class="ds-markdown"><p>The user asks about Rayleigh scattering…</p></div></div>
        <div class="ds-markdown ds-assistant-message-main-content"><p>Rayleigh scattering.</p></div>
      </div>
      ${done ? (footerGap ? '<div class="ds-theme"></div>' : '') + footer : ''}
    </div>
  </div>
  ${composer(sendEnabled)}`;

afterEach(() => {
  document.body.innerHTML = '';
});

describe('deepseek', () => {
  it('reads the reply without DeepThink reasoning, keyed by the list row', () => {
    document.body.innerHTML = page();
    const [a, ...rest] = parsePage(document, deepseek, url);
    expect(rest).toHaveLength(0);
    expect(a).toMatchObject({ text: 'Rayleigh scattering.', prompt: 'Why is the sky blue?', key: `deepseek:${CONV}:id-2` });
  });

  it('still strips the reasoning when the main-content class is missing (older layout)', () => {
    document.body.innerHTML = page().replace(' ds-assistant-message-main-content', '');
    expect(parsePage(document, deepseek, url)[0]!.text).toBe('Rayleigh scattering.');
  });

  it('finds the footer in its 2026-05 and 2026-08 positions, and only once written', () => {
    document.body.innerHTML = page({ footerGap: 1 });
    expect(hasActionBar(findAnswers(document, deepseek)[0]!, deepseek)).toBe(true);
    document.body.innerHTML = page({ footerGap: 0 });
    expect(hasActionBar(findAnswers(document, deepseek)[0]!, deepseek)).toBe(true);
    document.body.innerHTML = page({ done: false });
    const [a] = findAnswers(document, deepseek);
    expect(hasActionBar(a!, deepseek)).toBe(false);
    expect(markerState(a!, deepseek)).toBe('unknown');
  });

  it('is not generating when the send control is disabled (the finished capture)', () => {
    // The "enabled beside an empty composer" case needs :placeholder-shown, which happy-dom lacks.
    document.body.innerHTML = page({ sendEnabled: false });
    expect(isGenerating(document, deepseek)).toBe(false);
  });

  it('reads the conversation id from /a/chat/s/<id>', () => {
    expect(conversationIdOf(deepseek, url)).toBe(CONV);
    expect(conversationIdOf(deepseek, new URL('https://chat.deepseek.com/'))).toBeNull();
    expect(siteFor(url)?.id).toBe('deepseek');
    expect(siteFor(new URL('https://www.deepseek.com/'))).toBeNull();
  });
});
