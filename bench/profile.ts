/**
 * Where the streaming cost goes: `npx tsx bench/profile.ts [--tokens=1000] [--reps=3] [--without]`.
 * Streams an answer into the captured ChatGPT page (as bench/run.ts does) under the CDP
 * sampling profiler and splits the main thread's samples into the page's script, the content
 * script's and the engine's; then the page's functions by self time (what an observer or a
 * timer of ours makes the page's own DOM calls cost shows there), the content script's by
 * self time, and by the entry point (observer callback, timer) that ran them. For readable names, build with
 * `BTA_NOMINIFY=1 npm run build` first. The first repetition includes the panels' first
 * drawing when the service worker was cold; compare the later ones.
 */
import { asDocument, fixtureHtml } from '../tests/fixtures/load';
import { launchBench } from './browser';
import { SITES, markdownChunks } from './pages';

const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const TOKENS = arg('tokens', 1000);
const REPS = arg('reps', 3);
const withExt = !process.argv.includes('--without');

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface Profile {
  nodes: { id: number; callFrame: CallFrame; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

const ENGINE = ['(idle)', '(program)', '(garbage collector)'];
const ours = (f: CallFrame) => f.url.includes('/content-scripts/');
const name = (f: CallFrame) => `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*\//, '')}:${f.lineNumber}`;

function summarise(profile: Profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const add = (m: Map<string, number>, k: string, ms: number) => m.set(k, (m.get(k) ?? 0) + ms);
  const where = new Map<string, number>();
  const self = new Map<string, number>();
  const entry = new Map<string, number>();
  const pageSelf = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const chain: CallFrame[] = [];
    for (let x: number | undefined = id; x !== undefined; x = parent.get(x)) chain.unshift(byId.get(x)!.callFrame);
    const leaf = chain.at(-1)!;
    const first = chain.find(ours);
    if (first) {
      add(where, 'content script', ms);
      add(self, name(leaf), ms);
      add(entry, name(first), ms);
    } else if (ENGINE.includes(leaf.functionName)) add(where, leaf.functionName, ms);
    else {
      add(where, 'page', ms);
      add(pageSelf, name(leaf), ms);
    }
  });
  const top = (m: Map<string, number>, n: number) =>
    [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `  ${v.toFixed(2).padStart(8)} ms  ${k}`);
  return [
    [...where].filter(([k]) => k !== '(idle)').map(([k, v]) => `${k} ${v.toFixed(1)} ms`).join(', '),
    'page, self time:',
    ...top(pageSelf, 8),
    ...(self.size ? ['content script, self time:', ...top(self, 12), 'content script, by entry point:', ...top(entry, 8)] : []),
  ].join('\n');
}

const b = await launchBench({ extension: withExt });
try {
  const s = SITES.chatgpt;
  b.serve(s.fixture.url, asDocument(fixtureHtml(s.fixture.file)));
  const chunks = JSON.stringify(markdownChunks(TOKENS, 3));
  for (let rep = 1; rep <= REPS; rep++) {
    const { page, cdp } = await b.open(s.fixture.url);
    if (withExt) await page.evaluate(`window.__bench.panels(${s.fixture.answers.length}, 20000)`);
    await new Promise((r) => setTimeout(r, 2500));
    await page.evaluate(`window.__bench.newAnswer('chatgpt', 'profile-${rep}')`);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
    await cdp.send('Profiler.start');
    await page.evaluate(`window.__bench.stream(${chunks}, 40)`);
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
    console.log(`${withExt ? 'with' : 'without'} the extension, ${TOKENS} tokens, run ${rep}: ${summarise(profile)}\n`);
    await page.close();
  }
} finally {
  await b.close();
}
