/**
 * Remote refresh of the disclosure registry. A team (or we) may publish newer facts at a
 * URL; the background checks it daily. A document that is not valid, or is not newer
 * than the one in use, is refused with a message and the last good one is kept.
 */
import { RegistrySchema, type Registry } from './schema';

export type RefreshResult =
  | { kind: 'not-modified' }
  | { kind: 'updated'; registry: Registry; etag: string | null }
  | { kind: 'refused'; message: string }
  | { kind: 'failed'; message: string };

export interface RefreshDeps {
  fetch: typeof fetch;
  timeoutMs?: number;
}

export async function refreshRegistry(
  url: string,
  current: Registry,
  etag: string | null,
  deps: RefreshDeps,
): Promise<RefreshResult> {
  const kept = `The registry in use (version ${current.version}, reviewed ${current.reviewedAt}) is kept.`;
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), deps.timeoutMs ?? 20_000);
  let res: Response;
  let text: string;
  try {
    res = await deps.fetch(url, {
      headers: etag ? { 'if-none-match': etag, accept: 'application/json' } : { accept: 'application/json' },
      credentials: 'omit',
      cache: 'no-cache',
      signal: abort.signal,
    });
    text = res.status === 304 ? '' : await res.text();
  } catch (e) {
    return {
      kind: 'failed',
      message: abort.signal.aborted
        ? `The registry at ${url} did not answer in time. ${kept}`
        : `Could not reach the registry at ${url} (${e instanceof Error ? e.message : String(e)}). ${kept}`,
    };
  } finally {
    clearTimeout(timer);
  }
  if (res.status === 304) return { kind: 'not-modified' };
  if (!res.ok) return { kind: 'failed', message: `The registry at ${url} answered ${res.status}. ${kept}` };

  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { kind: 'refused', message: `The registry at ${url} is not JSON. ${kept}` };
  }
  const parsed = RegistrySchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
    return { kind: 'refused', message: `The registry at ${url} is not valid (${where}${issue.message}). ${kept}` };
  }
  const next = parsed.data;
  if (next.version === current.version) return { kind: 'not-modified' };
  if (next.version < current.version) {
    return {
      kind: 'refused',
      message: `The registry at ${url} is older (version ${next.version}) than the one in use (version ${current.version}); it was not applied.`,
    };
  }
  return { kind: 'updated', registry: next, etag: res.headers.get('etag') };
}

/** The registry to use: a stored remote one only while it is newer than the bundled one. */
export function registryInUse(bundled: Registry, remote: unknown): Registry {
  const parsed = RegistrySchema.safeParse(remote);
  return parsed.success && parsed.data.version > bundled.version ? parsed.data : bundled;
}
