/**
 * Mozilla's linter (web-ext lint, the same addons-linter AMO runs on upload) on the Firefox
 * build. Fails on any error, and on any warning or notice not explained below: each accepted
 * one names the rule, the file it is in, and why it is not a problem.
 *
 *   npm run lint:firefox        (builds first)
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const DIR = resolve(import.meta.dirname, '../.output/firefox-mv2');

interface Message {
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

/** Warnings looked at and accepted, with the reason (also in the README, "Firefox lint"). */
const EXPLAINED: { code: string; file: RegExp; why: string }[] = [
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    // Preact's renderer is bundled into the panel (content script) and the extension pages.
    file: /^(content-scripts\/chat\.js|chunks\/styles-[\w-]+\.js)$/,
    why:
      "Preact's diff sets `innerHTML` only for an element given the `dangerouslySetInnerHTML` prop; " +
      'no component of ours uses that prop (the panel never uses innerHTML: Gemini enforces Trusted Types).',
  },
  {
    code: 'DANGEROUS_EVAL',
    // zod is bundled into the background and the extension pages.
    file: /^(background\.js|chunks\/types-[\w-]+\.js)$/,
    why:
      "zod 4 probes `Function('')` once to see whether it may compile its object parsers; " +
      "the extension's content security policy (script-src 'self') forbids it, so the probe " +
      'fails and zod parses without generated code. No string is ever evaluated.',
  },
];

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
  const ok = EXPLAINED.find((e) => e.code === m.code && e.file.test(m.file ?? ''));
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
