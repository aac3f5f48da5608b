/**
 * Gemini beyond the finished ja-locale capture: aria-busy while writing, expanded
 * thinking ahead of the answer, the English mode picker, addresses and hosts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { gemini } from '../../../lib/sites/gemini';
import { siteFor } from '../../../lib/sites';
import { conversationIdOf, findAnswers, modelOf, parsePage } from '../../../lib/sites/parse';
import { hasActionBar, isGenerating, markerState } from '../../../lib/sites/state';

const url = new URL('https://gemini.google.com/app/3f9a1c07b2d4e856');

// Shape of one turn as in the 2026-02 capture, thoughts per S3/S5 notes (model-thoughts
// holds its own message-content before the answer's).
const turn = (busy: string, done: boolean, thoughts = '') => `
  <div class="conversation-container" id="6cc71b18a6f630bb">
    <user-query><div class="query-text"><span class="cdk-visually-hidden">You said</span>
      <p class="query-text-line">Why is the sky blue?</p><p class="query-text-line">Briefly.</p></div></user-query>
    <model-response><response-container>
      <div class="thoughts-container">${thoughts}</div>
      <h2 class="cdk-visually-hidden">Gemini said</h2>
      <message-content id="message-content-id-r_6cc71b18a6f630bb">
        <div class="markdown markdown-main-panel" id="model-response-message-contentr_6cc71b18a6f630bb" aria-busy="${busy}">
          <p>Rayleigh scattering.</p></div>
      </message-content>
      ${done ? '<message-actions footer=""><button aria-label="Copy">content_copy</button></message-actions>' : ''}
    </response-container></model-response>
  </div>`;

const thinking = `<model-thoughts><button>Show thinking</button>
  <message-content><div class="markdown markdown-main-panel" aria-busy="false"><p>The user asks about optics.</p></div></message-content>
</model-thoughts>`;

afterEach(() => {
  document.body.innerHTML = '';
});

describe('gemini streaming state', () => {
  it('reads aria-busy on the answer body, not on the thoughts before it', () => {
    document.body.innerHTML = turn('true', false, thinking) + '<mat-icon fonticon="stop"></mat-icon>';
    const [a] = findAnswers(document, gemini);
    expect(markerState(a!, gemini)).toBe('writing');
    expect(isGenerating(document, gemini)).toBe(true);
    expect(hasActionBar(a!, gemini)).toBe(false);

    document.body.innerHTML = turn('false', true, thinking);
    const [b] = findAnswers(document, gemini);
    expect(markerState(b!, gemini)).toBe('done');
    expect(isGenerating(document, gemini)).toBe(false);
    expect(hasActionBar(b!, gemini)).toBe(true);
  });

  it('keeps expanded thinking and the hidden labels out of the text, and the whole prompt in', () => {
    document.body.innerHTML = turn('false', true, thinking);
    const [info] = parsePage(document, gemini, url);
    expect(info!.text).toBe('Rayleigh scattering.');
    expect(info!.prompt).toBe('Why is the sky blue?\nBriefly.');
    expect(info!.key).toBe('gemini:3f9a1c07b2d4e856:id-6cc71b18a6f630bb');
  });
});

describe('gemini mode', () => {
  it('falls back to the English picker label, as a mode', () => {
    document.body.innerHTML =
      turn('false', true) + '<button data-test-id="bard-mode-menu-button" aria-label="Open mode picker, currently Flash"></button>';
    const [a] = findAnswers(document, gemini);
    expect(modelOf(a!, document, gemini)).toEqual({ model: null, mode: 'Flash' });
  });
});

describe('gemini addresses', () => {
  it('reads app, gem and account-prefixed conversation ids', () => {
    const id = (p: string) => conversationIdOf(gemini, new URL(`https://gemini.google.com${p}`));
    expect(id('/app/3f9a1c07b2d4e856')).toBe('3f9a1c07b2d4e856');
    expect(id('/u/1/app/3f9a1c07b2d4e856?hl=ja')).toBe('3f9a1c07b2d4e856');
    expect(id('/gem/coding-partner/3f9a1c07b2d4e856')).toBe('3f9a1c07b2d4e856');
    expect(id('/app')).toBeNull();
  });

  it('is the adapter for gemini.google.com only', () => {
    expect(siteFor(new URL('https://gemini.google.com/app'))).toBe(gemini);
    expect(siteFor(new URL('https://www.google.com/search?q=gemini'))).toBeNull();
  });
});
