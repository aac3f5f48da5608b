/**
 * Perplexity beyond the 2026-02 capture: the 2026-08 placeholder layout (answer prose
 * beside an empty `markdown-content` div, obsidian-AI-exporter #444), the 2026-09 user
 * bubble, completion signals (no per-answer marker), addresses and hosts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { perplexity } from '../../../lib/sites/perplexity';
import { siteFor } from '../../../lib/sites';
import { conversationIdOf, findAnswers, parsePage } from '../../../lib/sites/parse';
import { hasActionBar, isGenerating, markerState } from '../../../lib/sites/state';

const url = new URL('https://www.perplexity.ai/search/why-is-the-sky-blue-Jx3kP9vQTAy7bN2mWc5eRg');

afterEach(() => {
  document.body.innerHTML = '';
});

describe('perplexity layouts', () => {
  it('finds the prose beside an empty placeholder, and the 2026-09 user bubble', () => {
    document.body.innerHTML = `
      <div class="group/user-bubble"><div data-renderer="lm"><p>Why is the sky blue?</p></div></div>
      <div role="tabpanel">
        <div id="markdown-content-0"></div>
        <div class="prose dark:prose-invert inline"><div data-renderer="lm"><p>Rayleigh scattering.<span class="citation-nbsp"></span><span class="citation" data-pplx-citation-url="https://en.wikipedia.org/">wikipedia</span></p></div></div>
      </div>`;
    const [a] = parsePage(document, perplexity, url);
    expect(a!.text).toBe('Rayleigh scattering.');
    expect(a!.prompt).toBe('Why is the sky blue?');
    expect(a!.key).toMatch(/^perplexity:why-is-the-sky-blue-Jx3kP9vQTAy7bN2mWc5eRg:h-/);
  });

  it('stop button while writing, the answer action bar once done', () => {
    const page = (done: boolean) => `
      <div role="tabpanel"><div id="markdown-content-0"><div class="prose"><p>Hi</p></div></div>
      ${done ? '<div><button aria-label="Copy"></button><button aria-label="Helpful"></button></div>' : ''}</div>`;
    document.body.innerHTML = page(false) + '<button aria-label="Stop generating"></button>';
    let [a] = findAnswers(document, perplexity);
    expect(markerState(a!, perplexity)).toBe('unknown');
    expect(isGenerating(document, perplexity)).toBe(true);
    expect(hasActionBar(a!, perplexity)).toBe(false);

    document.body.innerHTML = page(true);
    [a] = findAnswers(document, perplexity);
    expect(isGenerating(document, perplexity)).toBe(false);
    expect(hasActionBar(a!, perplexity)).toBe(true);
  });
});

describe('perplexity addresses', () => {
  it('reads the thread slug from /search/<slug>', () => {
    expect(conversationIdOf(perplexity, url)).toBe('why-is-the-sky-blue-Jx3kP9vQTAy7bN2mWc5eRg');
    expect(conversationIdOf(perplexity, new URL('https://www.perplexity.ai/'))).toBeNull();
    expect(conversationIdOf(perplexity, new URL('https://www.perplexity.ai/discover/tech'))).toBeNull();
  });

  it('serves www and bare perplexity.ai', () => {
    expect(siteFor(url)).toBe(perplexity);
    expect(siteFor(new URL('https://perplexity.ai/search/x'))).toBe(perplexity);
    expect(siteFor(new URL('https://docs.perplexity.ai/'))).toBeNull();
  });
});
