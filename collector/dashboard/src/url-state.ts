/** The filter lives in the address (?vendor=…), so a view can be reloaded, bookmarked and shared without the token. */
import { parseFilters, filtersToQuery, type Filters } from '../../src/filters';

export function readFilters(search: string): Filters {
  const r = parseFilters(new URLSearchParams(search));
  return r.ok ? r.filters : {};
}

export function writeFilters(f: Filters) {
  const q = filtersToQuery(f);
  history.replaceState(null, '', q ? `?${q}` : location.pathname);
}

/** A filter with one field changed; an empty value removes it. */
export function withFilter(f: Filters, key: keyof Filters, value: string | undefined): Filters {
  const next = { ...f } as Record<string, string | undefined>;
  if (value === undefined || value === '') delete next[key];
  else next[key] = value;
  return next as Filters;
}
