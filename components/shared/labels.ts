import type { ReportState } from '@/lib/outbox/db';
import { FLAG_LABELS, type FlagCategory } from '@/lib/flags';

/** Plain names for the outbox states, in the order a report moves through them. */
export const STATE_ORDER: readonly ReportState[] = ['pending', 'sending', 'sent', 'rejected'];

export const STATE_LABELS: Record<ReportState, string> = {
  pending: 'Waiting',
  sending: 'Sending',
  sent: 'Delivered',
  rejected: 'Refused by the endpoint',
};

/** Short forms where space is tight (the outbox filter). */
export const STATE_SHORT: Record<ReportState, string> = { ...STATE_LABELS, rejected: 'Refused' };

export function ratingLabel(r: 'up' | 'down' | undefined): string {
  return r === 'up' ? 'Good' : r === 'down' ? 'Bad' : '';
}

/** Built-in categories by their label; a team's own by its id (the stored report keeps only ids). */
export function flagsLabel(flags: readonly string[]): string {
  return flags.map((f) => FLAG_LABELS[f as FlagCategory] ?? f).join(', ');
}
