/**
 * The registry in use, kept in storage.local by the background: the bundled one, or a
 * newer remote one that passed validation. Refresh results are remembered so the options
 * page can say what happened in plain words.
 */
import { browser } from 'wxt/browser';
import { BUNDLED } from './index';
import { refreshRegistry, registryInUse } from './refresh';
import type { Registry } from './schema';
import type { RegistryStatus } from './view';
import { loadSettings } from '../settings';

const REMOTE_KEY = 'registryRemote';
const STATUS_KEY = 'registryStatus';

interface Remote {
  registry: unknown;
  etag: string | null;
  url: string;
}
interface Checked {
  lastCheckedAt: number | null;
  lastError: string | null;
}

async function read(): Promise<{ remote: Remote | null; checked: Checked }> {
  const got = await browser.storage.local.get([REMOTE_KEY, STATUS_KEY]);
  return {
    remote: (got[REMOTE_KEY] as Remote | undefined) ?? null,
    checked: (got[STATUS_KEY] as Checked | undefined) ?? { lastCheckedAt: null, lastError: null },
  };
}

export async function currentRegistry(bundled: Registry = BUNDLED): Promise<{ registry: Registry; status: RegistryStatus }> {
  const [{ remote, checked }, settings] = await Promise.all([read(), loadSettings()]);
  // A remote document counts only while it is the address the user set.
  const usable = remote && remote.url === settings.registryUrl ? remote.registry : null;
  const registry = registryInUse(bundled, usable);
  return {
    registry,
    status: {
      source: registry === bundled ? 'bundled' : 'remote',
      version: registry.version,
      reviewedAt: registry.reviewedAt,
      url: settings.registryUrl ?? null,
      lastCheckedAt: checked.lastCheckedAt === null ? null : new Date(checked.lastCheckedAt).toISOString(),
      lastError: checked.lastError,
    },
  };
}

/** Checks the remote registry, if one is set; keeps the last good one whatever happens. */
export async function refreshNow(deps: { fetch: typeof fetch; now: () => number; bundled?: Registry }): Promise<RegistryStatus> {
  const bundled = deps.bundled ?? BUNDLED;
  const settings = await loadSettings();
  const url = settings.registryUrl;
  if (!url) {
    await browser.storage.local.set({ [STATUS_KEY]: { lastCheckedAt: null, lastError: null } satisfies Checked });
    return (await currentRegistry(bundled)).status;
  }
  const { remote } = await read();
  const { registry } = await currentRegistry(bundled);
  const etag = remote?.url === url ? remote.etag : null;
  const res = await refreshRegistry(url, registry, etag, { fetch: deps.fetch });
  const checked: Checked = { lastCheckedAt: deps.now(), lastError: null };
  if (res.kind === 'updated') {
    await browser.storage.local.set({ [REMOTE_KEY]: { registry: res.registry, etag: res.etag, url } satisfies Remote });
  } else if (res.kind === 'refused' || res.kind === 'failed') {
    checked.lastError = res.message;
  }
  await browser.storage.local.set({ [STATUS_KEY]: checked });
  return (await currentRegistry(bundled)).status;
}
