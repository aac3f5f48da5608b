import type { ReportState } from '@/lib/outbox/db';
import { FLAG_LABELS, type FlagCategory } from '@/lib/flags';
import { lazyLabels } from '@/lib/i18n-core';
import { t } from '@/lib/i18n';

/** Plain names for the outbox states, in the order a report moves through them. */
export const STATE_ORDER: readonly ReportState[] = ['pending', 'sending', 'sent', 'rejected'];

export const STATE_LABELS: Record<ReportState, string> = lazyLabels(STATE_ORDER, (s) => t(`state_${s}`));

/** Short forms where space is tight (the outbox filter). */
export const STATE_SHORT: Record<ReportState, string> = lazyLabels(STATE_ORDER, (s) =>
  s === 'rejected' ? t('state_rejectedShort') : t(`state_${s}`),
);

export function ratingLabel(r: 'up' | 'down' | undefined): string {
  return r === 'up' ? t('common_good') : r === 'down' ? t('common_bad') : '';
}

/** Built-in categories by their label; a team's own by its id (the stored report keeps only ids). */
export function flagsLabel(flags: readonly string[]): string {
  return flags.map((f) => FLAG_LABELS[f as FlagCategory] ?? f).join(', ');
}
