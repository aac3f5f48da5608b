import type { SiteAdapter } from './types';

/**
 * Le Chat (chat.mistral.ai). Messages carry author, id and version attributes. An assistant
 * message holds the reasoning ("Worked for 3s" / "Thought for 3s", collapsed) as a second
 * `.markdown-container-style` before the answer part, so the body is picked by part type.
 */
export const mistral: SiteAdapter = {
  id: 'mistral',
  name: 'Le Chat',
  vendor: 'mistral',
  hosts: ['chat.mistral.ai'],
  conversationId: /^\/chat\/([0-9a-z-]+)/i,
  selectors: {
    answer: ['div[data-message-author-role="assistant"]'],
    body: [
      '[data-message-part-type="answer"]',
      '[data-testid="text-message-part"]',
      '.markdown-container-style',
    ],
    prompt: ['div[data-message-author-role="user"]'],
    promptBody: ['.select-text', '.whitespace-pre-wrap'],
    strip: [
      // The "Worked for 3s" disclosure: reasoning (and tool steps) in a collapsible region.
      '[id^="collapsible-content-"]',
      // Code-block header: language name beside the copy button.
      '[data-testid="code-block"] .select-none',
    ],
    // S1: the send button turns into a stop square while a reply is written.
    generating: ['form rect[rx="2"]'],
    // Inside the message once it is finished (the message has no separate footer row).
    actionBar: ['button[aria-label="Rewrite"]', 'button[aria-label="Like"]', 'button[aria-label="Read aloud"]'],
    key: [{ selector: '[data-message-id]', attr: 'data-message-id', where: 'self' }],
  },
};
