/** The admin API, with the token of this tab's session. */
import { filtersToQuery, type Filters } from '../../src/filters';
import type { Summary, StoredReport } from '../../src/queries';

export type { Summary, StoredReport };
export type Facets = { teams: string[]; vendors: string[]; sites: string[]; models: string[]; categories: string[] };
export type Page = { total: number; offset: number; limit: number; rows: StoredReport[] };
export type Me = { id: string; name: string; team: string | null };

const KEY = 'bta-collector-admin-token';

export const session = {
  get: () => sessionStorage.getItem(KEY),
  set: (t: string) => sessionStorage.setItem(KEY, t),
  clear: () => sessionStorage.removeItem(KEY),
};

export class ApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

async function call(path: string, token: string): Promise<Response> {
  const res = await fetch(`/api/admin${path}`, { headers: { authorization: `Bearer ${token}` }, cache: 'no-store' });
  if (!res.ok) {
    let message = `The collector answered ${res.status}.`;
    try {
      message = ((await res.json()) as { error?: string }).error ?? message;
    } catch {
      // Not JSON: keep the status.
    }
    throw new ApiError(res.status, message);
  }
  return res;
}

const json = async <T>(path: string, token: string) => (await (await call(path, token)).json()) as T;

export const api = {
  me: (token: string) => json<Me>('/me', token),
  facets: (token: string) => json<Facets>('/facets', token),
  summary: (token: string, f: Filters) => json<Summary>(`/summary?${filtersToQuery(f)}`, token),
  reports: (token: string, f: Filters, offset: number, limit: number) => json<Page>(`/reports?${filtersToQuery(f, { offset, limit })}`, token),
  /** The export as a file download; the token cannot go in a plain link. */
  async download(token: string, f: Filters, format: 'csv' | 'jsonl') {
    const res = await call(`/export?${filtersToQuery(f, { format })}`, token);
    const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? `reports.${format}`;
    const url = URL.createObjectURL(await res.blob());
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  },
};
