/**
 * Grok beyond the 2026-03 capture: completion signals (the site has no per-answer streaming
 * attribute), the reported data-testid bubbles, addresses and hosts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { grok } from '../../../lib/sites/grok';
import { siteFor } from '../../../lib/sites';
import { conversationIdOf, findAnswers, parsePage } from '../../../lib/sites/parse';
import { hasActionBar, isGenerating, markerState } from '../../../lib/sites/state';

const CONV = '3c6f1a2e-8d4b-4f0e-9a57-2b1d6e0c4f88';
const url = new URL(`https://grok.com/c/${CONV}`);

// Shape of the 2026-03 capture, classes reduced to the ones the adapter reads.
const page = (withActions: boolean, stop = false) => `
  <div id="response-u1" class="group flex flex-col items-end">
    <div class="message-bubble rounded-br-lg"><div class="response-content-markdown"><p>Hi?</p></div></div>
    <div class="action-buttons"><button aria-label="Edit"></button></div>
  </div>
  <div id="response-a1" class="group flex flex-col items-start">
    <div class="message-bubble">
      <div class="thinking-container"><button><span>Thought for 6s</span></button></div>
      <div class="response-content-markdown"><p>Hello.</p>
        <div data-testid="code-block"><div><span class="font-mono select-none">Python</span></div><pre><code>print(1)</code></pre></div>
      </div>
    </div>
    ${withActions ? '<div class="action-buttons"><button aria-label="Regenerate"></button><button aria-label="Copy"></button></div>' : ''}
  </div>
  ${stop ? '<form><button aria-label="Stop model response"></button></form>' : ''}`;

afterEach(() => {
  document.body.innerHTML = '';
});

describe('grok', () => {
  it('reads the answer without thinking toggle or code-block label, keyed by the response row', () => {
    document.body.innerHTML = page(true);
    const [a, ...rest] = parsePage(document, grok, url);
    expect(rest).toHaveLength(0);
    expect(a!.text).toBe('Hello.\nprint(1)');
    expect(a!.prompt).toBe('Hi?');
    expect(a!.key).toBe(`grok:${CONV}:id-response-a1`);
  });

  it('is finished only once the row has its action bar and no stop button shows', () => {
    document.body.innerHTML = page(false, true);
    const [answer] = findAnswers(document, grok);
    expect(markerState(answer!, grok)).toBe('unknown');
    expect(isGenerating(document, grok)).toBe(true);
    expect(hasActionBar(answer!, grok)).toBe(false);

    document.body.innerHTML = page(true);
    expect(isGenerating(document, grok)).toBe(false);
    expect(hasActionBar(findAnswers(document, grok)[0]!, grok)).toBe(true);
  });

  it('does not take the user row’s Edit bar for an answer’s action bar', () => {
    document.body.innerHTML = page(false);
    expect(hasActionBar(findAnswers(document, grok)[0]!, grok)).toBe(false);
  });

  it('prefers the data-testid bubbles where the page has them', () => {
    document.body.innerHTML = `
      <div id="response-u2"><div data-testid="user-message" class="message-bubble"><p>Q</p></div></div>
      <div id="response-a2"><div role="article" aria-label="Grok" data-testid="assistant-message" class="message-bubble">
        <div class="thinking-container">Thinking about Q</div>
        <div class="response-content-markdown"><p>A</p></div>
      </div></div>`;
    const [a] = parsePage(document, grok, url);
    expect(a).toMatchObject({ text: 'A', prompt: 'Q', key: `grok:${CONV}:id-response-a2` });
  });

  it('reads the conversation id from /c/<uuid>, with or without ?rid=', () => {
    expect(conversationIdOf(grok, url)).toBe(CONV);
    expect(conversationIdOf(grok, new URL(`https://grok.com/c/${CONV}?rid=9b2f`))).toBe(CONV);
    expect(conversationIdOf(grok, new URL('https://grok.com/'))).toBeNull();
    expect(conversationIdOf(grok, new URL('https://grok.com/imagine'))).toBeNull();
  });

  it('serves grok.com only (x.com/i/grok is another DOM)', () => {
    expect(siteFor(new URL(`https://grok.com/c/${CONV}`))?.id).toBe('grok');
    expect(siteFor(new URL('https://x.com/i/grok'))).toBeNull();
  });
});
