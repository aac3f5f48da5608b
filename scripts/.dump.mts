// Dev aid: prints what an adapter reads from a fixture, as a draft of tests/fixtures/cases/<site>.ts
// answers[]. Review every line against the page before committing it: this is not the test oracle.
import { loadFixture } from '../tests/fixtures/load';
import { parsePage } from '../lib/sites/parse';
const [siteId, file, url, full] = process.argv.slice(2);
const mod = await import(`../lib/sites/${siteId}.ts`);
const site = Object.values(mod)[0] as any;
const win = loadFixture(file!, url!);
const out = parsePage(win.document as any, site, new URL(url!));
const cut = (s: string | null, n = 40) => (s === null ? null : s.slice(0, n));
if (full) for (const a of out) console.error(`---- ${a.key}\nPROMPT: ${a.prompt}\nTEXT:\n${a.text}\n`);
console.log(
  JSON.stringify(
    out.map((a) => ({ key: a.key, prompt: cut(a.prompt), text: cut(a.text), model: a.model, mode: a.mode })),
    null,
    2,
  ),
);
await win.happyDOM.close();
