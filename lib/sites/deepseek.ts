import type { SiteAdapter } from './types';

/**
 * DeepSeek (chat.deepseek.com). Messages are rows of a virtual list
 * (`[data-virtual-list-item-key]`), both authors rendered as `.ds-message`; only the assistant's
 * holds `.ds-markdown`. Most other classes are hashed per build, so the few hashed ones used
 * here come after a stable alternative. The action footer follows the message inside the row
 * and moved between 2026-05 and 2026-08 (S1 history).
 */
export const deepseek: SiteAdapter = {
  id: 'deepseek',
  name: 'DeepSeek',
  vendor: 'deepseek',
  hosts: ['chat.deepseek.com'],
  conversationId: /^\/a\/chat\/s\/([0-9a-z-]+)/i,
  selectors: {
    answer: [
      '.ds-message:has(.ds-assistant-message-main-content)',
      // Before the main-content class: the reply's markdown was the message's direct child.
      '.ds-message:has(> .ds-markdown)',
    ],
    body: ['.ds-markdown.ds-assistant-message-main-content', '.ds-markdown'],
    // Hashed first: the structural fallback also takes an answer that has not rendered text yet.
    prompt: ['.ds-message .fbb737a4', '.ds-message:not(:has(.ds-markdown))'],
    strip: [
      // DeepThink's reasoning (older) and the collapsible "Thought for Ns" / "Read N web pages" area (2026-05).
      '.ds-think-content',
      '[style*="--collapsible-area-title-height"]',
      // Code-block header: language label, Copy and Download.
      '.md-code-block-banner-wrap',
    ],
    turn: '[data-virtual-list-item-key]',
    // S1's rule: the send control is enabled while the composer is empty only when it is a stop button.
    generating: ['div:has(> textarea:placeholder-shown) ~ div input[type="file"] + [role="button"][aria-disabled="false"]'],
    actionBar: [
      '.ds-message + div > .ds-flex [role="button"]',
      '.ds-message + div + div > .ds-flex [role="button"]',
    ],
    key: [{ selector: '[data-virtual-list-item-key]', attr: 'data-virtual-list-item-key', where: 'closest' }],
    // Both are modes: the header tier ("Expert") and, on older pages, the DeepThink toggle.
    model: [
      { selector: '.the-header .ds-icon + span', kind: 'mode' },
      { selector: '.ds-toggle-button[aria-pressed="true"]', pattern: /^(DeepThink(?: \(R1\))?)/, kind: 'mode' },
    ],
  },
};
