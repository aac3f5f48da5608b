/**
 * Le Chat beyond the 2026-05 capture: a reply while it is written (no per-answer attribute:
 * the in-message action buttons and the composer's stop square), addresses and hosts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mistral } from '../../../lib/sites/mistral';
import { siteFor } from '../../../lib/sites';
import { conversationIdOf, findAnswers, parsePage } from '../../../lib/sites/parse';
import { hasActionBar, isGenerating, markerState } from '../../../lib/sites/state';

const CONV = '7f3c2a9e-1b4d-4e8f-a6c2-5d9e0b1f3a47';
const url = new URL(`https://chat.mistral.ai/chat/${CONV}`);

// Shape of the 2026-05 capture, reduced.
const page = (done: boolean) => `
  <div data-message-author-role="user" data-message-id="u1" data-message-version="0">
    <div class="select-text"><span class="whitespace-pre-wrap">Capital of Peru?</span></div>
    <button aria-label="Edit question"></button>
  </div>
  <div data-message-author-role="assistant" data-message-id="a1" data-message-version="0">
    <div data-state="closed"><button aria-controls="collapsible-content-x">Worked for 3s</button>
      <div id="collapsible-content-x" role="region"><div class="markdown-container-style"><p>The user asks…</p></div></div>
    </div>
    <div class="markdown-container-style" data-message-part-type="answer"><p>Lima.</p></div>
    ${done ? '<div><div>1:04pm</div><button aria-label="Like"></button><button aria-label="Rewrite"></button></div>' : ''}
  </div>
  <form><button type="submit"><svg>${done ? '<path d="M0 0"></path>' : '<rect rx="2"></rect>'}</svg></button></form>`;

afterEach(() => {
  document.body.innerHTML = '';
});

describe('mistral', () => {
  it('reads the answer part only, keyed by the message id', () => {
    document.body.innerHTML = page(true);
    const [a, ...rest] = parsePage(document, mistral, url);
    expect(rest).toHaveLength(0);
    expect(a).toMatchObject({ text: 'Lima.', prompt: 'Capital of Peru?', key: `mistral:${CONV}:id-a1` });
  });

  it('skips the reasoning when the answer part has no part type', () => {
    document.body.innerHTML = page(true).replace(' data-message-part-type="answer"', '');
    expect(parsePage(document, mistral, url)[0]!.text).toBe('Lima.');
  });

  it('is writing while the stop square shows and the action buttons are missing', () => {
    document.body.innerHTML = page(false);
    const [a] = findAnswers(document, mistral);
    expect(markerState(a!, mistral)).toBe('unknown');
    expect(isGenerating(document, mistral)).toBe(true);
    expect(hasActionBar(a!, mistral)).toBe(false);

    document.body.innerHTML = page(true);
    expect(isGenerating(document, mistral)).toBe(false);
    expect(hasActionBar(findAnswers(document, mistral)[0]!, mistral)).toBe(true);
  });

  it('reads the conversation id from /chat/<uuid>', () => {
    expect(conversationIdOf(mistral, url)).toBe(CONV);
    expect(conversationIdOf(mistral, new URL('https://chat.mistral.ai/chat'))).toBeNull();
    expect(siteFor(url)?.id).toBe('mistral');
    expect(siteFor(new URL('https://mistral.ai/'))).toBeNull();
  });
});
