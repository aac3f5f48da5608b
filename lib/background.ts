/**
 * What the background does with each message. Kept apart from the entrypoint so unit
 * tests drive it with the fake browser and fake IndexedDB.
 */
import { browser } from 'wxt/browser';
import {
  ToBackgroundSchema,
  type Destination,
  type EndpointView,
  type EndpointTestResult,
  type LayoutWarning,
  type Status,
  type SyncStatus,
  type TeamStatus,
} from './messages';
import { completeReport } from './report';
import { applyPrivacy } from './privacy';
import { loadEffective, memberOf, REPORTER_KEY, reporterId, saveSettings, TEAM_KEY } from './effective';
import { applyTeamConfigToMember, teamConfigBlocked } from './policy';
import { parseTeamConfig } from './team';
import { addReport, clearOutbox, countByState, DEFAULT_CAPS, listReports, OutboxFullError, removePending, removeReports, reportState, usedBytes, type Outbox } from './outbox/db';
import { loadSettings, SETTINGS_KEY, type Endpoint, type Settings } from './settings';

export { loadSettings };
import { INITIAL_SYNC_STATE, type SyncOutcome, type SyncState } from './sync/uploader';
import { postBatch } from './sync/http';
import { uuidv7 } from './report';
import { currentRegistry, refreshNow } from './disclosures/store';
import { disclosureView } from './disclosures/view';
import { detectLang } from './lang';
import { t, tl } from './i18n';

const LAYOUT_KEY = 'layoutWarnings';
export const SYNC_STATE_KEY = 'syncState';

export interface BackgroundDeps {
  db: () => Promise<Outbox>;
  version: string;
  now?: () => number;
  /** Our own extension id: messages from anywhere else are refused. */
  extensionId: string;
  /** Origin of our own pages (chrome-extension://id): only they may read or delete the outbox. */
  extensionOrigin?: string;
  /** Starts a sync (debounced by the caller); `force` ignores backoff and pause. */
  sync?: (force?: boolean) => Promise<SyncOutcome>;
  syncRunning?: () => boolean;
  fetch?: typeof fetch;
  browserName?: string;
  /** Opens the disclosure directory in a tab, at one vendor when given. */
  openDirectory?: (vendor?: string) => Promise<void>;
}

type Sender = { id?: string; url?: string; tab?: { url?: string } };

export async function loadSyncState(): Promise<SyncState> {
  const raw = (await browser.storage.local.get(SYNC_STATE_KEY))[SYNC_STATE_KEY] as Partial<SyncState> | undefined;
  return { ...INITIAL_SYNC_STATE, ...(raw ?? {}) };
}

export async function saveSyncState(s: SyncState): Promise<void> {
  await browser.storage.local.set({ [SYNC_STATE_KEY]: s });
}

