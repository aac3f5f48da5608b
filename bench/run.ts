/**
 * `npm run bench` (builds first) or `npx tsx bench/run.ts [--quick]`: the extension's
 * cost in real headless Chromium, each figure measured side by side in one run, with and
 * without the extension. Prints one table and writes bench/results/<date>.json.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { CDPSession, Page } from 'playwright-core';
import { EXTENSION_DIR } from '../tests/e2e/harness';
import { startCollector } from '../collector/src/server';
import { asDocument, fixtureHtml } from '../tests/fixtures/load';
import { launchBench, metrics, type BenchBrowser } from './browser';
import { SITES, longConversation, markdownChunks, type BenchSite, type Op } from './pages';
import { BenchResultSchema, formatTable, judge, round, stat, type BenchResult } from './schema';
import { DEFAULT_TIMING } from '../lib/sites/watcher';

const quick = process.argv.includes('--quick');
/** `--<name>=a,b`: some of `allowed`, checked; null when the option is not given. */
function listArg<T extends string>(name: string, allowed: readonly T[]): T[] | null {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  if (!arg) return null;
  const got = arg.slice(name.length + 3).split(',');
  for (const x of got) if (!(allowed as readonly string[]).includes(x)) throw new Error(`--${name}: unknown "${x}" (known: ${allowed.join(', ')})`);
  return got as T[];
}
/**
 * `--only=streaming,delivery`: measure some parts alone, while working on one of them. Their
 * figures are logged; no result file is written (a result always has every figure).
 */
const PARTS = ['streaming', 'latency', 'long', 'delivery'] as const;
const only = listArg('only', PARTS);
const wanted = (p: (typeof PARTS)[number]) => !only || only.includes(p);
const CFG = quick
  ? { streamTokens: 300, streamRuns: 1, latencyAnswers: 8, turns: 100, endTokens: 120, endReps: 1, reports: 500 }
  : { streamTokens: 2000, streamRuns: 3, latencyAnswers: 40, turns: 1000, endTokens: 300, endReps: 4, reports: 10_000 };
const PER_CHUNK = 3;
const INTERVAL_MS = 40; // 75 tokens/s, a realistic pace
const ALL_SITES: BenchSite[] = ['chatgpt', 'claude', 'gemini'];
/** `--sites=claude`: latency and long conversations on some sites only (no result file). */
const SITE_IDS: BenchSite[] = listArg('sites', ALL_SITES) ?? ALL_SITES;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const call = <T>(page: Page, fn: string, ...args: unknown[]): Promise<T> =>
  page.evaluate(`window.__bench.${fn}(...${JSON.stringify(args)})`) as Promise<T>;
const log = (...a: unknown[]) => console.error('[bench]', ...a);
let uid = 0;

async function streamAnswer(page: Page, cdp: CDPSession, site: BenchSite, chunks: Op[][]) {
  await call(page, 'newAnswer', site, `u${++uid}`);
  await call(page, 'recordLongTasks', true);
  const before = await metrics(cdp);
  const lastChangeAt = await call<number>(page, 'stream', chunks, INTERVAL_MS);
  const after = await metrics(cdp);
  // With the extension this ends when the panel is laid out; without it, after the same 3 s.
  const panel = await call<{ t0: number; inserted: number | null; visible: number | null }>(page, 'finishAndWait', 3000);
  const longTasks = await call<number[]>(page, 'recordLongTasks', false);
  return {
    scriptMs: (after.ScriptDuration! - before.ScriptDuration!) * 1000,
    taskMs: (after.TaskDuration! - before.TaskDuration!) * 1000,
    longTasks,
    lastChangeAt,
    panel,
  };
}

