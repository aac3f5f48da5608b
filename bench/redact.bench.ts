/**
 * Speed of redaction on long answers: `npx vitest bench --run --project unit bench/redact.bench.ts`.
 * Target: a 200,000-character answer in well under 50 ms; hostile input stays linear.
 */
import { bench, describe } from 'vitest';
import { redact } from '../lib/redact';

const N = 200_000;
const fill = (unit: string) => unit.repeat(Math.ceil(N / unit.length)).slice(0, N);

const prose = fill(
  'Large language models are trained on text written by people, and their answers are shaped by ' +
    'annotators who rate them. Version 1.2.3 shipped on 2026-11-23 at 12:30 for $1,299.00 (3 + 4 = 7). ',
);
const dense = fill(
  'Write to josé@exämple.de or call +44 20 7946 0958; card 4111 1111 1111 1111; IBAN GB82 WEST 1234 5698 7654 32; ' +
    'server 192.168.1.1 and 2001:db8::1; api_key=0123456789abcdef0123; 电话13800138000，请联系。 Привет! नमस्ते 😀 ',
);
const multilingual = fill('这是一个关于机器学习的回答。これは日本語です。यह हिंदी है। هذه عربية. Это русский. Habari! 😀 ');

describe('redact, 200,000 characters', () => {
  bench('prose with numbers (no personal details)', () => {
    redact(prose);
  });
  bench('dense personal details (~1 per 30 characters)', () => {
    redact(dense);
  });
  bench('non-Latin scripts', () => {
    redact(multilingual);
  });
  bench('hostile: "1 " repeated', () => {
    redact(fill('1 '));
  });
  bench('hostile: "a@" repeated', () => {
    redact(fill('a@'));
  });
  bench('hostile: hex and colons', () => {
    redact(fill('0123456789abcdef:'));
  });
});
