/** Valid reports and batches for the tests, built the way the extension builds them. */
import { createHash } from 'node:crypto';
import { PROTOCOL, type Batch } from '../../lib/sync/protocol';
import { uuidv7, type Report } from '../../lib/report';

let seq = 0;
export function makeReport(over: Partial<Report> = {}, at = Date.now()): Report {
  const n = seq++;
  const text = `Answer number ${n}: the Treaty of Westphalia was signed in 1648.`;
  return {
    id: uuidv7(at + n),
    createdAt: new Date(at).toISOString(),
    extensionVersion: '0.1.0',
    site: 'chatgpt',
    vendor: 'openai',
    model: 'GPT-5',
    conversationUrl: 'https://chatgpt.com/c/6921d3a4-8b10-800c-9f31-2c7d0e5a4b6f',
    answer: { key: `chatgpt:6921d3a4:id-${n}`, sha256: createHash('sha256').update(text).digest('hex'), text },
    prompt: { text: `Question ${n}?` },
    rating: 'down',
    flags: ['factually-wrong'],
    comment: 'Wrong year.',
    ...over,
  };
}

export function batch(reports: unknown[]): Batch {
  return {
    schema: PROTOCOL,
    sentAt: new Date().toISOString(),
    client: { name: 'behind-the-answer', version: '0.1.0', browser: 'chrome' },
    reports: reports as Report[],
  };
}
