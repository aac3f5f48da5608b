/**
 * Exports with hostile values: text from chatbots and pages must come out of a CSV as
 * the same text (after the formula guard), never as extra cells, rows or formulas.
 */
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, csvField, toCsv, toJsonl } from '../../lib/export';
import type { OutboxRecord } from '../../lib/outbox/db';
import type { Report } from '../../lib/report';

function report(over: Partial<Report> = {}): Report {
  return {
    id: '019a0000-0000-7000-8000-000000000001',
    createdAt: '2026-11-23T10:00:00.000Z',
    extensionVersion: '0.1.0',
    site: 'chatgpt',
    vendor: 'openai',
    answer: { key: 'chatgpt:c1:m1', sha256: 'a'.repeat(64), text: 'Plain answer' },
    flags: [],
    rating: 'up',
    ...over,
  };
}

function record(over: Partial<OutboxRecord> = {}, rep: Partial<Report> = {}): OutboxRecord {
  const r = report(rep);
  return { id: r.id, state: 'pending', report: r, createdAt: Date.parse(r.createdAt), updatedAt: 0, bytes: 10, attempts: 0, ...over };
}

/** A strict RFC 4180 reader, to prove the writer's output parses back to the same cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let cell = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quote');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            cell += '"';
            i += 2;
          } else {
            i++;
            break;
          }
        } else cell += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
        if (text[i] === '"') throw new Error(`bare quote at ${i}`);
        cell += text[i++];
      }
    }
    row.push(cell);
    if (text[i] === ',') i++;
    else if (text.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
    } else if (i < text.length) throw new Error(`unexpected ${JSON.stringify(text[i])} at ${i}`);
  }
  if (row.length) rows.push(row);
  return rows;
}

describe('csvField', () => {
  it.each([
    ['plain', 'plain'],
    ['', ''],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['line1\nline2', '"line1\nline2"'],
    ['line1\r\nline2', '"line1\r\nline2"'],
    ['=HYPERLINK("http://evil","x")', `"'=HYPERLINK(""http://evil"",""x"")"`],
    ['+1', "'+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\r=1', `"'\r=1"`],
    [' =not a formula start', ' =not a formula start'],
    ['a=b', 'a=b'],
  ])('%j → %j', (input, out) => {
    expect(csvField(input)).toBe(out);
  });

  it('writes nothing for a missing value', () => {
    expect(csvField(undefined)).toBe('');
    expect(csvField(null)).toBe('');
  });
});

describe('toCsv', () => {
  it('has the fixed header even with no records', () => {
    expect(toCsv([])).toBe(`${CSV_COLUMNS.join(',')}\r\n`);
    expect(CSV_COLUMNS).toEqual([
      'id', 'createdAt', 'state', 'reason', 'site', 'vendor', 'model', 'mode', 'conversationUrl', 'answerKey',
      'answerSha256', 'rating', 'flags', 'comment', 'correction', 'prompt', 'answer',
    ]);
  });

  it('keeps tricky text in its own cell, guarded against formulas', () => {
    const tricky = record(
      { state: 'rejected', reason: 'Refused: "model" missing, see docs' },
      {
        model: 'GPT-5, "thinking"',
        mode: '=cmd|"/C calc"!A0',
        conversationUrl: 'https://chatgpt.com/c/1?a=1,b=2',
        rating: undefined,
        flags: ['factually-wrong', 'made-up-source'],
        comment: '@admin look\r\nat this',
        correction: '-1 is wrong; it is +1',
        prompt: { text: 'Line one\nLine "two", three' },
        answer: { key: 'chatgpt:c1:m1', sha256: 'b'.repeat(64), text: '  leading spaces, then\n=1+1\n' },
      },
    );
    const rows = parseCsv(toCsv([record(), tricky]));
    expect(rows).toHaveLength(3);
    for (const r of rows) expect(r).toHaveLength(CSV_COLUMNS.length);
    const cell = (r: string[], name: (typeof CSV_COLUMNS)[number]) => r[CSV_COLUMNS.indexOf(name)];
    const t = rows[2]!;
    expect(cell(t, 'state')).toBe('rejected');
    expect(cell(t, 'reason')).toBe('Refused: "model" missing, see docs');
    expect(cell(t, 'model')).toBe('GPT-5, "thinking"');
    expect(cell(t, 'mode')).toBe(`'=cmd|"/C calc"!A0`);
    expect(cell(t, 'conversationUrl')).toBe('https://chatgpt.com/c/1?a=1,b=2');
    expect(cell(t, 'rating')).toBe('');
    expect(cell(t, 'flags')).toBe('factually-wrong;made-up-source');
    expect(cell(t, 'comment')).toBe("'@admin look\r\nat this");
    expect(cell(t, 'correction')).toBe("'-1 is wrong; it is +1");
    expect(cell(t, 'prompt')).toBe('Line one\nLine "two", three');
    expect(cell(t, 'answer')).toBe('  leading spaces, then\n=1+1\n');
    expect(cell(t, 'answerSha256')).toBe('b'.repeat(64));
    const plain = rows[1]!;
    expect(plain.slice(0, 6)).toEqual(['019a0000-0000-7000-8000-000000000001', '2026-11-23T10:00:00.000Z', 'pending', '', 'chatgpt', 'openai']);
    expect(cell(plain, 'rating')).toBe('up');
    expect(cell(plain, 'answer')).toBe('Plain answer');
  });

  it('never lets a cell start with a formula character', () => {
    const starts = ['=', '+', '-', '@', '\t', '\r'];
    const recs = starts.map((s, i) => record({ reason: `${s}x` }, { id: `019a0000-0000-7000-8000-00000000000${i}`, comment: `${s}y`, answer: { key: `${s}k`, sha256: 'c'.repeat(64), text: `${s}z` } }));
    for (const r of parseCsv(toCsv(recs)).slice(1)) {
      for (const c of r) expect(starts.some((s) => c.startsWith(s))).toBe(false);
    }
  });
});

describe('toJsonl', () => {
  it('writes one parseable line per report, with state and reason', () => {
    const recs = [
      record(),
      record(
        { state: 'rejected', reason: 'bad\nreason' },
        { id: '019a0000-0000-7000-8000-000000000002', comment: 'line\nbreak \u2028 and "quotes"', answer: { key: 'k', sha256: 'd'.repeat(64), text: '{"not":"json"}\n' } },
      ),
      record({ state: 'sent', sentAt: Date.parse('2026-11-23T11:00:00Z') }, { id: '019a0000-0000-7000-8000-000000000003' }),
    ];
    const text = toJsonl(recs);
    expect(text.endsWith('\n')).toBe(true);
    const lines = text.split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe('');
    const parsed = lines.slice(0, 3).map((l) => JSON.parse(l));
    expect(parsed[0]).toEqual({ state: 'pending', report: recs[0]!.report });
    expect(parsed[1]).toEqual({ state: 'rejected', reason: 'bad\nreason', report: recs[1]!.report });
    expect(parsed[2]).toEqual({ state: 'sent', sentAt: '2026-11-23T11:00:00.000Z', report: recs[2]!.report });
  });

  it('is empty for no records', () => {
    expect(toJsonl([])).toBe('');
  });
});
