/**
 * Meta AI beyond the 2026-05 capture: its per-answer streaming state, the composer's stop
 * button, addresses and hosts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { meta } from '../../../lib/sites/meta';
import { siteFor } from '../../../lib/sites';
import { conversationIdOf, findAnswers, parsePage } from '../../../lib/sites/parse';
import { hasActionBar, isGenerating, markerState } from '../../../lib/sites/state';

const CONV = 'd6feeb65-bf42-43f6-a5fa-a4021eb5dbd3';
const url = new URL(`https://www.meta.ai/prompt/${CONV}`);

// Shape of the 2026-05 capture, reduced.
const page = (state: string, complete: string, done: boolean) => `
  <div data-message-item="true" data-message-id="${CONV}_1_user">
    <div data-message-type="user" class="group/user-message"><span data-slot="text">Hi</span><span data-slot="text">Today</span></div>
  </div>
  <div data-message-item="true" data-message-id="${CONV}_2_assistant">
    <div class="group/assistant-message" data-testid="assistant-message" data-streaming-state="${state}" data-streaming-complete="${complete}">
      <div><div class="markdown-content"><p>Hello <a data-testid="citation-pill" aria-label="en.wikipedia.org">en.wikipedia.org</a></p></div></div>
      <div><div class="markdown-content"><div data-streamdown="code-block"><div data-streamdown="code-block-header">elixir</div><pre><code>IO.puts 1</code></pre></div></div></div>
      ${done ? '<div><button aria-label="Copy response"></button><button data-testid="sources-pill"><span>Sources</span></button></div>' : ''}
    </div>
  </div>
  ${done ? '' : '<button data-testid="composer-stop-button"></button>'}`;

afterEach(() => {
  document.body.innerHTML = '';
});

describe('meta', () => {
  it('reads every block of the answer, without chips or the code label, keyed by the message id', () => {
    document.body.innerHTML = page('DONE', 'true', true);
    const [a] = parsePage(document, meta, url);
    expect(a).toMatchObject({ text: 'Hello\nIO.puts 1', prompt: 'Hi', key: `meta:${CONV}:id-${CONV}_2_assistant` });
  });

  it('follows the streaming state of each answer', () => {
    document.body.innerHTML = page('STREAMING', 'false', false);
    const [a] = findAnswers(document, meta);
    expect(markerState(a!, meta)).toBe('writing');
    expect(isGenerating(document, meta)).toBe(true);
    expect(hasActionBar(a!, meta)).toBe(false);

    document.body.innerHTML = page('DONE', 'true', true);
    const [b] = findAnswers(document, meta);
    expect(markerState(b!, meta)).toBe('done');
    expect(isGenerating(document, meta)).toBe(false);
    expect(hasActionBar(b!, meta)).toBe(true);
  });

  it('falls back to data-streaming-complete when the state attribute is gone', () => {
    document.body.innerHTML = page('DONE', 'false', false);
    const [a] = findAnswers(document, meta);
    a!.removeAttribute('data-streaming-state');
    expect(markerState(a!, meta)).toBe('writing');
    a!.setAttribute('data-streaming-complete', 'true');
    expect(markerState(a!, meta)).toBe('done');
  });

  it('reads the conversation id from /prompt/<uuid> and /c/<id>', () => {
    expect(conversationIdOf(meta, url)).toBe(CONV);
    expect(conversationIdOf(meta, new URL(`https://meta.ai/c/${CONV}`))).toBe(CONV);
    expect(conversationIdOf(meta, new URL('https://www.meta.ai/'))).toBeNull();
  });

  it('serves meta.ai with and without www', () => {
    expect(siteFor(new URL('https://www.meta.ai/'))?.id).toBe('meta');
    expect(siteFor(new URL('https://meta.ai/'))?.id).toBe('meta');
    expect(siteFor(new URL('https://www.meta.com/'))).toBeNull();
  });
});

describe('Meta AI formulas', () => {
  it('reads a formula drawn as an image as its TeX', () => {
    document.body.innerHTML = `<div data-testid="assistant-message"><div class="markdown-content"><p>Euler:
      <img alt="e^{i\\pi}+1=0" class="my-1 inline-block dark:invert" src="x.png"> and a photo
      <img alt="A cat" class="rounded" src="cat.png"></p></div></div>`;
    const [a] = parsePage(document, meta, url);
    expect(a!.text).toBe('Euler: $e^{i\\pi}+1=0$ and a photo');
  });
});
