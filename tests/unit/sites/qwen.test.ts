/**
 * Qwen: what the finished-conversation fixture cannot show — the streaming signals, thinking
 * phases shown expanded, and the URL shapes.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { qwen } from '../../../lib/sites/qwen';
import { siteFor } from '../../../lib/sites';
import { answerText, conversationIdOf, findAnswers, parsePage } from '../../../lib/sites/parse';
import { hasActionBar, isGenerating, markerState } from '../../../lib/sites/state';

const answer = (inner: string, footer = '') => `
  <div class="qwen-chat-message qwen-chat-message-user" id="qwen-chat-message-user-u1">
    <div class="chat-user-message"><p class="user-message-content">Why is the sky blue?</p></div>
  </div>
  <div class="qwen-chat-message qwen-chat-message-assistant" id="qwen-chat-message-assistant-a1">
    <div class="chat-response-message" id="chat-response-message-a1">
      <div class="chat-response-message-right"><div>${inner}</div></div>
      <div class="message-hoc-container">${footer}</div>
    </div>
  </div>`;
const footer = `<div class="response-message-footer"><div class="qwen-chat-package-comp-new-action-control-icons">
  <div class="qwen-chat-package-comp-new-action-control-container qwen-chat-package-comp-new-action-control-container-copy"></div>
</div></div>`;
const composer = (btn: string) => `<div class="chat-prompt-send-button">${btn}</div>`;

afterEach(() => {
  document.body.innerHTML = '';
});

describe('qwen streaming state', () => {
  it('is generating while the stop button replaces send, and the answer has no footer yet', () => {
    document.body.innerHTML =
      answer('<div class="response-message-content t2t phase-answer"><p>Rayleigh</p></div>') +
      composer('<button class="stop-button"></button>');
    const [a] = findAnswers(document, qwen);
    expect(isGenerating(document, qwen)).toBe(true);
    expect(hasActionBar(a!, qwen)).toBe(false);
    // Qwen has no per-answer streaming attribute.
    expect(markerState(a!, qwen)).toBe('unknown');
  });

  it('is generating while the thinking card is still loading', () => {
    document.body.innerHTML =
      answer('<div class="qwen-chat-tool-status-card qwen-chat-thinking-status-card-loading">Thinking…</div>') +
      composer('<button class="send-button disabled" disabled></button>');
    expect(isGenerating(document, qwen)).toBe(true);
  });

  it('is done once the composer is idle and the answer has its copy bar', () => {
    document.body.innerHTML =
      answer('<div class="response-message-content t2t phase-answer"><p>Rayleigh</p></div>', footer) +
      composer('<button class="send-button disabled" disabled></button>');
    const [a] = findAnswers(document, qwen);
    expect(isGenerating(document, qwen)).toBe(false);
    expect(hasActionBar(a!, qwen)).toBe(true);
  });
});

describe('qwen text', () => {
  it('reads the answer phase, not expanded thinking', () => {
    document.body.innerHTML = answer(`
      <div class="qwen-chat-thinking-tool-status-card-wraper"><div class="qwen-chat-tool-status-card">
        <div class="qwen-chat-thinking-status-card-title-text">Thought completed</div></div></div>
      <div class="response-message-content phase-thinking"><p>The user asks about light…</p></div>
      <div class="response-message-content t2t phase-answer"><p>Rayleigh scattering.</p></div>`);
    const [info] = parsePage(document, qwen, new URL('https://chat.qwen.ai/c/abc-1'));
    expect(info!.text).toBe('Rayleigh scattering.');
    expect(info!.prompt).toBe('Why is the sky blue?');
    expect(info!.key).toBe('qwen:abc-1:id-qwen-chat-message-assistant-a1');
  });

  it('skips thinking phases when no block is marked phase-answer', () => {
    document.body.innerHTML = answer(`
      <div class="response-message-content phase-thinking"><p>Let me think.</p></div>
      <div class="response-message-content"><p>Short answer.</p></div>`);
    expect(answerText(findAnswers(document, qwen)[0]!, qwen)).toBe('Short answer.');
  });
});

describe('qwen urls', () => {
  const id = (u: string) => conversationIdOf(qwen, new URL(u));
  it('reads chat and share ids, not the guest placeholder', () => {
    expect(id('https://chat.qwen.ai/c/0867dd83-9812-4915-b1d7-a4c9b14de208')).toBe('0867dd83-9812-4915-b1d7-a4c9b14de208');
    expect(id('https://chat.qwen.ai/s/t_0d43629f-9582-4d86-baff-9f5098e48c43?fev=0.2.81')).toBe('t_0d43629f-9582-4d86-baff-9f5098e48c43');
    expect(id('https://chat.qwen.ai/c/guest')).toBeNull();
    expect(id('https://chat.qwen.ai/')).toBeNull();
  });
  it('is the adapter for chat.qwen.ai only', () => {
    expect(siteFor(new URL('https://chat.qwen.ai/c/x'))?.id).toBe('qwen');
    expect(siteFor(new URL('https://qwen.ai/'))).toBeNull();
  });
});
