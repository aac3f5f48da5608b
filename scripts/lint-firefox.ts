/**
 * Mozilla's linter (web-ext lint, the same addons-linter AMO runs on upload) on the Firefox
 * build. Fails on any error, and on any warning or notice not explained below: each accepted
 * one names the rule, the file it is in, and why it is not a problem.
 *
 *   npm run lint:firefox        (builds first)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const DIR = resolve(import.meta.dirname, '../.output/firefox-mv2');

interface Message {
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

/**
 * Warnings looked at and accepted, with the reason (also in the README, "Firefox lint"). Each is
 * recognised by the code around the flagged spot, not by a file name: bundle chunks are renamed
 * whenever the code is split differently, and a new warning of the same kind elsewhere must fail.
 */
const EXPLAINED: { code: string; around: RegExp; why: string }[] = [
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    // Preact's renderer, bundled into the panel (content script) and the extension pages.
    around: /`dangerouslySetInnerHTML`[\s\S]{0,300}\w+\.innerHTML=\w+\.__html$/,
    why:
      "Preact's diff sets `innerHTML` only for an element given the `dangerouslySetInnerHTML` prop; " +
      'no component of ours uses that prop (the panel never uses innerHTML: Gemini enforces Trusted Types).',
  },
  {
    code: 'DANGEROUS_EVAL',
    // zod's check whether it may compile parsers, bundled into the background and the pages.
    around: /jitless[\s\S]{0,200}try\{return Function\(``\)$/,
    why:
      "zod 4's check whether it may compile its object parsers (`Function('')`, no string evaluated). " +
      'It runs only when zod is not jitless, and the background and every page that uses zod set ' +
      "jitless first (lib/zod-setup.ts); the content security policy (script-src 'self') would refuse it anyway.",
  },
];

/** The flagged line up to and including the flagged expression's first characters. */
function codeBefore(m: Message): string {
  if (!m.file || !m.line) return '';
  const line = readFileSync(join(DIR, m.file), 'utf8').split('\n')[m.line - 1] ?? '';
  const at = (m.column ?? 1) - 1;
  const rest = line.slice(at);
  // Up to the end of the flagged assignment or call head, so `$` in the patterns anchors there.
  const head = /^(\w+\.innerHTML=\w+\.__html|Function\(``\))/.exec(rest)?.[0] ?? '';
  return line.slice(Math.max(0, at - 400), at) + head;
}

if (!existsSync(join(DIR, 'manifest.json'))) {
  console.error(`No Firefox build in ${DIR}: run \`npm run build:firefox\` first.`);
  process.exit(2);
}

const run = spawnSync('npx', ['--no-install', 'web-ext', 'lint', '--source-dir', DIR, '--output', 'json', '--no-input'], {
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
});
const out = run.stdout.slice(run.stdout.indexOf('{'));
let report: { summary: Record<string, number>; errors: Message[]; warnings: Message[]; notices: Message[] };
try {
  report = JSON.parse(out);
} catch {
  console.error('web-ext lint gave no JSON report:\n', run.stdout, run.stderr);
  process.exit(2);
}

const where = (m: Message) => `${m.file ?? 'manifest'}${m.line ? `:${m.line}:${m.column ?? 0}` : ''}`;
let failed = false;
for (const m of report.errors) {
  failed = true;
  console.error(`ERROR   ${m.code} ${where(m)}: ${m.message}`);
}
for (const m of [...report.warnings, ...report.notices]) {
  const ok = EXPLAINED.find((e) => e.code === m.code && e.around.test(codeBefore(m)));
  if (ok) {
    console.log(`known   ${m.code} ${where(m)}: ${ok.why}`);
  } else {
    failed = true;
    console.error(`WARNING ${m.code} ${where(m)}: ${m.message}`);
  }
}
console.log(
  `web-ext lint: ${report.summary.errors} errors, ${report.summary.warnings} warnings, ${report.summary.notices} notices` +
    (failed ? ' — not accepted (see above)' : ' — every warning explained'),
);
process.exit(failed ? 1 : 0);
