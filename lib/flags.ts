/** Flag categories: shared by the form (no zod in the page) and the report schema. */
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

/** Labels shown in the flag form, in the order above. */
export const FLAG_LABELS: Record<FlagCategory, string> = {
  'factually-wrong': 'Factually wrong',
  'made-up-source': 'Made-up source or citation',
  unsafe: 'Unsafe or harmful',
  biased: 'Biased or stereotyping',
  'refused-harmless': 'Refused a harmless request',
  outdated: 'Outdated',
  'overclaims-ai': 'Overclaims what AI did or can do',
  'poor-language': 'Poor quality in my language',
  other: 'Other',
};
