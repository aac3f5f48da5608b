/**
 * The shape of one `npm run bench` result (bench/results/*.json) and the one table it
 * prints. Pure: no browser here, so the unit tests can check both on a fixture result.
 */
import { z } from 'zod';

const ms = z.number().nonnegative();

export const StatSchema = z.object({ n: z.number().int().positive(), median: ms, p95: ms, max: ms });
export type Stat = z.infer<typeof StatSchema>;

/** One streaming run: deltas of CDP Performance.getMetrics over the streaming window. */
export const StreamRunSchema = z.object({
  scriptMs: ms,
  taskMs: ms,
  /** Long tasks (≥ 50 ms, PerformanceObserver) from stream start to 1.5 s after the finish signal. */
  longTasks: z.number().int().nonnegative(),
  longestTaskMs: ms,
});

const SiteId = z.enum(['chatgpt', 'claude', 'gemini']);

export const BenchResultSchema = z.object({
  meta: z.object({
    date: z.string(),
    quick: z.boolean(),
    node: z.string(),
    chromium: z.string(),
    cpus: z.number().int().positive(),
    cpuModel: z.string(),
    durationS: ms,
  }),
  streaming: z.object({
    fixture: z.string(),
    tokens: z.number().int().positive(),
    tokensPerChunk: z.number().int().positive(),
    intervalMs: z.number().positive(),
    /** Runs per condition, alternated with / without (ABBA). */
    runs: z.number().int().positive(),
    withExtension: z.array(StreamRunSchema).min(1),
    withoutExtension: z.array(StreamRunSchema).min(1),
    /** Sum with / sum without. */
    scriptRatio: z.number().positive(),
    taskRatio: z.number().positive(),
    /** (with − without) script ms per second of streaming: independent of how busy the page itself is. */
    addedScriptMsPerS: z.number(),
    /** The longest long task seen with the extension that no run without it matched (0: none). */
    addedLongestTaskMs: ms,
    addedLongTasks: z.number().int(),
  }),
  latency: z.object({
    /** The watcher's stability window for sites without a per-answer marker. */
    stableMs: ms,
    sites: z.array(
      z.object({
        site: SiteId,
        marker: z.boolean(),
        /** From the site's finish signal to the panel laid out on the page. */
        afterFinish: StatSchema,
        /** Without a marker: from the end of the stability window (last text change + stableMs). */
        afterStable: StatSchema.nullable(),
      }),
    ),
  }),
  long: z.object({
    turns: z.number().int().positive(),
    sites: z.array(
      z.object({
        site: SiteId,
        turns: z.number().int().positive(),
        answers: z.number().int().positive(),
        htmlBytes: z.number().int().positive(),
        /** From navigation start until every answer has its panel. */
        allPanelsMs: ms,
        heapWithMB: ms,
        heapWithoutMB: ms,
        /** Main-thread script time, with the extension, streaming one more answer at the end. */
        streamScriptMsAt10: ms,
        streamScriptMsAtN: ms,
        /** AtN / At10. */
        growth: z.number().positive(),
        /** The control: the same answer streamed with no extension. */
        bareScriptMsAt10: ms,
        bareScriptMsAtN: ms,
        bareGrowth: z.number().positive(),
      }),
    ),
  }),
  delivery: z.object({
    reports: z.number().int().positive(),
    enqueueMs: ms,
    enqueuePerS: ms,
    endpointDelayMs: ms,
    batchSize: z.number().int().positive(),
    deliverMs: ms,
    deliverPerS: ms,
    batches: z.number().int().positive(),
    batchesPerS: ms,
  }),
  size: z.array(z.object({ name: z.string(), files: z.array(z.string()), raw: z.number().int(), gzip: z.number().int() })),
  targets: z.array(
    z.object({ id: z.string(), label: z.string(), target: z.string(), measured: z.string(), met: z.boolean() }),
  ),
});
export type BenchResult = z.infer<typeof BenchResultSchema>;

// ---------------------------------------------------------------------------------------

export function stat(values: number[]): Stat {
  if (!values.length) throw new Error('stat() of no values');
  const s = [...values].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
  return { n: s.length, median: round(at(0.5)), p95: round(at(0.95)), max: round(s[s.length - 1]!) };
}

export const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;
const kb = (b: number) => `${round(b / 1024)} KB`;
const fmt = (x: number) => x.toLocaleString('en', { maximumFractionDigits: 1 });

/** The targets the README states, judged on one result. */
export function judge(r: Omit<BenchResult, 'targets'>): BenchResult['targets'] {
  const content = r.size.find((s) => s.name === 'content script');
  const worstLatency = Math.max(
    ...r.latency.sites.map((s) => (s.marker ? s.afterFinish.p95 : (s.afterStable?.p95 ?? s.afterFinish.p95))),
  );
  const worstGrowth = Math.max(...r.long.sites.map((s) => s.growth));
  return [
    {
      id: 'script-ratio',
      label: 'Script-time ratio while streaming',
      target: '≤ 1.05',
      measured: r.streaming.scriptRatio.toFixed(3),
      met: r.streaming.scriptRatio <= 1.05,
    },
    {
      id: 'long-task',
      label: 'Added long task (> 50 ms)',
      target: 'none',
      measured: r.streaming.addedLongTasks > 0 ? `${r.streaming.addedLongTasks}, longest ${fmt(r.streaming.addedLongestTaskMs)} ms` : 'none',
      met: r.streaming.addedLongTasks <= 0,
    },
    {
      id: 'panel-p95',
      label: 'Panel latency p95 (marker: after finish; no marker: after stability window)',
      target: '≤ 300 ms',
      measured: `${fmt(worstLatency)} ms`,
      met: worstLatency <= 300,
    },
    {
      id: 'long-growth',
      label: `Streaming cost at turn ${r.long.turns} vs turn 10 (worst site)`,
      target: '≤ 1.10×',
      measured: `${worstGrowth.toFixed(2)}×`,
      met: worstGrowth <= 1.1,
    },
    {
      id: 'content-gzip',
      label: 'Content script, gzip',
      target: '≤ 40 KB',
      measured: content ? kb(content.gzip) : 'missing',
      met: !!content && content.gzip <= 40 * 1024,
    },
    {
      id: 'delivery',
      label: 'Delivery to a local collector',
      target: '≥ 1,000 reports/s',
      measured: `${fmt(r.delivery.deliverPerS)} reports/s`,
      met: r.delivery.deliverPerS >= 1000,
    },
  ];
}

