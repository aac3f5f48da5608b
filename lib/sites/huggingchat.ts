import type { SiteAdapter } from './types';

/**
 * HuggingChat, the huggingface/chat-ui app served under huggingface.co/chat. Its source is
 * public, so the selectors follow the component markup: messages carry `data-message-id`
 * plus `data-message-role="assistant"` (answers) or `data-message-type="user"` (prompts).
 * An answer is a list of blocks: `.prose` text, and tool calls / <think> reasoning wrapped in
 * `[data-exclude-from-copy]` (the site's own "not part of the answer" marker). The reasoning
 * viewport has a `.prose` of its own, and text can continue after a tool call, so the body is
 * the whole bubble minus the excluded blocks rather than the first `.prose`.
 * The footer beside the bubble holds the router chips ("<route> with <model> via <provider>")
 * and the copy/retry buttons, which chat-ui renders only once the answer has finished.
 */
export const huggingchat: SiteAdapter = {
  id: 'huggingchat',
  name: 'HuggingChat',
  vendor: 'huggingface',
  hosts: ['huggingface.co'],
  // With the slash: huggingface.co/chatglm/… is a model page, not the chat app.
  pathPrefix: '/chat/',
  // `/chat/conversation/<ObjectId>`; shared copies live at `/chat/r/<shareId>`.
  conversationId: /^\/chat\/(?:conversation|r)\/([\w-]+)/,
  selectors: {
    answer: ['[data-message-role="assistant"][data-message-id]', '[data-message-role="assistant"]'],
    body: ['[data-message-role="assistant"] > .rounded-2xl'],
    prompt: ['[data-message-type="user"][data-message-id]', '[data-message-type="user"]'],
    promptBody: ['p.whitespace-break-spaces', 'p'],
    strip: [
      '[data-exclude-from-copy]',
      // While reasoning streams the viewport can render before its wrapper settles.
      '.thinking-viewport',
      // Footer: router chips and buttons (if the bubble selector ever misses).
      '[data-message-role="assistant"] > .absolute',
    ],
    generating: [
      'button.stop-generating-btn',
      'button[aria-label="Stop generating"]',
      // IconLoading inside the last answer while it waits for tokens.
      '[data-message-role="assistant"] .loading',
    ],
    // Scoped to the footer: code blocks inside the text have copy buttons of their own.
    actionBar: [
      '[data-message-role="assistant"] > .absolute button[title="Retry"]',
      '[data-message-role="assistant"] > .absolute button[title="Copy to clipboard"]',
    ],
    key: [{ selector: '[data-message-id]', attr: 'data-message-id', where: 'self' }],
    model: [
      // Router chip of this answer: the href has the full repo id (org = the real vendor).
      {
        selector: 'a[href^="/chat/settings/"]',
        attr: 'href',
        pattern: /^\/chat\/settings\/(.+)$/,
        kind: 'model',
        scope: 'answer',
      },
      // Composer: "Model: <displayName>", or the router's own name ("Omni").
      {
        selector: 'a.inline-flex[href^="/chat/settings/"]',
        pattern: /^(?:Model:\s*)?(.+)$/,
        kind: 'model',
      },
    ],
  },
};
