/** Pure helpers of the dashboard: names, numbers, dates, gaps in a daily series. */
import { SITE_NAMES } from '../../../lib/sites/names';

const VENDORS: Record<string, string> = {
  openai: 'OpenAI', anthropic: 'Anthropic', google: 'Google', microsoft: 'Microsoft', perplexity: 'Perplexity',
  mistral: 'Mistral AI', deepseek: 'DeepSeek', xai: 'xAI', meta: 'Meta', quora: 'Quora', huggingface: 'Hugging Face', alibaba: 'Alibaba',
};
/** The labels the person saw in the flag form (docs/endpoint.md). */
const FLAGS: Record<string, string> = {
  'factually-wrong': 'Factually wrong', 'made-up-source': 'Made-up source', unsafe: 'Unsafe or harmful', biased: 'Biased or stereotyping',
  'refused-harmless': 'Refused a harmless request', outdated: 'Outdated', 'overclaims-ai': 'Overclaims what AI did',
  'poor-language': 'Poor quality in my language', other: 'Other',
};

/** Known ids get their display name; a newer extension's ids (or a team's categories) show as they are. */
export const vendorName = (id: string) => VENDORS[id] ?? id;
export const siteName = (id: string) => (SITE_NAMES as Record<string, string>)[id] ?? id;
export const flagName = (id: string) => FLAGS[id] ?? id;

const nf = new Intl.NumberFormat('en');
export const num = (n: number) => nf.format(n);

/** "73 %" of a part; "–" when there is nothing to divide. */
export function percent(part: number, whole: number): string {
  if (!whole) return '–';
  return `${Math.round((part / whole) * 100)} %`;
}

/** "2026-11-23 09:41" in UTC: reports come from many time zones, the dashboard speaks one. */
export function shortTime(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

/** Text cut at a word near `max`, with an ellipsis. */
export function excerpt(text: string, max = 140): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

export interface Day {
  day: string;
  reports: number;
  flagged: number;
  up: number;
  down: number;
}

/** Every day from the first to the last (or the filter's bounds), days without reports as zeros. */
export function fillDays(rows: Day[], from?: string, to?: string): Day[] {
  if (!rows.length && !(from && to)) return [];
  const first = from ?? rows[0]!.day;
  const last = to ?? rows[rows.length - 1]!.day;
  const by = new Map(rows.map((r) => [r.day, r]));
  const out: Day[] = [];
  const end = Date.parse(`${last}T00:00:00Z`);
  // A long range would make thousands of empty bars: cap it at ten years.
  for (let t = Date.parse(`${first}T00:00:00Z`), i = 0; t <= end && i < 3660; t += 86_400_000, i++) {
    const day = new Date(t).toISOString().slice(0, 10);
    out.push(by.get(day) ?? { day, reports: 0, flagged: 0, up: 0, down: 0 });
  }
  return out;
}

/** "1–50 of 1,234" */
export function pageLabel(offset: number, rows: number, total: number): string {
  if (!total) return 'No reports';
  return `${num(offset + 1)}–${num(offset + rows)} of ${num(total)}`;
}
