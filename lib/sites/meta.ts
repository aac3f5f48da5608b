import type { SiteAdapter } from './types';

/**
 * Meta AI (meta.ai). Classes are Meta's atomic CSS, so only data attributes and the
 * `group/…-message` names are used. One of the few sites with a per-answer streaming state.
 * Message ids are `<conversation uuid>_<n>_assistant`, on the message item around the answer.
 */
export const meta: SiteAdapter = {
  id: 'meta',
  name: 'Meta AI',
  vendor: 'meta',
  hosts: ['www.meta.ai', 'meta.ai'],
  conversationId: /^\/(?:prompt|c)\/([0-9a-z-]+)/i,
  selectors: {
    answer: ['[data-testid="assistant-message"]', '[class~="group/assistant-message"]'],
    // The answer is several markdown blocks (paragraph, code, table…): read their common parent.
    // The reply is a stack of sibling `.markdown-content` blocks (text, code, table, heading…)
    // with no element of their own around them worth naming: read the whole answer, minus chrome.
    body: [],
    prompt: ['[data-message-type="user"]', '[class~="group/user-message"]'],
    promptBody: ['[data-slot="text"]'],
    // Formulas come as inverted-in-dark-mode images with the TeX as alt text.
    mathImage: 'img[alt][class~="dark:invert"]',
    strip: [
      // Code-block header: the language name.
      '[data-streamdown="code-block-header"]',
      // Source chips after paragraphs ("en.wikipedia.org") and the "Sources" pill.
      '[data-testid="citation-pill"]',
      '[data-testid="sources-pill"]',
    ],
    turn: '[data-message-item]',
    streaming: [
      { selector: '[data-streaming-state]', attr: 'data-streaming-state', done: ['DONE'] },
      { selector: '[data-streaming-complete]', attr: 'data-streaming-complete', done: ['true'] },
    ],
    generating: ['button[data-testid="composer-stop-button"]'],
    actionBar: ['button[aria-label="Copy response"]', 'button[aria-label="Like this response"]', 'button[aria-label="Regenerate response"]'],
    key: [{ selector: '[data-message-id]', attr: 'data-message-id', where: 'closest' }],
  },
};