// 1. Streaming cost -----------------------------------------------------------------------
async function streaming(withExt: BenchBrowser, without: BenchBrowser) {
  const s = SITES.chatgpt;
  const chunks = markdownChunks(CFG.streamTokens, PER_CHUNK);
  const runs: Record<'with' | 'without', { scriptMs: number; taskMs: number; longTasks: number[] }[]> = { with: [], without: [] };
  // ABBA: drift on a noisy machine falls on both sides.
  const order: ('with' | 'without')[] = [];
  for (let i = 0; i < CFG.streamRuns; i++) order.push(...(i % 2 ? (['with', 'without'] as const) : (['without', 'with'] as const)));
  for (const which of order) {
    const b = which === 'with' ? withExt : without;
    const { page, cdp } = await b.open(s.fixture.url);
    // The panels on the captured answers first: on a cold service worker the watcher starts
    // seconds after the page, and its first scan is not what streaming costs.
    if (which === 'with') await call(page, 'panels', s.fixture.answers.length, 20_000);
    await sleep(2500);
    const r = await streamAnswer(page, cdp, 'chatgpt', chunks);
    if (which === 'with' && r.panel.visible === null) throw new Error('no panel after the streamed answer');
    runs[which].push({ scriptMs: r.scriptMs, taskMs: r.taskMs, longTasks: r.longTasks });
    log(`streaming ${which}: script ${r.scriptMs.toFixed(1)} ms, task ${r.taskMs.toFixed(1)} ms, long tasks [${r.longTasks.map((x) => x.toFixed(0))}]`);
    await page.close();
  }
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const row = (x: { scriptMs: number; taskMs: number; longTasks: number[] }) => ({
    scriptMs: round(x.scriptMs, 2),
    taskMs: round(x.taskMs, 2),
    longTasks: x.longTasks.length,
    longestTaskMs: round(Math.max(0, ...x.longTasks)),
  });
  const withoutAll = runs.without.flatMap((r) => r.longTasks);
  const withAll = runs.with.flatMap((r) => r.longTasks);
  const worstWithout = Math.max(0, ...withoutAll);
  const added = withAll.filter((d) => d > worstWithout);
  const result = {
    fixture: s.fixture.file,
    tokens: CFG.streamTokens,
    tokensPerChunk: PER_CHUNK,
    intervalMs: INTERVAL_MS,
    runs: CFG.streamRuns,
    withExtension: runs.with.map(row),
    withoutExtension: runs.without.map(row),
    scriptRatio: round(sum(runs.with.map((r) => r.scriptMs)) / sum(runs.without.map((r) => r.scriptMs)), 4),
    addedScriptMsPerS: round(
      (sum(runs.with.map((r) => r.scriptMs)) - sum(runs.without.map((r) => r.scriptMs))) /
        CFG.streamRuns /
        ((chunks.length * INTERVAL_MS) / 1000),
      2,
    ),
    taskRatio: round(sum(runs.with.map((r) => r.taskMs)) / sum(runs.without.map((r) => r.taskMs)), 4),
    addedLongestTaskMs: round(Math.max(0, ...added)),
    addedLongTasks: Math.max(0, withAll.length - withoutAll.length, added.length),
  };
  log(`streaming: script ratio ${result.scriptRatio}, +${result.addedScriptMsPerS} ms/s, task ratio ${result.taskRatio}`);
  return result;
}

// 2. Panel latency ------------------------------------------------------------------------
async function latency(withExt: BenchBrowser) {
  const sites = [];
  const chunks = markdownChunks(30, PER_CHUNK);
  for (const site of SITE_IDS) {
    const s = SITES[site];
    const { page } = await withExt.open(s.fixture.url);
    await call(page, 'panels', s.fixture.answers.length, 20_000);
    const afterFinish: number[] = [];
    const afterStable: number[] = [];
    for (let i = 0; i < CFG.latencyAnswers; i++) {
      await call(page, 'newAnswer', site, `l${++uid}`);
      const p = await call<{ lastChangeAt: number; t0: number; visible: number | null }>(
        page, 'streamThenFinish', chunks, INTERVAL_MS, 10_000,
      );
      const lastChangeAt = p.lastChangeAt;
      if (p.visible === null) throw new Error(`${site}: no panel within 10 s of the finish signal`);
      afterFinish.push(p.visible - p.t0);
      afterStable.push(Math.max(0, p.visible - (lastChangeAt + DEFAULT_TIMING.stableMs)));
      await sleep(100);
    }
    const marker = !!s.adapter.selectors.streaming?.length;
    sites.push({ site, marker, afterFinish: stat(afterFinish), afterStable: marker ? null : stat(afterStable) });
    log(`latency ${site}: after finish ${JSON.stringify(stat(afterFinish))}`);
    await page.close();
  }
  return { stableMs: DEFAULT_TIMING.stableMs, sites };
}

// 3. Long conversations -------------------------------------------------------------------
async function heapMB(cdp: CDPSession) {
  await cdp.send('HeapProfiler.collectGarbage');
  return round((await metrics(cdp)).JSHeapUsedSize! / 1048576, 2);
}

