/**
 * The bench's result shape and its one table, on a fixture result (the bench itself
 * needs real Chromium: `npx tsx bench/run.ts --quick`). Numbers are reported, not asserted.
 */
import { describe, expect, it } from 'vitest';
import { BenchResultSchema, formatTable, judge, stat, type BenchResult } from '../../bench/schema';

const run = { scriptMs: 44.4, taskMs: 393.6, longTasks: 0, longestTaskMs: 0 };
const partial: Omit<BenchResult, 'targets'> = {
  meta: { date: '2026-11-23T11:24:03.261Z', quick: true, node: 'v20.19.0', chromium: 'HeadlessChrome/156.0.8078.79', cpus: 2, cpuModel: 'cpu', durationS: 100.6 },
  streaming: {
    fixture: 'chatgpt_2026-09-27_rashidazarang_turn-key-layout_reduced.html',
    tokens: 300,
    tokensPerChunk: 3,
    intervalMs: 40,
    runs: 1,
    withExtension: [run],
    withoutExtension: [{ ...run, scriptMs: 28.4, taskMs: 303.6 }],
    scriptRatio: 1.563,
    taskRatio: 1.296,
    addedScriptMsPerS: 4,
    addedLongestTaskMs: 0,
    addedLongTasks: 0,
  },
  latency: {
    stableMs: 800,
    sites: [
      { site: 'chatgpt', marker: false, afterFinish: stat([1146, 1155.9]), afterStable: stat([354.6, 359.8]) },
      { site: 'claude', marker: true, afterFinish: stat([15.4, 16.8]), afterStable: null },
      { site: 'gemini', marker: true, afterFinish: stat([18.9, 31.2]), afterStable: null },
    ],
  },
  long: {
    turns: 100,
    sites: (['chatgpt', 'claude', 'gemini'] as const).map((site) => ({
      site,
      turns: 100,
      answers: 100,
      htmlBytes: 2_113_447,
      allPanelsMs: 1562.1,
      heapWithMB: 2.4,
      heapWithoutMB: 0.66,
      streamScriptMsAt10: 18,
      streamScriptMsAtN: 19,
      growth: 1.055,
      bareScriptMsAt10: 15,
      bareScriptMsAtN: 16,
      bareGrowth: 1.067,
    })),
  },
  delivery: {
    reports: 500,
    enqueueMs: 2036.8,
    enqueuePerS: 245.5,
    endpointDelayMs: 20,
    batchSize: 100,
    deliverMs: 378.3,
    deliverPerS: 1321.7,
    batches: 5,
    batchesPerS: 13.2,
  },
  size: [
    { name: 'content script', files: ['content-scripts/chat.js'], raw: 79_565, gzip: 28_160 },
    { name: 'background', files: ['background.js'], raw: 223_232, gzip: 60_006 },
    { name: 'popup page', files: ['popup.html', 'chunks/popup.js'], raw: 48_025, gzip: 16_793 },
  ],
};
const result: BenchResult = { ...partial, targets: judge(partial) };

describe('bench result schema', () => {
  it('accepts a complete result', () => {
    expect(BenchResultSchema.parse(result)).toEqual(result);
  });

  it('rejects a result missing a figure', () => {
    const { delivery: _d, ...noDelivery } = result;
    expect(BenchResultSchema.safeParse(noDelivery).success).toBe(false);
    const noRuns = { ...result, streaming: { ...result.streaming, withoutExtension: [] } };
    expect(BenchResultSchema.safeParse(noRuns).success).toBe(false);
    const negative = { ...result, delivery: { ...result.delivery, deliverPerS: -1 } };
    expect(BenchResultSchema.safeParse(negative).success).toBe(false);
  });

  it('judges every stated target against the figures', () => {
    const t = Object.fromEntries(result.targets.map((x) => [x.id, x.met]));
    expect(t).toEqual({
      'script-ratio': false,
      'long-task': true,
      // Without a marker the stability window is excluded: 359.8 ms after it.
      'panel-p95': false,
      'long-growth': true,
      'content-gzip': true,
      delivery: true,
    });
  });

  it('computes median, p95 and max by rank', () => {
    const s = stat(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(s).toEqual({ n: 100, median: 50, p95: 95, max: 100 });
    expect(stat([7])).toEqual({ n: 1, median: 7, p95: 7, max: 7 });
    expect(() => stat([])).toThrow();
  });
});

describe('bench table', () => {
  const table = formatTable(result);
  const lines = table.split('\n');

  it('is one table: every line a row of three aligned cells', () => {
    expect(lines.length).toBeGreaterThan(20);
    for (const l of lines) {
      expect(l.startsWith('| ') || l.startsWith('|-')).toBe(true);
      expect(l.length).toBe(lines[0]!.length);
    }
  });

  it('shows every figure and every target', () => {
    for (const s of [
      'ScriptDuration ratio',
      '1.563',
      'TaskDuration ratio',
      'long tasks added',
      'chatgpt after stability window',
      '354.6 / 359.8',
      'claude after finish signal (marker)',
      'all 100 panels',
      'JS heap with / without',
      'stream script ms turn 10 / 100',
      'same, without the extension',
      '15 / 16 (1.07×)',
      '245.5 reports/s',
      '1,321.7 reports/s, 13.2 batches/s',
      '27.5 KB',
      '4/6 met',
      'MISSED Script-time ratio',
      'MET    Delivery',
    ]) {
      expect(table).toContain(s);
    }
  });
});
