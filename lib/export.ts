/**
 * Outbox exports. JSONL is the lossless one (the report exactly as stored); CSV is for
 * spreadsheets, so it is quoted per RFC 4180 and guarded against formula injection:
 * answer and page text come from a chatbot and a web page, and a cell starting with
 * "=" would otherwise run as a formula when a colleague opens the file.
 */
import type { OutboxRecord } from './outbox/db';

/** One JSON object per line: {state, reason?, sentAt?, report}. */
export function toJsonl(records: readonly OutboxRecord[]): string {
  return records
    .map((r) =>
      JSON.stringify({
        state: r.state,
        ...(r.reason !== undefined && { reason: r.reason }),
        ...(r.sentAt !== undefined && { sentAt: new Date(r.sentAt).toISOString() }),
        report: r.report,
      }),
    )
    .map((line) => `${line}\n`)
    .join('');
}

export const CSV_COLUMNS = [
  'id',
  'createdAt',
  'state',
  'reason',
  'site',
  'vendor',
  'model',
  'mode',
  'conversationUrl',
  'answerKey',
  'answerSha256',
  'rating',
  'flags',
  'comment',
  'correction',
  'prompt',
  'answer',
] as const;

/** Characters that make a spreadsheet read a cell as a formula (OWASP's list). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV field: formula guard first, then RFC 4180 quoting. */
export function csvField(value: string | undefined | null): string {
  let v = value ?? '';
  if (FORMULA_START.test(v)) v = `'${v}`;
  return /[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

function row(r: OutboxRecord): string[] {
  const p = r.report;
  return [
    p.id,
    p.createdAt,
    r.state,
    r.reason,
    p.site,
    p.vendor,
    p.model,
    p.mode,
    p.conversationUrl,
    p.answer.key,
    p.answer.sha256,
    p.rating,
    p.flags.join(';'),
    p.comment,
    p.correction,
    p.prompt?.text,
    p.answer.text,
  ].map(csvField);
}

/** Header plus one line per record, CRLF-terminated as RFC 4180 says. */
export function toCsv(records: readonly OutboxRecord[]): string {
  return [CSV_COLUMNS.join(','), ...records.map((r) => row(r).join(','))].map((l) => `${l}\r\n`).join('');
}
