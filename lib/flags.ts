/** Flag categories: shared by the form (no zod in the page) and the report schema. */
import { lazyLabels, tGlobal, type MessageKey } from './i18n-core';

export const FLAG_CATEGORIES = [
  'factually-wrong',
  'made-up-source',
  'unsafe',
  'biased',
  'refused-harmless',
  'outdated',
  'overclaims-ai',
  'poor-language',
  'other',
] as const;
export type FlagCategory = (typeof FLAG_CATEGORIES)[number];

/** A built-in category's label in the browser's language (messages flag_<id>). */
export function flagLabel(id: FlagCategory): string {
  return tGlobal(`flag_${id.replace(/-/g, '_')}` as MessageKey);
}

/** Labels shown in the flag form, in the order above; each read is looked up anew. */
export const FLAG_LABELS: Record<FlagCategory, string> = lazyLabels(FLAG_CATEGORIES, flagLabel);
