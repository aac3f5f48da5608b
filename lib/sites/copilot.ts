import type { SiteAdapter } from './types';

/**
 * Microsoft Copilot. Served on copilot.microsoft.com and, since 2026-03, copilot.com.
 * Messages are `role="article"` groups with a screen-reader "Copilot said"/"You said"
 * heading; the site marks its own chrome `data-copy="false"` (left out of its copy).
 * No per-answer streaming attribute: only the global stop button and the reactions bar.
 */
export const copilot: SiteAdapter = {
  id: 'copilot',
  name: 'Copilot',
  vendor: 'microsoft',
  hosts: ['copilot.microsoft.com', 'copilot.com', 'www.copilot.com'],
  conversationId: /^\/chats\/([A-Za-z0-9_-]+)/,
  selectors: {
    answer: ['[data-content="ai-message"]', '[class~="group/ai-message"]'],
    // An answer can have several items (`<id>-content-N`): read them all from the answer.
    body: [],
    prompt: ['[data-content="user-message"]', '[class~="group/user-message"]'],
    promptBody: ['[data-content="user-message"]'],
    strip: [
      '[data-copy="false"]',
      '[data-testid="message-item-reactions"]',
      // Code block header: the language label ("python") above the block. Only a utility
      // class marks it (`:has()` with combinators would be neater, but happy-dom misreads it).
      '.rounded-xl span.capitalize',
    ],
    generating: ['button[data-testid="stop-button"]'],
    actionBar: ['[data-testid="message-item-reactions"]', '[data-testid="copy-ai-message-button"]'],
    key: [
      // Message id prefix: `<21-char id>-content-0`, `<id>-author`.
      { selector: '[id$="-author"]', attr: 'id', where: 'inside' },
      { selector: '[id$="-content-0"]', attr: 'id', where: 'inside' },
    ],
    model: [
      // "Smart", "Quick", "Think Deeper": response modes; the page never names the model.
      { selector: '[data-testid^="composer-chat-mode-"]', kind: 'mode' },
    ],
  },
};
