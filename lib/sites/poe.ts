import type { SiteAdapter } from './types';

/**
 * Poe. Only CSS-module classes (`<Component>_<name>__<build hash>`), so every selector matches
 * the stable prefix. A message is `ChatMessage_chatMessage__…[id="message-<n>"][data-complete]`;
 * the bubble side tells bot (left) from human (right), older builds said bot/human outright.
 * The bot is the model here ("Claude-Sonnet-4.5", "GPT-5"): its name heads each bot message,
 * and its real vendor is not Quora's. The action bar is a sibling of the messages in their tuple.
 */
export const poe: SiteAdapter = {
  id: 'poe',
  name: 'Poe',
  vendor: 'quora',
  hosts: ['poe.com'],
  // `/chat/<id>` conversations, `/s/<id>` shared ones; `/<BotName>` is a new chat with a bot.
  conversationId: /^\/(?:chat|s)\/([A-Za-z0-9_-]+)/,
  selectors: {
    answer: [
      '[class*="ChatMessage_chatMessage__"]:has([class*="Message_leftSideMessageBubble__"])',
      '[class*="ChatMessage_chatMessage__"]:has([class*="Message_botMessageBubble__"])',
      '[class*="Message_leftSideMessageBubble__"]',
    ],
    body: [
      '[class*="Message_selectableText__"]',
      '[class*="Markdown_markdownContainer__"]',
      '[class*="Message_messageTextContainer__"]',
    ],
    prompt: [
      '[class*="ChatMessage_chatMessage__"]:has([class*="Message_rightSideMessageBubble__"])',
      '[class*="ChatMessage_chatMessage__"]:has([class*="Message_humanMessageBubble__"])',
      '[class*="Message_rightSideMessageBubble__"]',
    ],
    promptBody: ['[class*="Message_selectableText__"]', '[class*="Markdown_markdownContainer__"]'],
    strip: [
      // Bot name label and per-message time stamp.
      '[class*="LeftSideMessageHeader_"]',
      '[class*="BotMessageHeader_"]',
      '[class*="Message_messageMetadata"]',
      // Code block header: language name and copy action.
      '[class*="MarkdownCodeBlock_codeHeader__"]',
      '[class*="MarkdownCodeBlock_languageName__"]',
      '[class*="MarkdownCodeBlock_codeActions__"]',
    ],
    turn: '[class*="ChatMessagesView_messageTuple__"]',
    streaming: [{ selector: '[data-complete]', attr: 'data-complete', done: ['true'] }],
    generating: ['button[aria-label="Stop message"]', '[class*="ChatMessage_chatMessage__"][data-complete="false"]'],
    actionBar: [
      '[class*="ChatMessageActionBar_actionBar__"]',
      '[class*="ChatMessageFeedbackButtons_feedbackButtonsContainer__"]',
    ],
    key: [{ selector: '[id^="message-"]', attr: 'id', where: 'self' }],
    model: [
      { selector: '[class*="BotMessageHeader_botName__"]', kind: 'model', scope: 'answer' },
      { selector: '[class*="LeftSideMessageHeader_leftSideMessageHeader__"]', kind: 'model', scope: 'answer' },
      // Chat header of a one-bot conversation.
      { selector: '[class*="BotHeader_title__"]', kind: 'model' },
    ],
  },
};
