/**
 * What the bench streams and the pages it streams on: a long markdown answer cut into
 * small chunks, and conversations of any length assembled from real captured turns.
 */
import { asDocument, loadFixture } from '../tests/fixtures/load';
import { cases as chatgptCases } from '../tests/fixtures/cases/chatgpt';
import { cases as claudeCases } from '../tests/fixtures/cases/claude';
import { cases as geminiCases } from '../tests/fixtures/cases/gemini';
import { chatgpt } from '../lib/sites/chatgpt';
import { claude } from '../lib/sites/claude';
import { gemini } from '../lib/sites/gemini';

export type BenchSite = 'chatgpt' | 'claude' | 'gemini';
export type Op = ['b', string] | ['li'] | ['i', string] | ['e'] | ['t', string];

const WORDS = (
  'the model answers with a careful summary of each option and explains why one of them fits better ' +
  'for this case while the other needs more memory time and attention from people who maintain it ' +
  'annotators rate answers like this one so the final text reflects their judgement as much as data'
).split(' ');

/**
 * About `tokens` tokens of markdown as ChatGPT renders it while streaming: headings,
 * paragraphs with bold and inline code, lists, code blocks, in chunks of `perChunk` tokens.
 */
export function markdownChunks(tokens: number, perChunk: number): Op[][] {
  const ops: Op[] = [];
  let n = 0;
  const words = (k: number, sep = ' ') => {
    for (let i = 0; i < k && n < tokens; i++, n++) ops.push(['t', WORDS[n % WORDS.length]! + (i % 9 === 8 ? sep : ' ')]);
  };
  for (let section = 0; n < tokens; section++) {
    ops.push(['b', 'h3']);
    words(5);
    ops.push(['b', 'p']);
    words(20);
    ops.push(['i', 'strong']);
    words(3);
    ops.push(['e']);
    words(15);
    ops.push(['i', 'code']);
    words(1);
    ops.push(['e']);
    words(20);
    ops.push(['b', section % 2 ? 'ol' : 'ul']);
    for (let li = 0; li < 4; li++) {
      ops.push(['li']);
      words(10);
    }
    ops.push(['b', 'p']);
    words(40);
    ops.push(['b', 'pre']);
    words(30, '\n');
  }
  const chunks: Op[][] = [];
  let chunk: Op[] = [];
  let inChunk = 0;
  for (const op of ops) {
    chunk.push(op);
    if (op[0] === 't' && ++inChunk === perChunk) {
      chunks.push(chunk);
      chunk = [];
      inChunk = 0;
    }
  }
  if (chunk.length) chunks.push(chunk);
  return chunks;
}

export const SITES = {
  chatgpt: {
    adapter: chatgpt,
    fixture: chatgptCases.find((c) => c.file.includes('2026-09'))!,
    turn: '[data-turn-key]',
    rowsPerTurn: 1,
  },
  claude: { adapter: claude, fixture: claudeCases[0]!, turn: '[data-test-render-count]', rowsPerTurn: 2 },
  gemini: { adapter: gemini, fixture: geminiCases[0]!, turn: '.conversation-container', rowsPerTurn: 1 },
} as const;

const ID_ATTRS = ['data-turn-key', 'data-chatgpt-selection-message-id', 'data-chatgpt-search-message-ids', 'data-message-id', 'id'];
const N = '\u27e6N\u27e7';

/**
 * A conversation of `turns` prompt+answer turns cloned from the fixture's real turns, in
 * order and round again, each with unique ids (and unique text, for sites whose keys are
 * hashes). Icons' SVG paths are dropped to keep 1,000 turns in tens of MB, not hundreds.
 */
export function longConversation(site: BenchSite, turns: number): string {
  const s = SITES[site];
  const win = loadFixture(s.fixture.file, s.fixture.url);
  const doc = win.document;
  try {
    for (const svg of doc.querySelectorAll('svg')) svg.replaceChildren();
    const rows = [...doc.querySelectorAll(s.turn)];
    const parent = rows[0]!.parentElement!;
    const templates: string[] = [];
    for (let i = 0; i + s.rowsPerTurn <= rows.length; i += s.rowsPerTurn) {
      const group = rows.slice(i, i + s.rowsPerTurn);
      for (const row of group) {
        for (const el of [row, ...row.querySelectorAll('*')]) {
          for (const a of ID_ATTRS) {
            const v = el.getAttribute(a);
            if (v) el.setAttribute(a, v.split(/\s+/).map((t) => `${t}-${N}`).join(' '));
          }
        }
        const p = row.querySelector('.font-claude-response p, [data-testid="user-message"] p');
        if (site === 'claude' && p) p.append(doc.createTextNode(` (${N})`));
      }
      templates.push(group.map((g) => g.outerHTML).join(''));
    }
    // The shortest real turns, so that sizes stay bounded; still several different turns.
    const min = Math.min(...templates.map((t) => t.length));
    const used = templates.filter((t) => t.length <= Math.max(min * 2.5, 30_000));
    parent.innerHTML = '<!--TURNS-->';
    const shell = asDocument('<!DOCTYPE html>' + doc.documentElement.outerHTML);
    const [pre, post] = shell.split('<!--TURNS-->');
    const body = Array.from({ length: turns }, (_, i) => used[i % used.length]!.replaceAll(N, String(i))).join('');
    return pre + body + post;
  } finally {
    void win.happyDOM.close();
  }
}
