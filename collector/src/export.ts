/** CSV and JSONL lines of stored reports, for the dashboard's export. */
import type { StoredReport } from './queries';

const COLUMNS = [
  'id', 'createdAt', 'receivedAt', 'team', 'site', 'vendor', 'model', 'mode', 'rating', 'flags',
  'comment', 'correction', 'answerKey', 'answerSha256', 'answerText', 'promptText', 'conversationUrl',
  'reporter', 'extensionVersion',
] as const;

export function csvHeader(): string {
  return `${COLUMNS.join(',')}\r\n`;
}

export function csvRow({ team, receivedAt, report: r }: StoredReport): string {
  const values: Record<(typeof COLUMNS)[number], string | undefined> = {
    id: r.id,
    createdAt: r.createdAt,
    receivedAt,
    team,
    site: r.site,
    vendor: r.vendor,
    model: r.model,
    mode: r.mode,
    rating: r.rating,
    flags: r.flags.join(';'),
    comment: r.comment,
    correction: r.correction,
    answerKey: r.answer.key,
    answerSha256: r.answer.sha256,
    answerText: r.answer.text,
    promptText: r.prompt?.text,
    conversationUrl: r.conversationUrl,
    reporter: r.reporter,
    extensionVersion: r.extensionVersion,
  };
  return `${COLUMNS.map((c) => csvCell(values[c] ?? '')).join(',')}\r\n`;
}

/**
 * RFC 4180 quoting, and a leading apostrophe before =, +, -, @, tab or CR: the texts come from
 * chatbot pages and strangers, and a spreadsheet would otherwise run them as formulas.
 */
export function csvCell(v: string): string {
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) || safe !== v ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function jsonlRow({ team, receivedAt, report }: StoredReport): string {
  return `${JSON.stringify({ team, receivedAt, report })}\n`;
}
