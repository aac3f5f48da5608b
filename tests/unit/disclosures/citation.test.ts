import { describe, expect, it } from 'vitest';
import { citation } from '../../../lib/disclosures/citation';
import type { Statement, VendorEntry } from '../../../lib/disclosures/schema';

describe('copy citation', () => {
  it('gives the fact, its scope, every source with date and kind, and the registry it came from', () => {
    const statement: Statement = {
      text: 'Contractors labelled the demonstration data.',
      scope: 'InstructGPT, 2022',
      sources: [
        { title: 'Training language models to follow instructions', publisher: 'OpenAI (arXiv)', url: 'https://arxiv.org/abs/2203.02155', date: '2022-03', kind: 'vendor' },
        { title: 'Workers paid under $2 an hour', publisher: 'TIME', url: 'https://time.com/6247678/', date: '2023-01-18', kind: 'press' },
      ],
    };
    const vendor = { name: 'OpenAI' } as VendorEntry;
    expect(citation(statement, vendor, { version: 2026112301, asOf: '2026' })).toBe(
      'OpenAI: Contractors labelled the demonstration data. (InstructGPT, 2022) Sources: OpenAI (arXiv), “Training language models to follow instructions”, 2022-03, https://arxiv.org/abs/2203.02155; ' +
        'TIME, “Workers paid under $2 an hour”, 2023-01-18, https://time.com/6247678/ (press report). ' +
        'Summary from the Behind the Answer disclosure registry, version 2026112301, as of 2026.',
    );
  });
});