async function long(withExt: BenchBrowser, without: BenchBrowser) {
  const out = [];
  const chunks = markdownChunks(CFG.endTokens, PER_CHUNK);
  for (const site of SITE_IDS) {
    const s = SITES[site];
    const small = longConversation(site, 10);
    const big = longConversation(site, CFG.turns);
    const urls = { 10: s.fixture.url.replace(/.$/, '1'), N: s.fixture.url.replace(/.$/, '2') };
    for (const b of [withExt, without]) {
      b.serve(urls[10], small);
      b.serve(urls.N, big);
    }
    // Without the extension: the page's own heap, and how many answers it holds.
    const bare = await without.open(urls.N);
    const answers = await call<number>(bare.page, 'countAnswers', s.adapter.selectors.answer);
    await sleep(3000);
    const heapWithoutMB = await heapMB(bare.cdp);
    // The control: the same streamed answer with no extension, on the short and the long page,
    // so that what the page itself costs more at turn 1,000 (parsing, GC) is seen as such.
    const bareShort = await without.open(urls[10]);
    await sleep(2000);
    const bareAt: Record<'10' | 'N', number[]> = { 10: [], N: [] };
    for (let r = 0; r < CFG.endReps; r++) {
      for (const [k, p] of [['10', bareShort], ['N', bare]] as const) bareAt[k].push((await streamAnswer(p.page, p.cdp, site, chunks)).scriptMs);
    }
    await bareShort.page.close();
    await bare.page.close();

    const full = await withExt.open(urls.N);
    const allPanelsMs = await call<number>(full.page, 'panels', answers, 300_000);
    if (allPanelsMs < 0) throw new Error(`${site}: only ${-allPanelsMs} of ${answers} panels`);
    await sleep(3000);
    const heapWithMB = await heapMB(full.cdp);
    const short = await withExt.open(urls[10]);
    await call(short.page, 'panels', 1, 20_000);
    await sleep(2000);
    const at: Record<'10' | 'N', number[]> = { 10: [], N: [] };
    for (let r = 0; r < CFG.endReps; r++) {
      for (const [k, p] of [['10', short], ['N', full]] as const) {
        const res = await streamAnswer(p.page, p.cdp, site, chunks);
        if (res.panel.visible === null) throw new Error(`${site}: no panel for the answer streamed at the end`);
        at[k].push(res.scriptMs);
      }
    }
    await short.page.close();
    await full.page.close();
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const row = {
      site,
      turns: CFG.turns,
      answers,
      htmlBytes: Buffer.byteLength(big),
      allPanelsMs: round(allPanelsMs),
      heapWithMB,
      heapWithoutMB,
      streamScriptMsAt10: round(mean(at[10]), 2),
      streamScriptMsAtN: round(mean(at.N), 2),
      growth: round(mean(at.N) / mean(at[10]), 3),
      bareScriptMsAt10: round(mean(bareAt[10]), 2),
      bareScriptMsAtN: round(mean(bareAt.N), 2),
      bareGrowth: round(mean(bareAt.N) / mean(bareAt[10]), 3),
    };
    log(`long ${site}: ${JSON.stringify(row)}`);
    out.push(row);
  }
  return { turns: CFG.turns, sites: out };
}

