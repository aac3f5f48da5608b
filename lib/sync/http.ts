/**
 * One POST of one batch, and what its answer means. Every outcome is a value, never a
 * throw: the uploader decides what to do with each class.
 */
import { BatchResponseSchema, PROTOCOL, type Batch } from './protocol';
import type { Endpoint } from '../settings';
import type { Report } from '../report';
import { tGlobal, type Localized, type MessageKey } from '../i18n-core';

/** What went wrong, in words (`message`, the browser's language now) and as data to store (`said`). */
type Said = { message: string; said: Localized };

export type PostResult =
  | { kind: 'ok'; status: number; sent: string[]; rejected: { id: string; reason: string }[] }
  | ({ kind: 'retry'; status?: number; retryAfterMs: number | null } & Said)
  /** Delivery stops until the user acts: a refused token or a wrong address. */
  | ({ kind: 'auth'; status: number } & Said)
  | ({ kind: 'too-large'; status: number } & Said)
  | ({ kind: 'bad'; status: number } & Said);

function saying(key: MessageKey, ...subs: string[]): Said {
  return { message: tGlobal(key, ...subs), said: { key, subs } };
}

export interface PostDeps {
  fetch: typeof fetch;
  now: () => number;
  uuid: () => string;
  client: { version: string; browser: string };
  timeoutMs: number;
}

const RETRY_STATUS = new Set([408, 409, 425, 429]);
/** "Retry-After: 0" from a struggling server must not become a tight loop. */
const MIN_RETRY_AFTER_MS = 1_000;

/** Retry-After as seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (!value) return null;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

export function batchBody(reports: Report[], deps: Pick<PostDeps, 'now' | 'client'>): Batch {
  return {
    schema: PROTOCOL,
    sentAt: new Date(deps.now()).toISOString(),
    client: { name: 'behind-the-answer', version: deps.client.version, browser: deps.client.browser },
    reports,
  };
}

export async function postBatch(endpoint: Endpoint, reports: Report[], deps: PostDeps): Promise<PostResult> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'idempotency-key': deps.uuid(),
  };
  if (endpoint.header) headers[endpoint.header.name] = endpoint.header.value;
  if (endpoint.token) headers.authorization = `Bearer ${endpoint.token}`;
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), deps.timeoutMs);
  const seconds = Math.round(deps.timeoutMs / 1000);
  let res: Response;
  let text: string;
  try {
    res = await deps.fetch(endpoint.url, {
      method: 'POST',
      headers,
      body: JSON.stringify(batchBody(reports, deps)),
      signal: abort.signal,
      credentials: 'omit',
      // A redirect could carry the token to another host.
      redirect: 'error',
      cache: 'no-store',
    });
    text = await res.text();
  } catch (e) {
    const timedOut = abort.signal.aborted;
    return {
      kind: 'retry',
      retryAfterMs: null,
      ...(timedOut ? saying('sync_timeout', String(seconds)) : saying('sync_unreachable', e instanceof Error ? e.message : String(e))),
    };
  } finally {
    clearTimeout(timer);
  }

  const status = res.status;
  const said = excerpt(text);
  // The status and what the endpoint said, as one substitution: "404: Not Found".
  const answer = `${status}${said ? `: ${said}` : ''}`;
  if (status >= 200 && status < 300) return { kind: 'ok', status, ...readAcks(reports, text) };
  // The address itself is wrong (a typo, a moved collector): no report is at fault, so
  // splitting would wrongly mark every waiting report as refused.
  if (status === 404 || status === 405 || status === 410) {
    return { kind: 'auth', status, ...saying('sync_wrongAddress', answer) };
  }
  if (status === 401 || status === 403) {
    return { kind: 'auth', status, ...saying('sync_tokenRefused', answer) };
  }
  if (status === 413) return { kind: 'too-large', status, ...saying('sync_batchTooLarge') };
  const retryAfter = parseRetryAfter(res.headers.get('retry-after'), deps.now());
  if (RETRY_STATUS.has(status) || status >= 500) {
    return {
      kind: 'retry',
      status,
      retryAfterMs: retryAfter === null ? null : Math.max(MIN_RETRY_AFTER_MS, retryAfter),
      ...saying('sync_willRetry', answer),
    };
  }
  return { kind: 'bad', status, ...saying('sync_refused', answer) };
}

/** Per-report answers of a 2xx. A bare or unreadable 2xx means every report was accepted. */
function readAcks(reports: Report[], text: string): { sent: string[]; rejected: { id: string; reason: string }[] } {
  let body: unknown = null;
  try {
    body = text.trim() ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  const parsed = BatchResponseSchema.safeParse(body ?? {});
  const rejected = new Map<string, string>();
  if (parsed.success) {
    for (const r of parsed.data.rejected) rejected.set(r.id, excerpt(r.reason ?? '', 2000) || tGlobal('sync_noReason'));
  }
  const ids = new Set(reports.map((r) => r.id));
  return {
    sent: reports.map((r) => r.id).filter((id) => !rejected.has(id)),
    rejected: [...rejected].filter(([id]) => ids.has(id)).map(([id, reason]) => ({ id, reason })),
  };
}

function excerpt(text: string, max = 200): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max)}…` : t;
}
