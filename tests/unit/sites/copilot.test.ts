/**
 * Copilot has no per-answer streaming attribute: while writing there is only the global
 * stop button, and the reactions bar arrives when the answer is done. Plus addresses and
 * both hosts (copilot.microsoft.com, copilot.com since 2026-03).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { copilot } from '../../../lib/sites/copilot';
import { siteFor } from '../../../lib/sites';
import { conversationIdOf, findAnswers } from '../../../lib/sites/parse';
import { hasActionBar, isGenerating, markerState } from '../../../lib/sites/state';

const answer = (done: boolean) => `
  <div data-content="ai-message" data-testid="ai-message" class="group/ai-message" role="article"
       aria-labelledby="VANKJrxiD1JRdg35dn3bk-author VANKJrxiD1JRdg35dn3bk-content-0">
    <div class="relative"><h6 id="VANKJrxiD1JRdg35dn3bk-author" class="sr-only" data-copy="false">Copilot said</h6></div>
    <div class="space-y-3 mt-3"><div class="group/ai-message-item" id="VANKJrxiD1JRdg35dn3bk-content-0"><p>Hello</p></div></div>
    ${done ? '<div class="mt-3"><div data-copy="false" data-testid="message-item-reactions"><button data-testid="copy-ai-message-button" aria-label="Copy message"></button></div></div>' : ''}
  </div>`;

afterEach(() => {
  document.body.innerHTML = '';
});

describe('copilot streaming state', () => {
  it('stop button while writing, reactions bar once done, never a per-answer marker', () => {
    document.body.innerHTML = answer(false) + '<button data-testid="stop-button" aria-label="Stop"></button>';
    let [a] = findAnswers(document, copilot);
    expect(markerState(a!, copilot)).toBe('unknown');
    expect(isGenerating(document, copilot)).toBe(true);
    expect(hasActionBar(a!, copilot)).toBe(false);

    document.body.innerHTML = answer(true);
    [a] = findAnswers(document, copilot);
    expect(isGenerating(document, copilot)).toBe(false);
    expect(hasActionBar(a!, copilot)).toBe(true);
  });
});

describe('copilot addresses', () => {
  it('reads the chat id from /chats/<id> only', () => {
    expect(conversationIdOf(copilot, new URL('https://copilot.microsoft.com/chats/q8Rk2LmZxW4tNvB7cYp3D'))).toBe(
      'q8Rk2LmZxW4tNvB7cYp3D',
    );
    expect(conversationIdOf(copilot, new URL('https://copilot.microsoft.com/'))).toBeNull();
    expect(conversationIdOf(copilot, new URL('https://copilot.microsoft.com/discover'))).toBeNull();
  });

  it('serves both the microsoft.com and the copilot.com hosts', () => {
    for (const h of ['copilot.microsoft.com', 'copilot.com', 'www.copilot.com'])
      expect(siteFor(new URL(`https://${h}/chats/q8Rk2LmZxW4tNvB7cYp3D`))).toBe(copilot);
    expect(siteFor(new URL('https://github.com/copilot'))).toBeNull();
  });
});
