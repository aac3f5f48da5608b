import type { Registry, Statement, VendorEntry } from './schema';

/** A citation a reader can paste: the fact, its sources, and where the summary came from. */
export function citation(statement: Statement, vendor: VendorEntry, registry: Pick<Registry, 'version' | 'asOf'>): string {
  const sources = statement.sources
    .map((s) => `${s.publisher}, “${s.title}”, ${s.date}, ${s.url}${s.kind === 'press' ? ' (press report)' : s.kind === 'supplier' ? ' (supplier’s claim)' : ''}`)
    .join('; ');
  const scope = statement.scope ? ` (${statement.scope})` : '';
  return `${vendor.name}: ${statement.text}${scope} Sources: ${sources}. Summary from the Behind the Answer disclosure registry, version ${registry.version}, as of ${registry.asOf}.`;
}
