import { describe, expect, it } from 'vitest';
import { excerpt, fillDays, flagName, pageLabel, percent, shortTime, siteName, vendorName } from '../dashboard/src/format';
import { filtersToQuery, parseFilters } from '../src/filters';
import { readFilters, withFilter } from '../dashboard/src/url-state';

describe('dashboard formatting', () => {
  it('names known ids and shows unknown ones as they came', () => {
    expect(vendorName('xai')).toBe('xAI');
    expect(siteName('mistral')).toBe('Le Chat');
    expect(flagName('made-up-source')).toBe('Made-up source');
    expect(vendorName('newco')).toBe('newco');
    expect(flagName('wrong-date')).toBe('wrong-date');
  });

  it('gives percentages and page labels in words', () => {
    expect(percent(1, 3)).toBe('33 %');
    expect(percent(0, 0)).toBe('–');
    expect(pageLabel(0, 25, 1234)).toBe('1–25 of 1,234');
    expect(pageLabel(1225, 9, 1234)).toBe('1,226–1,234 of 1,234');
    expect(pageLabel(0, 0, 0)).toBe('No reports');
    expect(shortTime('2026-11-23T09:41:07.512Z')).toBe('2026-11-23 09:41');
  });

  it('cuts long text at a word, and collapses whitespace', () => {
    expect(excerpt('short  text\n here')).toBe('short text here');
    expect(excerpt('The Treaty of Westphalia was signed in 1648', 20)).toBe('The Treaty of…');
    expect(excerpt('x'.repeat(30), 10)).toBe(`${'x'.repeat(10)}…`);
  });

  it('fills the days without reports, within the filter bounds when given', () => {
    const rows = [
      { day: '2026-11-20', reports: 2, flagged: 1, up: 1, down: 0 },
      { day: '2026-11-22', reports: 1, flagged: 0, up: 0, down: 1 },
    ];
    expect(fillDays(rows).map((d) => [d.day, d.reports])).toEqual([['2026-11-20', 2], ['2026-11-21', 0], ['2026-11-22', 1]]);
    expect(fillDays(rows, '2026-11-19', '2026-11-23').map((d) => d.day)).toEqual(['2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23']);
    expect(fillDays([])).toEqual([]);
    // Across a month end and a daylight-saving change (the days are UTC).
    expect(fillDays([], '2026-03-28', '2026-04-01').map((d) => d.day)).toEqual(['2026-03-28', '2026-03-29', '2026-03-30', '2026-03-31', '2026-04-01']);
  });
});

describe('the filter in the query string', () => {
  it('round-trips, in a fixed order, without empty values', () => {
    const f = { vendor: 'openai', from: '2026-11-01', q: 'nobel prize', rating: 'down' as const };
    const q = filtersToQuery(f, { offset: 25 });
    expect(q).toBe('from=2026-11-01&vendor=openai&rating=down&q=nobel+prize&offset=25');
    expect(parseFilters(new URLSearchParams(q))).toEqual({ ok: true, filters: f });
    expect(filtersToQuery({ vendor: '' } as never)).toBe('');
  });

  it('treats empty values as no filter and refuses malformed ones with a reason', () => {
    expect(parseFilters(new URLSearchParams('vendor=&site=claude'))).toEqual({ ok: true, filters: { site: 'claude' } });
    const bad = parseFilters(new URLSearchParams('from=23/11/2026'));
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error).toMatch(/^from: /);
    expect(parseFilters(new URLSearchParams('rating=sideways')).ok).toBe(false);
  });

  it('reads the address leniently (a broken link shows everything) and changes one field at a time', () => {
    expect(readFilters('?vendor=google&from=nonsense')).toEqual({});
    expect(readFilters('?vendor=google')).toEqual({ vendor: 'google' });
    const f = withFilter({ vendor: 'google' }, 'site', 'gemini');
    expect(f).toEqual({ vendor: 'google', site: 'gemini' });
    expect(withFilter(f, 'vendor', '')).toEqual({ site: 'gemini' });
  });
});
