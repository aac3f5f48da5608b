import { useEffect, useRef, useState } from 'preact/hooks';
import type { LayoutWarning, Status, SyncStatus } from '@/lib/messages';
import { SITE_NAMES } from '@/lib/sites/names';
import { STATE_LABELS, STATE_ORDER } from '../shared/labels';
import { ask, type Send } from '../shared/send';
import { Mark } from '../shared/styles';
import { exactTime, relativeTime } from '../shared/time';
import { t } from '@/lib/i18n';

export interface PopupProps {
  send: Send;
  openOptions: () => void;
  /** How often the status is read again while the popup is open. */
  refreshMs?: number;
  now?: () => number;
}

export function Popup({ send, openOptions, refreshMs = 2000, now = Date.now }: PopupProps) {
  const [status, setStatus] = useState<Status | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [syncing, setSyncing] = useState(false);
  const [syncError, setSyncError] = useState<string | null>(null);
  const inFlight = useRef(false);
  const latest = useRef(0);
  const alive = useRef(true);

  async function refresh(force = false) {
    // A slow background must not pile up requests every two seconds.
    if (inFlight.current && !force) return;
    inFlight.current = true;
    const seq = ++latest.current;
    try {
      const reply = await ask(send, { type: 'status:get' });
      // An older answer arriving after a newer one would show stale counts.
      if (!alive.current || seq !== latest.current) return;
      if (reply.ok) {
        setStatus(reply.status);
        setLoadError(null);
      } else {
        setLoadError(reply.error);
      }
    } finally {
      inFlight.current = false;
    }
  }

  useEffect(() => {
    alive.current = true;
    void refresh();
    const timer = setInterval(() => void refresh(), refreshMs);
    return () => {
      alive.current = false;
      clearInterval(timer);
    };
  }, [send, refreshMs]);

  async function syncNow() {
    setSyncing(true);
    setSyncError(null);
    const reply = await ask(send, { type: 'sync:now' });
    if (!alive.current) return;
    if (reply.ok) setStatus((s) => (s ? { ...s, sync: reply.sync } : s));
    else setSyncError(reply.error);
    setSyncing(false);
    // The counts changed too; the reply only carries the sync part.
    await refresh(true);
  }

  const at = now();
  const sync = status?.sync;
  return (
    <main class="popup" lang={t('langTag')}>
      <h1>
        <Mark />
        {t('extName')}
      </h1>
      {sync?.paused && (
        <div class="notice bad" role="alert">
          <h2>{t('popup_stopped')}</h2>
          <p>{sync.paused}</p>
          <p class="hint">{t('popup_fixHint')}</p>
        </div>
      )}
      {loadError && (
        <p class="error" role="alert">
          {t('popup_statusError', loadError)}
        </p>
      )}
      {!status && !loadError && <p class="muted">{t('popup_loading')}</p>}
      {status && (
        <>
          <section aria-labelledby="where">
            <h2 id="where">{t('popup_where')}</h2>
            <p>{destinationText(status.sync)}</p>
          </section>
          <section aria-labelledby="counts">
            <h2 id="counts">{t('popup_counts')}</h2>
            <div role="status" aria-live="polite">
            <dl class="counts">
              {STATE_ORDER.map((s) => (
                <div key={s} class={`count ${s}`}>
                  <dt>{STATE_LABELS[s]}</dt>
                  <dd>{status.reports.byState[s] ?? 0}</dd>
                </div>
              ))}
            </dl>
            </div>
          </section>
          {status.sync.destination.kind === 'endpoint' && (
            <section aria-labelledby="delivery">
              <h2 id="delivery">{t('popup_delivery')}</h2>
              <SyncLines sync={status.sync} now={at} />
              {syncError && <p class="error" role="alert">{t('popup_syncError', syncError)}</p>}
              <div class="actions">
                <button
                  type="button"
                  class="primary"
                  onClick={syncNow}
                  disabled={syncing}
                  aria-busy={syncing}
                >
                  {syncing ? t('popup_syncing') : t('popup_syncNow')}
                </button>
              </div>
            </section>
          )}
          {status.layoutWarnings.length > 0 && <Layouts warnings={status.layoutWarnings} now={at} />}
        </>
      )}
      <div class="actions footer">
        <button type="button" onClick={openOptions}>
          {t('popup_settings')}
        </button>
        <button type="button" onClick={() => void send({ type: 'open:directory' }).then(() => window.close?.())}>
          {t('popup_directory')}
        </button>
      </div>
    </main>
  );
}

function destinationText(sync: SyncStatus): string {
  return sync.destination.kind === 'local'
    ? t('popup_local')
    : t('popup_endpoint', sync.destination.host);
}

function SyncLines({ sync, now }: { sync: SyncStatus; now: number }) {
  return (
    <div role="status" aria-live="polite" class="sync">
      {sync.running && <p>{t('popup_delivering')}</p>}
      <p>
        {t('popup_lastDelivery')}{' '}
        {sync.lastSuccessAt ? <time title={exactTime(sync.lastSuccessAt)}>{relativeTime(sync.lastSuccessAt, now)}</time> : t('popup_never')}
      </p>
      {sync.lastError && (
        <p>
          <span class="error">{t('popup_lastProblem')}</span> (<time title={exactTime(sync.lastError.at)}>{relativeTime(sync.lastError.at, now)}</time>):{' '}
          {sync.lastError.message}
        </p>
      )}
      {sync.nextAttemptAt && !sync.running && (
        <p>
          {t('popup_nextAttempt')} <time title={exactTime(sync.nextAttemptAt)}>{relativeTime(sync.nextAttemptAt, now)}</time>
        </p>
      )}
    </div>
  );
}

function Layouts({ warnings, now }: { warnings: LayoutWarning[]; now: number }) {
  return (
    <section aria-labelledby="layouts">
      <h2 id="layouts">{t('popup_layouts')}</h2>
      <p class="hint">
        {t('popup_layoutsHint')}
      </p>
      <ul class="layouts">
        {warnings.map((w) => (
          <li key={`${w.site} ${w.url}`}>
            <strong>{SITE_NAMES[w.site] ?? w.site}</strong> <span class="url">{w.url}</span>
            <br />
            <span class="muted">
              {w.count === 1 ? t('popup_seenOnce') : t('popup_seenTimes', w.count)}{' '}
              <time title={exactTime(w.lastSeen)}>{relativeTime(w.lastSeen, now)}</time>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
