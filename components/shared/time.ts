/** Times for people: "5 minutes ago", "in 2 minutes"; the exact time goes in a tooltip. */
import { t } from '@/lib/i18n';

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];

let rtfCache: Intl.RelativeTimeFormat | undefined;
/** In the language the interface is shown in (the translation's own tag). */
function rtf(): Intl.RelativeTimeFormat {
  if (!rtfCache) {
    try {
      rtfCache = new Intl.RelativeTimeFormat(t('langTag'), { numeric: 'always' });
    } catch {
      rtfCache = new Intl.RelativeTimeFormat('en', { numeric: 'always' });
    }
  }
  return rtfCache;
}

export function relativeTime(at: string | number, now = Date.now()): string {
  const when = typeof at === 'number' ? at : Date.parse(at);
  if (!Number.isFinite(when)) return t('time_unknown');
  const secs = Math.round((when - now) / 1000);
  // Clock jitter between the background and the page: a few seconds is "now" either way.
  if (Math.abs(secs) < 45) return secs > 0 ? t('time_soon') : t('time_justNow');
  for (const [unit, size] of UNITS) {
    if (Math.abs(secs) >= size || unit === 'minute') return rtf().format(Math.round(secs / size), unit);
  }
  return rtf().format(secs, 'second');
}

export function exactTime(at: string | number): string {
  const d = new Date(at);
  return Number.isNaN(d.getTime()) ? '' : d.toLocaleString();
}

/** A local calendar date (2026-11-23), for file names. */
export function localDate(now = Date.now()): string {
  const d = new Date(now);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