export function destinationOf(settings: Settings): Destination {
  return settings.endpoint ? { kind: 'endpoint', host: new URL(settings.endpoint.url).host } : { kind: 'local' };
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** An endpoint without its secrets, for a page that shows it but may not change it. */
function endpointView(e: Endpoint): EndpointView {
  return { url: e.url, token: !!e.token, header: e.header ? { name: e.header.name } : null, batchSize: e.batchSize, timeoutSeconds: e.timeoutSeconds };
}

export function createHandler(deps: BackgroundDeps) {
  const now = deps.now ?? Date.now;

  async function layoutWarnings(): Promise<Record<string, LayoutWarning>> {
    const got = await browser.storage.local.get(LAYOUT_KEY);
    return (got[LAYOUT_KEY] as Record<string, LayoutWarning> | undefined) ?? {};
  }

  async function teamStatus(): Promise<TeamStatus> {
    const eff = await loadEffective();
    const stored = (await browser.storage.local.get(REPORTER_KEY))[REPORTER_KEY];
    const endpoint = eff.merged.effective.endpoint;
    return {
      team: eff.merged.effective.team,
      lockedEndpoint: eff.merged.lockedBy.endpoint && endpoint ? endpointView(endpoint) : null,
      config: eff.team,
      lockedBy: eff.merged.lockedBy,
      source: eff.merged.source,
      policyErrors: eff.policyErrors,
      managed: !!eff.managed,
      reporterId: eff.merged.effective.reporterId && typeof stored === 'string' ? stored : null,
    };
  }

  async function syncStatus(): Promise<SyncStatus> {
    const [eff, state] = await Promise.all([loadEffective(), loadSyncState()]);
    const settings = { ...eff.settings, endpoint: eff.merged.effective.endpoint };
    return {
      destination: destinationOf(settings),
      lastSuccessAt: iso(state.lastSuccessAt),
      // Stored as data, so the words follow the language the browser has now.
      lastError: state.lastError ? { message: tl(state.lastError.said, state.lastError.message), at: new Date(state.lastError.at).toISOString() } : null,
      paused: state.paused === null ? null : tl(state.pausedSaid, state.paused),
      nextAttemptAt: iso(state.nextAttemptAt),
      running: deps.syncRunning?.() ?? false,
    };
  }

  async function status(): Promise<Status> {
    const db = await deps.db();
    const byState = await countByState(db);
    return {
      reports: {
        total: Object.values(byState).reduce((a, b) => a + b, 0),
        pending: byState.pending,
        byState,
        bytes: await usedBytes(db),
      },
      sync: await syncStatus(),
      layoutWarnings: Object.values(await layoutWarnings()),
    };
  }

  const fetcher = () => deps.fetch ?? fetch.bind(globalThis);

  async function testEndpoint(endpoint: Endpoint): Promise<EndpointTestResult> {
    const res = await postBatch(endpoint, [], {
      fetch: fetcher(),
      now,
      uuid: () => uuidv7(now()),
      client: { version: deps.version, browser: deps.browserName ?? 'unknown' },
      timeoutMs: endpoint.timeoutSeconds * 1000,
    });
    switch (res.kind) {
      case 'ok':
        return { ok: true, status: res.status, message: t('sync_testOk', res.status) };
      case 'auth':
      case 'too-large':
      case 'bad':
        return { ok: false, status: res.status, message: res.message };
      case 'retry':
        // A test is not retried: the same answer without "will try again".
        return { ok: false, status: res.status, message: res.said.key === 'sync_willRetry' ? t('sync_answered', ...res.said.subs) : res.message };
    }
  }

  /** Answers one message; never throws (a failure becomes `{ok:false, error}` for the sender). */
  return async function handle(raw: unknown, sender: Sender): Promise<unknown> {
    if (sender.id !== deps.extensionId) return { ok: false, error: 'Message from an unknown sender.' };
    const parsed = ToBackgroundSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { ok: false, error: `Invalid message: ${issue ? `${issue.path.join('.') || 'message'}: ${issue.message}` : 'unreadable'}` };
    }
    const msg = parsed.data;
    const fromOurPage = !!deps.extensionOrigin && !!sender.url?.startsWith(deps.extensionOrigin);
    const PAGE_ONLY = [
      'outbox:list',
      'outbox:delete',
      'settings:get',
      'settings:save',
      'endpoint:test',
      'registry:refresh',
      'data:delete-all',
      'team:get',
      'team:set',
      'team:leave',
      'reporter:rotate',
    ];
    // A content script runs on the chatbot's page: it may add reports, never read or delete them.
    if (PAGE_ONLY.includes(msg.type) && !fromOurPage) {
      return { ok: false, error: 'Only the extension’s own pages may do this.' };
    }
    try {
      switch (msg.type) {
        case 'report:save': {
          const eff = await loadEffective();
          const { settings } = eff;
          const team = eff.merged.effective;
          if (settings.sitesOff.includes(msg.draft.site)) return { ok: false, error: t('bg_switchedOff') };
          const known = new Set(team.categoryList.map((c) => c.id));
          const unknown = msg.draft.flags.find((f) => !known.has(f));
          if (unknown) return { ok: false, error: `Invalid message: draft.flags: "${unknown}" is not one of the flag categories in use.` };
          if (msg.draft.flags.length && team.required.comment && !msg.draft.comment?.trim()) {
            return { ok: false, error: t('form_needComment') };
          }
          if (msg.draft.flags.length && team.required.correction && !msg.draft.correction?.trim()) {
            return { ok: false, error: t('form_needCorrection') };
          }
          // The fingerprint is of the whole answer; what is kept follows the person's choices.
          const privacy = { ...settings.privacy, prompt: team.attachPrompt };
          const full = await completeReport(msg.draft, deps.version, now());
          // The answer's language, guessed on this device from the whole text (before privacy drops it).
          const lang = detectLang(msg.draft.answer.text);
          if (lang) full.answer.lang = lang;
          const report = applyPrivacy(full, privacy);
          if (team.team) report.team = team.team.id;
          if (team.reporterId) report.reporter = await reporterId();
          try {
            await addReport(await deps.db(), report, now());
          } catch (e) {
            if (e instanceof OutboxFullError) {
              return { ok: false, error: t('bg_outboxFull', DEFAULT_CAPS.maxReports.toLocaleString(t('langTag')), Math.round(DEFAULT_CAPS.maxBytes / 1048576)) };
            }
            throw e;
          }
          void deps.sync?.();
          return { ok: true, id: report.id, destination: destinationOf({ ...settings, endpoint: team.endpoint }) };
        }
        case 'report:state':
          return { ok: true, state: await reportState(await deps.db(), msg.id) };
        case 'report:undo':
          return { ok: true, removed: await removePending(await deps.db(), msg.id) };
        case 'layout:status': {
          const all = await layoutWarnings();
          if (msg.recognised) {
            if (!all[msg.site]) return { ok: true };
            delete all[msg.site];
          } else {
            const u = new URL(msg.url);
            all[msg.site] = {
              site: msg.site,
              url: u.origin + u.pathname,
              lastSeen: new Date(now()).toISOString(),
              count: (all[msg.site]?.count ?? 0) + 1,
            };
          }
          await browser.storage.local.set({ [LAYOUT_KEY]: all });
          return { ok: true };
        }
        case 'page:config': {
          const { settings, merged } = await loadEffective();
          const e = merged.effective;
          return {
            ok: true,
            config: {
              enabled: !settings.sitesOff.includes(msg.site),
              privacy: { ...settings.privacy, prompt: e.attachPrompt },
              categories: e.categoryList.map(({ id, label, description }) => ({ id, label, description })),
              required: e.required,
              team: e.team?.name ?? null,
            },
          };
        }
        case 'team:get':
          return { ok: true, team: await teamStatus() };
        case 'team:set': {
          const parsed = parseTeamConfig(msg.config);
          // The problems themselves stay in English: they name the file's fields and values.
          if (!parsed.ok) return { ok: false, error: `${t('bg_teamConfigInvalid')}\n${parsed.errors.join('\n')}` };
          const eff = await loadEffective();
          const blocked = teamConfigBlocked(eff.team, eff.managed, parsed.config);
          if (blocked) {
            const incoming = parsed.config.team.name;
            const error =
              blocked.by === 'organisation' && eff.managed?.team
                ? t('bg_teamSetByOrg', eff.managed.team.name, incoming)
                : eff.team
                  ? t('bg_teamNoSwitch', eff.team.team.name, incoming)
                  : blocked.message;
            return { ok: false, error };
          }
          const member = applyTeamConfigToMember(memberOf(eff.settings), parsed.config);
          await saveSettings({
            ...eff.settings,
            endpoint: member.endpoint,
            privacy: { ...eff.settings.privacy, prompt: member.attachPrompt ?? eff.settings.privacy.prompt },
            reporterId: undefined,
          });
          await browser.storage.local.set({ [TEAM_KEY]: parsed.config });
          await saveSyncState({ ...(await loadSyncState()), paused: null, pausedSaid: null, nextAttemptAt: null, attempt: 0 });
          void deps.sync?.(true);
          return { ok: true, team: await teamStatus() };
        }
        case 'team:leave': {
          const eff = await loadEffective();
          if (eff.managed?.team) return { ok: false, error: t('bg_teamCannotLeave') };
          await browser.storage.local.remove(TEAM_KEY);
          return { ok: true, team: await teamStatus() };
        }
        case 'reporter:rotate':
          await reporterId(true);
          return { ok: true, team: await teamStatus() };
        case 'data:delete-all':
          await clearOutbox(await deps.db());
          await browser.storage.local.clear();
          return { ok: true };
        case 'status:get':
          return { ok: true, status: await status() };
        case 'sync:now':
          await deps.sync?.(true);
          return { ok: true, sync: await syncStatus() };
        case 'outbox:list':
          return { ok: true, records: await listReports(await deps.db(), msg.state, msg.limit) };
        case 'outbox:delete':
          return { ok: true, removed: await removeReports(await deps.db(), msg.ids) };
        case 'settings:get':
          return { ok: true, settings: await loadSettings() };
        case 'settings:save': {
          const current = await loadSettings();
          const { lockedBy } = (await loadEffective()).merged;
          if (msg.endpoint !== undefined && lockedBy.endpoint) {
            return { ok: false, error: t(lockedBy.endpoint === 'organisation' ? 'bg_endpointLockedByOrg' : 'bg_endpointLockedByTeam') };
          }
          if (msg.privacy && msg.privacy.prompt !== current.privacy.prompt && lockedBy.attachPrompt) {
            return { ok: false, error: t(lockedBy.attachPrompt === 'organisation' ? 'bg_promptLockedByOrg' : 'bg_promptLockedByTeam') };
          }
          const next: Settings = {
            ...current,
            endpoint: msg.endpoint === undefined ? current.endpoint : (msg.endpoint ?? undefined),
            keepSentDays: msg.keepSentDays ?? current.keepSentDays,
            registryUrl: msg.registryUrl === undefined ? current.registryUrl : (msg.registryUrl ?? undefined),
            privacy: msg.privacy ?? current.privacy,
            sitesOff: msg.sitesOff ?? current.sitesOff,
          };
          await browser.storage.local.set({ [SETTINGS_KEY]: next });
          if (msg.endpoint !== undefined) {
            // A new destination or token deserves a fresh start: no pause, no backoff.
            await saveSyncState({ ...(await loadSyncState()), paused: null, pausedSaid: null, nextAttemptAt: null, attempt: 0 });
            if (next.endpoint) void deps.sync?.(true);
          }
          if (next.registryUrl !== current.registryUrl) await refreshNow({ fetch: fetcher(), now });
          return { ok: true, settings: next };
        }
        case 'endpoint:test': {
          const endpoint = msg.endpoint ?? (await loadEffective()).merged.effective.endpoint;
          if (!endpoint) return { ok: false, error: t('bg_noEndpoint') };
          return { ok: true, result: await testEndpoint(endpoint) };
        }
        case 'disclosure:get':
          return { ok: true, disclosure: disclosureView((await currentRegistry()).registry, msg.site, msg.model) };
        case 'registry:get':
          return { ok: true, ...(await currentRegistry()) };
        case 'registry:refresh':
          return { ok: true, status: await refreshNow({ fetch: fetcher(), now }) };
        case 'open:directory':
          await deps.openDirectory?.(msg.vendor);
          return { ok: true };
      }
    } catch (e) {
      return { ok: false, error: t('bg_failed', e instanceof Error ? e.message : String(e)) };
    }
  };
}
