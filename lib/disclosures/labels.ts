/** Topic, status and source-kind names: zod-free, so the page's panel can show them cheaply. */

export const TOPIC_IDS = [
  'human-labor',
  'employers',
  'headcount',
  'locations',
  'pay',
  'protections',
  'instructions',
  'feedback-use',
] as const;
export type TopicId = (typeof TOPIC_IDS)[number];

export const TOPIC_LABELS: Record<TopicId, string> = {
  'human-labor': 'Uses human labor',
  employers: 'Who employs the workers',
  headcount: 'How many',
  locations: 'Where',
  pay: 'Pay',
  protections: 'Protections and wellbeing support',
  instructions: 'Instructions to workers',
  'feedback-use': 'What your feedback buttons do',
};

export const DISCLOSURE_STATUS = ['disclosed', 'partly', 'not-disclosed'] as const;
export type DisclosureStatus = (typeof DISCLOSURE_STATUS)[number];

export const STATUS_LABELS: Record<DisclosureStatus, string> = {
  disclosed: 'Disclosed',
  partly: 'Partly disclosed',
  'not-disclosed': 'Not disclosed',
};

export const SOURCE_KINDS = ['vendor', 'independent', 'press', 'supplier'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const SOURCE_KIND_LABELS: Record<SourceKind, string> = {
  vendor: "Vendor's own",
  independent: 'Independent assessment',
  press: 'Reported by the press',
  supplier: "Supplier's claim",
};

/** Kinds that can carry a "disclosed" or "partly" status; press and supplier claims never can. */
export const DISCLOSING_KINDS: readonly SourceKind[] = ['vendor', 'independent'];
