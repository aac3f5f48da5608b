/**
 * Which vendor's disclosures belong beside an answer. Platforms that serve other vendors' models
 * (Poe, HuggingChat, Perplexity, Copilot) map to the vendor of the model the page names; when the
 * page names none, Copilot falls back to the vendor whose models it is known to run (OpenAI), and
 * the others to their own entry, saying plainly that the model's vendor is not shown.
 */
import type { SiteId, VendorId } from '../sites/types';
import { DISCLOSING_KINDS, TOPIC_IDS, type Registry, type SiteMapping, type VendorEntry } from './schema';

export type DisclosureBasis = 'model' | 'platform-default' | 'platform';

export interface DisclosureMatch {
  /** The chatbot's own vendor (Quora for Poe). */
  platform: VendorEntry;
  /** Whose disclosures to show for this answer. */
  vendor: VendorEntry;
  basis: DisclosureBasis;
  note: string | null;
}

export function vendorById(registry: Registry, id: VendorId): VendorEntry | undefined {
  return registry.vendors.find((v) => v.id === id);
}

function mustVendor(registry: Registry, id: VendorId, site: SiteId): VendorEntry {
  const v = vendorById(registry, id);
  if (!v) throw new Error(`The disclosure registry maps '${site}' to vendor '${id}', which it does not contain.`);
  return v;
}

/** Whether a site serves models of vendors other than its own. */
export function servesOtherVendors(mapping: SiteMapping): boolean {
  return (
    (mapping.defaultModelVendor !== undefined && mapping.defaultModelVendor !== mapping.platform) ||
    (mapping.modelVendors ?? []).some((r) => r.vendor !== mapping.platform)
  );
}

/** The vendor a model name maps to on a site, or null when no rule matches. */
export function modelVendor(mapping: SiteMapping, model: string | null): VendorId | null {
  const name = model?.trim();
  if (!name) return null;
  for (const rule of mapping.modelVendors ?? []) {
    let re: RegExp;
    try {
      re = new RegExp(rule.match, 'i');
    } catch {
      continue;
    }
    if (re.test(name)) return rule.vendor;
  }
  return null;
}

export function disclosureFor(registry: Registry, site: SiteId, model: string | null): DisclosureMatch {
  const mapping = registry.sites[site];
  if (!mapping) throw new Error(`The disclosure registry has no mapping for '${site}'.`);
  const platform = mustVendor(registry, mapping.platform, site);

  const byModel = modelVendor(mapping, model);
  if (byModel) {
    return { platform, vendor: mustVendor(registry, byModel, site), basis: 'model', note: null };
  }
  if (mapping.defaultModelVendor) {
    return {
      platform,
      vendor: mustVendor(registry, mapping.defaultModelVendor, site),
      basis: 'platform-default',
      note: mapping.note ?? null,
    };
  }
  const note = servesOtherVendors(mapping)
    ? `This chatbot serves models from several vendors and the page does not show which vendor's model wrote this answer, so this is ${platform.name}'s own entry.`
    : null;
  return { platform, vendor: platform, basis: 'platform', note };
}

export interface DisclosureSummary {
  disclosed: number;
  partly: number;
  notDisclosed: number;
  total: number;
}

/** Topic statuses counted over TOPIC_IDS. */
export function summarize(vendor: VendorEntry): DisclosureSummary {
  const out: DisclosureSummary = { disclosed: 0, partly: 0, notDisclosed: 0, total: TOPIC_IDS.length };
  for (const t of TOPIC_IDS) {
    const s = vendor.topics[t].status;
    if (s === 'disclosed') out.disclosed++;
    else if (s === 'partly') out.partly++;
    else out.notDisclosed++;
  }
  return out;
}

/** Whether a statement rests only on press reports or supplier claims ("reported by"). */
export function isReportedOnly(statement: { sources: readonly { kind: string }[] }): boolean {
  return !statement.sources.some((s) => (DISCLOSING_KINDS as readonly string[]).includes(s.kind));
}
