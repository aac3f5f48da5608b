/**
 * Poe: the per-message data-complete flag, the tuple-level action bar, and URL/host shapes.
 * Class names carry a build hash; the snippets use made-up hashes on purpose.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { poe } from '../../../lib/sites/poe';
import { siteFor } from '../../../lib/sites';
import { conversationIdOf, findAnswers, findPrompts } from '../../../lib/sites/parse';
import { hasActionBar, isGenerating, markerState } from '../../../lib/sites/state';

const tuple = (complete: string, bar = '') => `
  <div class="ChatMessagesView_messageTuple__zz999">
    <div class="ChatMessage_chatMessage__q1w2e" id="message-1" data-complete="true">
      <div class="Message_rightSideMessageBubble__a1b2c"><div class="Message_selectableText__k9"><p>Hi</p></div></div>
    </div>
    <div class="ChatMessage_chatMessage__q1w2e" id="message-2" data-complete="${complete}">
      <div class="Message_leftSideMessageBubble__d3e4f"><div class="Message_selectableText__k9"><p>Hello</p></div></div>
    </div>${bar}
  </div>`;
const bar = '<section class="ChatMessageActionBar_actionBar__n3w00"><button aria-label="Copy message"></button></section>';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('poe streaming state', () => {
  it('is writing while the bot message is not complete', () => {
    document.body.innerHTML = tuple('false') + '<button aria-label="Stop message"></button>';
    const [a] = findAnswers(document, poe);
    expect(findPrompts(document, poe)).toHaveLength(1);
    expect(markerState(a!, poe)).toBe('writing');
    expect(isGenerating(document, poe)).toBe(true);
    expect(hasActionBar(a!, poe)).toBe(false);
  });

  it('is done once data-complete is true and the tuple has its action bar', () => {
    document.body.innerHTML = tuple('true', bar);
    const [a] = findAnswers(document, poe);
    expect(markerState(a!, poe)).toBe('done');
    expect(isGenerating(document, poe)).toBe(false);
    expect(hasActionBar(a!, poe)).toBe(true);
  });
});

describe('poe urls', () => {
  const id = (u: string) => conversationIdOf(poe, new URL(u));
  it('reads chat and share ids, not bot pages', () => {
    expect(id('https://poe.com/chat/2ryk4m1v9bq7xw3tnzc')).toBe('2ryk4m1v9bq7xw3tnzc');
    expect(id('https://poe.com/s/AbC123xyz')).toBe('AbC123xyz');
    expect(id('https://poe.com/Claude-Sonnet-4.5')).toBeNull();
  });
  it('is the adapter for poe.com', () => {
    expect(siteFor(new URL('https://poe.com/chat/2ryk4m1v9bq7xw3tnzc'))?.id).toBe('poe');
    expect(siteFor(new URL('https://quora.com/'))).toBeNull();
  });
});
