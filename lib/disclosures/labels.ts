/**
 * Topic, status and source-kind names in the browser's language (messages topic_*, status_*,
 * sourceKind_*): zod-free and free of `wxt/browser`, so the page's panel can show them cheaply.
 */
import { lazyLabels, tGlobal, type MessageKey } from '../i18n-core';

/** Ids use hyphens; message keys allow only letters, digits and _. */
const keyOf = (prefix: string, id: string) => `${prefix}_${id.replace(/-/g, '_')}` as MessageKey;

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

export const topicLabel = (id: TopicId): string => tGlobal(keyOf('topic', id));
/** Each read is looked up anew, so the names follow the language. */
export const TOPIC_LABELS: Record<TopicId, string> = lazyLabels(TOPIC_IDS, topicLabel);

export const DISCLOSURE_STATUS = ['disclosed', 'partly', 'not-disclosed'] as const;
export type DisclosureStatus = (typeof DISCLOSURE_STATUS)[number];

export const statusLabel = (s: DisclosureStatus): string => tGlobal(keyOf('status', s));
export const STATUS_LABELS: Record<DisclosureStatus, string> = lazyLabels(DISCLOSURE_STATUS, statusLabel);

export const SOURCE_KINDS = ['vendor', 'independent', 'press', 'supplier'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const sourceKindLabel = (k: SourceKind): string => tGlobal(keyOf('sourceKind', k));
export const SOURCE_KIND_LABELS: Record<SourceKind, string> = lazyLabels(SOURCE_KINDS, sourceKindLabel);

/** Kinds that can carry a "disclosed" or "partly" status; press and supplier claims never can. */
export const DISCLOSING_KINDS: readonly SourceKind[] = ['vendor', 'independent'];
