/**
 * Claude beyond the 2026-02 capture: the 2026-10 "hub" layout (shape from
 * sho7650/obsidian-AI-exporter test/fixtures/claude-hub-dom.ts, reduced from the live
 * page of 2026-10-07), the streaming attribute, addresses and hosts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { claude } from '../../../lib/sites/claude';
import { siteFor } from '../../../lib/sites';
import { conversationIdOf, findAnswers, parsePage } from '../../../lib/sites/parse';
import { hasActionBar, isGenerating, markerState } from '../../../lib/sites/state';

const CONV = '0e6a9a0c-6f57-4f0b-9d57-3b3f2a8e1c11';
const url = new URL(`https://claude.ai/chat/${CONV}`);

const hubRow = (i: number, streaming: string, withActions: boolean) => `
  <div data-index="${i}" data-testid="transcript-row" data-perf-row="assistant">
    <div role="article"><div data-transcript-row="">
      <div data-cds="AssistantMessage" data-testid="assistant-message" data-turn-key="t${i}-hub-reply" data-is-streaming="${streaming}">
        <h2 class="sr-only">Claude responded: the heading</h2>
        <div class="flex min-w-0 flex-col gap-5">
          <div data-cds="TurnStatus" data-state="done" class="group/status">
            <div data-cds-row="" title="Thought for 4s"><bdi>Thought for 4s</bdi><button type="button"></button></div>
            <span class="sr-only" role="status">Thought for 4s</span>
          </div>
          <div data-cds="Prose"><div data-perf-reply-text="" class="standard-markdown"><p>First part.</p></div></div>
          <div data-cds="TurnStatus" data-state="done"><bdi>Searched the web</bdi></div>
          <div data-cds="Prose"><div data-perf-reply-text="" class="standard-markdown"><p>Second part.</p></div></div>
        </div>
        ${withActions ? '<div data-cds="MessageActions" role="toolbar" data-testid="message-actions"><button aria-label="Copy"></button><time datetime="2026-06-19T00:02:19Z">Jun 19</time></div>' : ''}
      </div>
    </div></div>
  </div>`;

const hubPage = (streaming = 'false', withActions = true) => `
  <div data-autoscroll-container="true"><div role="feed">
    <div data-index="0" data-testid="transcript-row" data-perf-row="human"><div role="article">
      <div data-testid="user-message"><p class="whitespace-pre-wrap">Explain tides</p></div>
    </div></div>
    ${hubRow(1, streaming, withActions)}
  </div></div>`;

afterEach(() => {
  document.body.innerHTML = '';
});

describe('claude hub layout (2026-10)', () => {
  it('reads every text part, without status lines, sr-only heading or toolbar time', () => {
    document.body.innerHTML = hubPage();
    const [a] = parsePage(document, claude, url);
    expect(a!.text).toBe('First part.\nSecond part.');
    expect(a!.prompt).toBe('Explain tides');
    expect(a!.key).toBe(`claude:${CONV}:id-t1-hub-reply`);
  });

  it('falls back to the virtualised row index when there is no turn key', () => {
    document.body.innerHTML = hubPage();
    document.querySelector('[data-turn-key]')!.removeAttribute('data-turn-key');
    expect(parsePage(document, claude, url)[0]!.key).toBe(`claude:${CONV}:id-1`);
  });

  it('follows data-is-streaming on the answer and the toolbar in it', () => {
    document.body.innerHTML = hubPage('true', false);
    const [a] = findAnswers(document, claude);
    expect(markerState(a!, claude)).toBe('writing');
    expect(isGenerating(document, claude)).toBe(true);
    expect(hasActionBar(a!, claude)).toBe(false);

    document.body.innerHTML = hubPage('false', true);
    const [b] = findAnswers(document, claude);
    expect(markerState(b!, claude)).toBe('done');
    expect(isGenerating(document, claude)).toBe(false);
    expect(hasActionBar(b!, claude)).toBe(true);
  });
});

describe('claude 2026-02 layout state', () => {
  const page = (streaming: string, extra = '') => `
    <div data-test-render-count="2"><div class="group"><div class="contents">
      <div data-is-streaming="${streaming}"><div class="font-claude-response"><div class="standard-markdown"><p>Hi</p></div></div></div>
    </div>${extra}</div></div>`;

  it('marker on the wrapper, copy button beside it in the turn, global stop button', () => {
    document.body.innerHTML = page('true') + '<button aria-label="Stop response"></button>';
    let [a] = findAnswers(document, claude);
    expect(markerState(a!, claude)).toBe('writing');
    expect(isGenerating(document, claude)).toBe(true);
    expect(hasActionBar(a!, claude)).toBe(false);

    document.body.innerHTML = page('false', '<div role="group"><button data-testid="action-bar-copy"></button></div>');
    [a] = findAnswers(document, claude);
    expect(markerState(a!, claude)).toBe('done');
    expect(isGenerating(document, claude)).toBe(false);
    expect(hasActionBar(a!, claude)).toBe(true);
  });

  it('extended thinking in the first grid row is not answer text', () => {
    document.body.innerHTML = `
      <div data-is-streaming="false"><div class="font-claude-response"><div class="grid grid-rows-[0fr_1fr]">
        <div class="row-start-1"><div class="group/thinking"><button>Claude's Thoughts</button>
          <div class="standard-markdown"><p>Let me think about tides.</p></div></div></div>
        <div class="row-start-2"><div class="row-start-1"><div class="standard-markdown"><p>The moon pulls.</p></div></div></div>
      </div></div></div>`;
    expect(parsePage(document, claude, url)[0]!.text).toBe('The moon pulls.');
  });
});

describe('claude addresses', () => {
  it('reads the conversation id from chat and share links only', () => {
    expect(conversationIdOf(claude, url)).toBe(CONV);
    expect(conversationIdOf(claude, new URL(`https://claude.ai/share/${CONV}`))).toBe(CONV);
    expect(conversationIdOf(claude, new URL('https://claude.ai/new'))).toBeNull();
    expect(conversationIdOf(claude, new URL(`https://claude.ai/project/${CONV}`))).toBeNull();
  });

  it('is the adapter for claude.ai', () => {
    expect(siteFor(new URL('https://claude.ai/new'))).toBe(claude);
    expect(siteFor(new URL('https://www.anthropic.com/'))).toBeNull();
  });
});
