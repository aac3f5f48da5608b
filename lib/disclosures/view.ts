/**
 * What the panel and the directory show about one answer's vendor: the registry entry
 * resolved for the chatbot and the model the page names, with its counts and dates.
 */
import { disclosureFor, summarize } from './lookup';
import type { Registry, VendorEntry } from './schema';
import type { SiteId } from '../sites/types';

export interface DisclosureView {
  vendor: VendorEntry;
  /** The chatbot's own vendor: its feedback buttons are the ones on the page. */
  platform: { id: VendorEntry['id']; name: string; feedbackPolicy: VendorEntry['feedbackPolicy'] };
  basis: 'model' | 'platform-default' | 'platform';
  note: string | null;
  summary: ReturnType<typeof summarize>;
  asOf: string;
  version: number;
}

export interface RegistryStatus {
  /** Where the registry in use came from. */
  source: 'bundled' | 'remote';
  version: number;
  reviewedAt: string;
  url: string | null;
  lastCheckedAt: string | null;
  lastError: string | null;
}

export function disclosureView(registry: Registry, site: SiteId, model: string | null): DisclosureView {
  const d = disclosureFor(registry, site, model);
  return {
    vendor: d.vendor,
    platform: { id: d.platform.id, name: d.platform.name, feedbackPolicy: d.platform.feedbackPolicy },
    basis: d.basis,
    note: d.note,
    summary: summarize(d.vendor),
    asOf: registry.asOf,
    version: registry.version,
  };
}
