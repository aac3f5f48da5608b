/**
 * Where a newer disclosure registry may come from, and what happened the last time the
 * extension checked it, in plain words.
 */
import { useEffect, useState } from 'preact/hooks';
import type { RegistryStatus } from '@/lib/disclosures/view';
import { RegistryUrlSchema, originPattern } from '@/lib/settings';
import { ask, type Send } from '../shared/send';
import type { RequestPermission } from './DestinationForm';
import { t } from '@/lib/i18n';
import { Notice, type Note } from './Notice';

export function RegistrySettings({ send, requestPermission }: { send: Send; requestPermission: RequestPermission }) {
  const [status, setStatus] = useState<RegistryStatus | null>(null);
  const [url, setUrl] = useState('');
  const [message, setMessage] = useState<Note>(null);
  const [busy, setBusy] = useState(false);

  const load = async () => {
    const r = await ask(send, { type: 'registry:get' });
    if (r.ok) {
      setStatus(r.status);
      setUrl(r.status.url ?? '');
    } else setMessage({ text: r.error, error: true });
  };
  useEffect(() => void load(), []);

  const problem = url.trim() && !RegistryUrlSchema.safeParse(url.trim()).success ? t('registry_badUrl') : null;

  async function save(e: Event) {
    e.preventDefault();
    if (problem) return;
    const value = url.trim() || null;
    // Asked inside the click: browsers grant permissions only during a user gesture.
    if (value) await requestPermission([originPattern(value)]).catch(() => false);
    setBusy(true);
    const r = await ask(send, { type: 'settings:save', registryUrl: value });
    setBusy(false);
    if (!r.ok) return setMessage({ text: r.error, error: true });
    await load();
    setMessage({ text: value ? t('registry_savedChecked') : t('registry_savedBundled'), error: false });
  }

  async function checkNow() {
    setBusy(true);
    const r = await ask(send, { type: 'registry:refresh' });
    setBusy(false);
    if (r.ok) setStatus(r.status);
    else setMessage({ text: r.error, error: true });
  }

  return (
    <section class="card" aria-labelledby="registry-h">
      <h2 id="registry-h">{t('registry_heading')}</h2>
      {status && (
        <p role="status">
          {status.source === 'remote'
            ? t('registry_inUseRemote', status.version, status.reviewedAt, status.url ?? '')
            : t('registry_inUseBundled', status.version, status.reviewedAt)}
          {status.lastCheckedAt ? ` ${t('registry_lastChecked', new Date(status.lastCheckedAt).toLocaleString())}` : ''}
        </p>
      )}
      {status?.lastError && (
        <p class="error" role="alert">
          {status.lastError}
        </p>
      )}
      <form onSubmit={save}>
        <label class="field">
          {t('registry_newer')}
          <input
            type="url"
            name="registryUrl"
            value={url}
            placeholder="https://example.org/behind-the-answer/registry.json"
            aria-invalid={!!problem}
            aria-describedby={problem ? 'registry-problem' : undefined}
            onInput={(e) => setUrl(e.currentTarget.value)}
          />
        </label>
        {problem && (
          <p id="registry-problem" class="error">
            {problem}
          </p>
        )}
        <p class="muted">{t('registry_hint')}</p>
        <div class="actions">
          <button type="submit" disabled={busy || !!problem}>
            {t('common_save')}
          </button>
          {status?.url && (
            <button type="button" disabled={busy} onClick={checkNow}>
              {t('registry_checkNow')}
            </button>
          )}
        </div>
        <Notice note={message} />
      </form>
    </section>
  );
}
