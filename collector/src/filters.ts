/**
 * The dashboard's filter, shared by the server (which parses it from the query string) and the
 * dashboard (which writes it there), so both read the same names the same way.
 */
import { z } from 'zod';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day as YYYY-MM-DD');
const word = z.string().trim().min(1).max(200);

export const FiltersSchema = z.object({
  from: day.optional(),
  /** Inclusive. */
  to: day.optional(),
  team: word.optional(),
  vendor: word.optional(),
  site: word.optional(),
  model: word.optional(),
  category: word.optional(),
  rating: z.enum(['up', 'down', 'none']).optional(),
  flagged: z.enum(['yes', 'no']).optional(),
  /** One answer (its answer.key): everything reported about it. */
  answer: z.string().min(1).max(500).optional(),
  /** Words in the answer, prompt, comment or correction. */
  q: word.optional(),
});
export type Filters = z.infer<typeof FiltersSchema>;
export const FILTER_KEYS = Object.keys(FiltersSchema.shape) as (keyof Filters)[];

export type FiltersResult = { ok: true; filters: Filters } | { ok: false; error: string };

/** Empty values mean "no filter", as an empty select or text box does. */
export function parseFilters(params: URLSearchParams): FiltersResult {
  const raw: Record<string, string> = {};
  for (const k of FILTER_KEYS) {
    const v = params.get(k);
    if (v !== null && v.trim() !== '') raw[k] = v;
  }
  const r = FiltersSchema.safeParse(raw);
  if (r.success) return { ok: true, filters: r.data };
  const i = r.error.issues[0]!;
  return { ok: false, error: `${i.path.join('.')}: ${i.message}` };
}

/** The filter as a query string, keys in a fixed order, without empty values. */
export function filtersToQuery(f: Filters, extra: Record<string, string | number> = {}): string {
  const p = new URLSearchParams();
  for (const k of FILTER_KEYS) {
    const v = f[k];
    if (v !== undefined && String(v).trim() !== '') p.set(k, String(v));
  }
  for (const [k, v] of Object.entries(extra)) p.set(k, String(v));
  return p.toString();
}
