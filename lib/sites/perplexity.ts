import type { SiteAdapter } from './types';

/**
 * Perplexity. Answers are `div#markdown-content-<n>`; a 2026-08 rollout leaves that div
 * as an EMPTY placeholder and renders the answer prose beside it (obsidian-AI-exporter
 * #444), so a placeholder without prose must not win the chain. The user bubble changed
 * on 2026-09-25 to `group/user-bubble` with the markdown renderer. No per-answer
 * streaming attribute; the answer's action bar appears when done. The model picker only
 * says "Model", so no model is read.
 */
export const perplexity: SiteAdapter = {
  id: 'perplexity',
  name: 'Perplexity',
  vendor: 'perplexity',
  hosts: ['www.perplexity.ai', 'perplexity.ai'],
  conversationId: /^\/search\/([^/?#]+)/,
  selectors: {
    answer: [
      'div[id^="markdown-content-"]:has(.prose)',
      // Placeholder layout: the prose itself; `inline` tells it from a Deep Research card's prose.
      '.prose.dark\\:prose-invert.inline',
      '.prose.inline',
    ],
    body: ['[data-renderer="lm"]', '.prose'],
    prompt: [
      '[class*="group/user-bubble"] [data-renderer="lm"]',
      '[class~="group/query"] span.select-text',
      'span.select-text',
    ],
    // Citation pills show the source's name ("perplexity") inside the sentence.
    strip: ['[data-pplx-citation]', '[data-pplx-citation-url]', '.citation', '.citation-nbsp'],
    // Each answer sits in its own tab panel (Answer / Links / Images), with its action bar.
    turn: '[role="tabpanel"]',
    generating: ['button[aria-label*="stop" i]'],
    // Localised labels only; no test ids on these buttons.
    actionBar: ['button[aria-label="Copy"]', 'button[aria-label="Helpful"]'],
    key: [
      { selector: '[id^="markdown-content-"]', attr: 'id', where: 'self' },
      { selector: '[id^="markdown-content-"]', attr: 'id', where: 'closest' },
    ],
  },
};