/** The one table `npm run bench` prints: every figure, then the targets. */
export function formatTable(r: BenchResult): string {
  const rows: [string, string, string][] = [];
  const s = r.streaming;
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const mean = (xs: number[]) => sum(xs) / xs.length;
  const w = s.withExtension;
  const wo = s.withoutExtension;
  rows.push(['Streaming', `${s.tokens} tokens, ${s.tokensPerChunk}/chunk every ${s.intervalMs} ms, ${s.runs}+${s.runs} runs`, '']);
  rows.push(['  script ms (with / without)', `${fmt(mean(w.map((x) => x.scriptMs)))} / ${fmt(mean(wo.map((x) => x.scriptMs)))}`, '']);
  rows.push(['  ScriptDuration ratio', s.scriptRatio.toFixed(3), '≤ 1.05']);
  rows.push(['  TaskDuration ratio', s.taskRatio.toFixed(3), '']);
  rows.push(['  script ms added per streamed second', fmt(s.addedScriptMsPerS), '']);
  rows.push([
    '  longest task ms (with / without)',
    `${fmt(Math.max(...w.map((x) => x.longestTaskMs)))} / ${fmt(Math.max(...wo.map((x) => x.longestTaskMs)))}`,
    '',
  ]);
  rows.push(['  long tasks added by the extension', `${s.addedLongTasks} (longest ${fmt(s.addedLongestTaskMs)} ms)`, 'none > 50 ms']);
  rows.push(['Panel latency (median / p95 ms)', `stability window ${fmt(r.latency.stableMs)} ms`, '']);
  for (const l of r.latency.sites) {
    rows.push([
      `  ${l.site} after finish signal${l.marker ? ' (marker)' : ''}`,
      `${fmt(l.afterFinish.median)} / ${fmt(l.afterFinish.p95)} (n=${l.afterFinish.n})`,
      l.marker ? '≤ 300 p95' : '',
    ]);
    if (l.afterStable) {
      rows.push([`  ${l.site} after stability window`, `${fmt(l.afterStable.median)} / ${fmt(l.afterStable.p95)}`, '≤ 300 p95']);
    }
  }
  rows.push([`Long conversations (${r.long.turns} turns)`, '', '']);
  for (const l of r.long.sites) {
    rows.push([`  ${l.site}: all ${l.answers} panels`, `${fmt(l.allPanelsMs)} ms (${kb(l.htmlBytes)} HTML)`, '']);
    rows.push([`  ${l.site}: JS heap with / without`, `${fmt(l.heapWithMB)} / ${fmt(l.heapWithoutMB)} MB`, '']);
    rows.push([
      `  ${l.site}: stream script ms turn 10 / ${l.turns}`,
      `${fmt(l.streamScriptMsAt10)} / ${fmt(l.streamScriptMsAtN)} (${l.growth.toFixed(2)}×)`,
      '≤ 1.10×',
    ]);
    rows.push([
      `  ${l.site}: same, without the extension`,
      `${fmt(l.bareScriptMsAt10)} / ${fmt(l.bareScriptMsAtN)} (${l.bareGrowth.toFixed(2)}×)`,
      '',
    ]);
  }
  const d = r.delivery;
  rows.push([`Delivery (${d.reports} reports)`, '', '']);
  rows.push(['  into the outbox via messaging', `${fmt(d.enqueuePerS)} reports/s`, '']);
  rows.push([
    `  to the reference collector (+${d.endpointDelayMs} ms/batch)`,
    `${fmt(d.deliverPerS)} reports/s, ${fmt(d.batchesPerS)} batches/s`,
    '≥ 1,000 reports/s',
  ]);
  rows.push(['Size (raw / gzip)', '', '']);
  for (const b of r.size) rows.push([`  ${b.name}`, `${kb(b.raw)} / ${kb(b.gzip)}`, b.name === 'content script' ? '≤ 40 KB gzip' : '']);
  rows.push(['Targets', `${r.targets.filter((t) => t.met).length}/${r.targets.length} met`, '']);
  for (const t of r.targets) rows.push([`  ${t.met ? 'MET   ' : 'MISSED'} ${t.label}`, t.measured, t.target]);

  const head: [string, string, string] = ['Figure', 'Measured', 'Target'];
  const width = [0, 1, 2].map((i) => Math.max(...[head, ...rows].map((row) => row[i as 0 | 1 | 2].length)));
  const line = (row: [string, string, string]) => `| ${row.map((c, i) => c.padEnd(width[i]!)).join(' | ')} |`;
  const rule = `|${width.map((n) => '-'.repeat(n + 2)).join('|')}|`;
  return [line(head), rule, ...rows.map(line)].join('\n');
}
