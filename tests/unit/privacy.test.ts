/** The privacy choices applied to a report: the same function feeds the preview and the store. */
import { describe, expect, it } from 'vitest';
import { applyPrivacy, DEFAULT_PRIVACY } from '../../lib/privacy';

const report = {
  answer: { key: 'k', text: 'Reach me at bob@example.com.' },
  prompt: { text: 'My card is 4111 1111 1111 1111' },
  conversationUrl: 'https://chatgpt.com/c/1',
  conversationId: '1',
  model: 'gpt-5',
  mode: 'Thinking',
  comment: 'Server 10.0.0.12 leaked',
  correction: 'none',
};

describe('applyPrivacy', () => {
  it('by default keeps the answer, address and model, drops the prompt, hides personal details', () => {
    expect(applyPrivacy(report, DEFAULT_PRIVACY)).toEqual({
      answer: { key: 'k', text: 'Reach me at [email].' },
      conversationUrl: 'https://chatgpt.com/c/1',
      conversationId: '1',
      model: 'gpt-5',
      mode: 'Thinking',
      comment: 'Server [ip] leaked',
      correction: 'none',
    });
  });

  it('keeps exactly what the person allows, and leaves text alone without redaction', () => {
    const all = { answerText: false, prompt: true, conversationUrl: false, model: false, redact: false };
    expect(applyPrivacy(report, all)).toEqual({
      answer: { key: 'k' },
      prompt: { text: 'My card is 4111 1111 1111 1111' },
      comment: 'Server 10.0.0.12 leaked',
      correction: 'none',
    });
  });

  it('does not change the report it was given', () => {
    const copy = structuredClone(report);
    applyPrivacy(report, DEFAULT_PRIVACY);
    expect(report).toEqual(copy);
  });
});
