import type { SiteAdapter } from './types';

/**
 * Qwen Chat. Plain semantic class names (`qwen-chat-message-*`, `qwen-markdown-*`); only the
 * header picker uses hashed CSS-module classes, matched by prefix. The message wrapper's id
 * carries the message uuid (`qwen-chat-message-assistant-<uuid>`), the only stable key.
 * An answer is split into phases: the thinking card and thinking/search phases sit beside
 * `.response-message-content.phase-answer`, which is the text.
 */
export const qwen: SiteAdapter = {
  id: 'qwen',
  name: 'Qwen',
  vendor: 'alibaba',
  hosts: ['chat.qwen.ai'],
  // `/c/<uuid>` chats, `/s/<id>` shared links; `/c/guest` is an unsaved guest chat, not an id.
  conversationId: /^\/[cs]\/(?!guest(?:[/?#]|$))([\w-]+)/i,
  selectors: {
    answer: ['.qwen-chat-message-assistant', '.chat-response-message'],
    body: [
      '.response-message-content.phase-answer',
      // Layouts without phase classes: any content block that is not a thinking phase.
      '.response-message-content',
      '.qwen-markdown',
    ],
    prompt: ['.qwen-chat-message-user'],
    promptBody: ['.user-message-content', '.chat-user-message'],
    strip: [
      // "Thought completed" card (collapsed reasoning) and, when expanded, the reasoning itself.
      '.qwen-chat-thinking-tool-status-card-wraper',
      '.qwen-chat-tool-status-card',
      // Progress titles ("Analyzing user input…") with their "Skip" control.
      '.qwen-chat-status-card',
      '.qwen-chat-thinking-and-sources',
      '.response-message-content[class*="phase-think"]',
      '.response-message-content.phase-reason',
      // Code blocks: language label + copy/run icons, and Monaco's line-number gutter.
      '.qwen-markdown-code-header',
      '.monaco-editor .margin',
      '.monaco-editor .overflowingContentWidgets',
      '.monaco-editor .overflowingOverlayWidgets',
      '.qwen-markdown-table-header',
    ],
    turn: '.qwen-chat-message-assistant',
    // The send button is replaced by a stop button while a reply streams; a thinking card
    // that has not reached "completed" also means the answer is still coming.
    generating: [
      '.chat-prompt-send-button .stop-button',
      'button.stop-button',
      '.qwen-chat-thinking-status-card-loading',
      '.response-loading',
    ],
    actionBar: [
      '.response-message-footer .qwen-chat-package-comp-new-action-control-container-copy',
      '.response-message-footer .qwen-chat-package-comp-new-action-control-icons',
      '.copy-response-button',
    ],
    key: [
      { selector: '[id^="qwen-chat-message-assistant-"]', attr: 'id', where: 'self' },
      { selector: '[id^="chat-response-message-"]', attr: 'id', where: 'inside' },
    ],
    model: [
      { selector: '[class*="index-module__model-selector-text"]', kind: 'model' },
      { selector: '.header-left .ant-dropdown-trigger', kind: 'model' },
      // Thinking picker in the composer: "Auto" / "Thinking" / "Fast" is an effort tier.
      { selector: '.qwen-select-thinking-label-text', kind: 'mode' },
    ],
  },
};
