/**
 * HuggingChat: streaming signals and URL/host matching, which a finished page cannot show.
 * Markup follows huggingface/chat-ui's ChatMessage.svelte / StopGeneratingBtn.svelte.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { huggingchat } from '../../../lib/sites/huggingchat';
import { siteFor } from '../../../lib/sites';
import { conversationIdOf, findAnswers, parsePage } from '../../../lib/sites/parse';
import { hasActionBar, isGenerating, markerState } from '../../../lib/sites/state';

const footer = `<div class="absolute -bottom-3.5 right-1 flex">
  <button class="btn" title="Copy to clipboard" type="button"></button>
  <button class="btn" title="Retry" type="button"></button></div>`;
const answer = (content: string, tail = '') => `
  <div data-message-id="u1" data-message-type="user" role="presentation"><p class="whitespace-break-spaces">Hi</p></div>
  <div data-message-id="a1" data-message-role="assistant" role="presentation">
    <div class="relative flex rounded-2xl"><div>${content}</div></div>${tail}
  </div>`;
// A code block's own copy button sits inside the text while it streams.
const codeBlock = `<div class="prose"><pre><code>x = 1</code></pre><button title="Copy to clipboard"></button></div>`;

afterEach(() => {
  document.body.innerHTML = '';
});

describe('huggingchat streaming state', () => {
  it('is generating while the stop button shows; a code block copy button is not the action bar', () => {
    document.body.innerHTML =
      answer(codeBlock) + '<button class="btn stop-generating-btn" aria-label="Stop generating">Stop generating</button>';
    const [a] = findAnswers(document, huggingchat);
    expect(isGenerating(document, huggingchat)).toBe(true);
    expect(hasActionBar(a!, huggingchat)).toBe(false);
    expect(markerState(a!, huggingchat)).toBe('unknown');
  });

  it('is generating while the last answer shows its loading icon', () => {
    document.body.innerHTML = answer('<svg class="loading inline ml-2"></svg>');
    expect(isGenerating(document, huggingchat)).toBe(true);
  });

  it('is done once the footer buttons render and no stop button is left', () => {
    document.body.innerHTML = answer(codeBlock, footer);
    const [a] = findAnswers(document, huggingchat);
    expect(isGenerating(document, huggingchat)).toBe(false);
    expect(hasActionBar(a!, huggingchat)).toBe(true);
  });

  it('reads no reasoning while only the thinking viewport has rendered', () => {
    document.body.innerHTML = answer(
      '<div class="thinking-viewport"><div class="prose prose-sm"><p>Let me think.</p></div></div>',
    );
    const [info] = parsePage(document, huggingchat, new URL('https://huggingface.co/chat/conversation/abc'));
    expect(info!.text).toBe('');
    expect(info!.key).toBe('huggingchat:abc:id-a1');
  });
});

describe('huggingchat urls', () => {
  const id = (u: string) => conversationIdOf(huggingchat, new URL(u));
  it('reads conversation and shared ids', () => {
    expect(id('https://huggingface.co/chat/conversation/682d5e1fa4c3b2e0d9f18a77')).toBe('682d5e1fa4c3b2e0d9f18a77');
    expect(id('https://huggingface.co/chat/r/Xy12Ab3')).toBe('Xy12Ab3');
    expect(id('https://huggingface.co/chat/')).toBeNull();
    expect(id('https://huggingface.co/chat/settings/omni')).toBeNull();
  });
  it('matches the chat app only, not the rest of huggingface.co', () => {
    expect(siteFor(new URL('https://huggingface.co/chat/'))?.id).toBe('huggingchat');
    expect(siteFor(new URL('https://huggingface.co/chat/conversation/682d5e1f'))?.id).toBe('huggingchat');
    expect(siteFor(new URL('https://huggingface.co/models'))).toBeNull();
    expect(siteFor(new URL('https://huggingface.co/spaces/huggingchat/chat-ui'))).toBeNull();
    expect(siteFor(new URL('https://huggingface.co/chatglm/chatglm-6b'))).toBeNull();
  });
});
