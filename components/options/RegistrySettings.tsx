/**
 * Where a newer disclosure registry may come from, and what happened the last time the
 * extension checked it, in plain words.
 */
import { useEffect, useState } from 'preact/hooks';
import type { RegistryStatus } from '@/lib/disclosures/view';
import { RegistryUrlSchema, originPattern } from '@/lib/settings';
import { ask, type Send } from '../shared/send';
import type { RequestPermission } from './DestinationForm';

export function RegistrySettings({ send, requestPermission }: { send: Send; requestPermission: RequestPermission }) {
  const [status, setStatus] = useState<RegistryStatus | null>(null);
  const [url, setUrl] = useState('');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  const load = async () => {
    const r = await ask(send, { type: 'registry:get' });
    if (r.ok) {
      setStatus(r.status);
      setUrl(r.status.url ?? '');
    } else setMessage({ text: r.error, error: true });
  };
  useEffect(() => void load(), []);

  const problem = url.trim() && !RegistryUrlSchema.safeParse(url.trim()).success ? 'The registry address must be a full https:// address.' : null;

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
    setMessage({ text: value ? 'Saved. The registry was checked; see the result below.' : 'Saved. The registry bundled with the extension is used.', error: false });
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
      <h2 id="registry-h">Disclosure registry</h2>
      {status && (
        <p role="status">
          In use: version {status.version}, reviewed {status.reviewedAt} (
          {status.source === 'remote' ? `from ${status.url}` : 'bundled with the extension'}).
          {status.lastCheckedAt ? ` Last checked ${new Date(status.lastCheckedAt).toLocaleString()}.` : ''}
        </p>
      )}
      {status?.lastError && (
        <p class="error" role="alert">
          {status.lastError}
        </p>
      )}
      <form onSubmit={save}>
        <label class="field">
          Newer registry from (optional)
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
        <p class="muted">
          Checked daily. A document that is not valid, or not newer than the one in use, is refused and the one in use
          is kept.
        </p>
        <div class="actions">
          <button type="submit" disabled={busy || !!problem}>
            Save
          </button>
          {status?.url && (
            <button type="button" disabled={busy} onClick={checkNow}>
              Check now
            </button>
          )}
        </div>
        {message && (
          <p class={message.error ? 'error' : 'muted'} role={message.error ? 'alert' : 'status'}>
            {message.text}
          </p>
        )}
      </form>
    </section>
  );
}