// 4. Delivery -----------------------------------------------------------------------------
async function delivery(withExt: BenchBrowser) {
  const DELAY_MS = 20;
  const BATCH = 100;
  // The reference collector on its embedded database, with 20 ms added to every ingest request
  // (a nearby server), and a rate limit that does not get in the way.
  const dataDir = mkdtempSync(join(tmpdir(), 'bta-bench-collector-'));
  const collector = await startCollector({
    port: 0,
    dataDir,
    latencyMs: DELAY_MS,
    log: false,
    rateLimit: { burst: 1_000_000, perSecond: 1_000_000 },
  });
  try {
    const { token } = await collector.createToken('ingest', 'bench');
    const page = await withExt.context.newPage();
    await page.goto(`chrome-extension://${withExt.extensionId}/popup.html`);
    const t0 = performance.now();
    const failures = await page.evaluate(`(async () => {
      const errors = [];
      for (let i = 0; i < ${CFG.reports}; i += 50) {
        const replies = await Promise.all(Array.from({ length: Math.min(50, ${CFG.reports} - i) }, (_, j) =>
          chrome.runtime.sendMessage({ type: 'report:save', draft: {
            site: 'chatgpt', vendor: 'openai', conversationUrl: 'https://chatgpt.com/c/bench',
            answer: { key: 'chatgpt:bench:id-' + (i + j), text: 'Answer number ' + (i + j) + '. '.repeat(40) },
            prompt: { text: 'Question ' + (i + j) + '?' }, rating: (i + j) % 2 ? 'up' : 'down', flags: [] } })));
        for (const r of replies) if (!r || !r.ok) errors.push(JSON.stringify(r));
      }
      return errors;
    })()`);
    const enqueueMs = performance.now() - t0;
    if ((failures as string[]).length) throw new Error(`report:save failed: ${(failures as string[])[0]}`);

    const t1 = performance.now();
    await page.evaluate(`chrome.storage.local.set({ settings: { version: 1, keepSentDays: 30,
      endpoint: { url: ${JSON.stringify(collector.ingestUrl)}, token: ${JSON.stringify(token)}, batchSize: ${BATCH}, timeoutSeconds: 20 } } })
      .then(() => { chrome.runtime.sendMessage({ type: 'sync:now' }); })`);
    // The page was only the way in for the messages; a delivery normally runs with no extension
    // page open (an open popup would refresh its counts after every batch).
    await page.close();
    await collector.untilStored(CFG.reports);
    const deliverMs = performance.now() - t1;
    const batches = collector.storedBatches();
    const r = {
      reports: CFG.reports,
      enqueueMs: round(enqueueMs),
      enqueuePerS: round((CFG.reports / enqueueMs) * 1000),
      endpointDelayMs: DELAY_MS,
      batchSize: BATCH,
      deliverMs: round(deliverMs),
      deliverPerS: round((CFG.reports / deliverMs) * 1000),
      batches,
      batchesPerS: round((batches / deliverMs) * 1000),
    };
    log(`delivery: ${JSON.stringify(r)}`);
    return r;
  } finally {
    await collector.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

// 5. Size ---------------------------------------------------------------------------------
function size() {
  const file = (f: string) => readFileSync(join(EXTENSION_DIR, f));
  const entry = (name: string, files: string[]) => ({
    name,
    files,
    raw: files.reduce((n, f) => n + file(f).length, 0),
    gzip: files.reduce((n, f) => n + gzipSync(file(f), { level: 9 }).length, 0),
  });
  const out = [entry('content script', ['content-scripts/chat.js']), entry('background', ['background.js'])];
  for (const html of readdirSync(EXTENSION_DIR).filter((f) => f.endsWith('.html')).sort()) {
    const src = file(html).toString('utf8');
    const refs = [...src.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
    out.push(entry(`${html.replace('.html', '')} page`, [html, ...new Set(refs)]));
  }
  return out;
}

async function main() {
  const started = performance.now();
  const withExt = await launchBench({ extension: true });
  const without = await launchBench({ extension: false });
  try {
    const s = SITES.chatgpt;
    for (const b of [withExt, without]) {
      for (const site of ALL_SITES) b.serve(SITES[site].fixture.url, asDocument(fixtureHtml(SITES[site].fixture.file)));
    }
    const probe = await without.open(s.fixture.url);
    const chromium = ((await probe.cdp.send('Browser.getVersion')) as { product: string }).product;
    await probe.page.close();

    const sized = size();
    const stream = wanted('streaming') ? await streaming(withExt, without) : null;
    const lat = wanted('latency') ? await latency(withExt) : null;
    const lng = wanted('long') ? await long(withExt, without) : null;
    const del = wanted('delivery') ? await delivery(withExt) : null;
    if (only || SITE_IDS !== ALL_SITES || !stream || !lat || !lng || !del) {
      log(`a partial run (--only, --sites): figures above, no result file (${round((performance.now() - started) / 1000)} s)`);
      return;
    }
    const partial = {
      meta: {
        date: new Date().toISOString(),
        quick,
        node: process.version,
        chromium,
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model ?? 'unknown',
        durationS: round((performance.now() - started) / 1000),
      },
      streaming: stream,
      latency: lat,
      long: lng,
      delivery: del,
      size: sized,
    };
    const result: BenchResult = BenchResultSchema.parse({ ...partial, targets: judge(partial) });
    const dir = resolve(dirname(fileURLToPath(import.meta.url)), 'results');
    mkdirSync(dir, { recursive: true });
    const out = join(dir, `${result.meta.date.replace(/[:.]/g, '-')}${quick ? '-quick' : ''}.json`);
    writeFileSync(out, JSON.stringify(result, null, 2) + '\n');
    console.log(formatTable(result));
    console.log(`\n${out} (${result.meta.durationS} s)`);
  } finally {
    await withExt.close();
    await without.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
