/** "Delete all my data", behind an explicit confirmation in the page (not a browser dialog). */
import { useState } from 'preact/hooks';
import { ask, type Send } from '../shared/send';

export function DataSettings({ send, onDeleted }: { send: Send; onDeleted?: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  async function deleteAll() {
    const r = await ask(send, { type: 'data:delete-all' });
    setConfirming(false);
    if (!r.ok) return setMessage({ text: r.error, error: true });
    setMessage({ text: 'Everything was deleted: reports, history and settings. The extension starts afresh.', error: false });
    onDeleted?.();
  }

  return (
    <section class="card" aria-labelledby="data-h">
      <h2 id="data-h">Your data</h2>
      <p class="muted">Export your reports from the outbox above; here you can remove everything the extension keeps.</p>
      {!confirming ? (
        <button type="button" class="danger" onClick={() => setConfirming(true)}>
          Delete all my data…
        </button>
      ) : (
        <div role="group" aria-labelledby="data-confirm">
          <p id="data-confirm">
            Delete every report (including ones not yet delivered), the delivery history and all settings? This cannot be
            undone.
          </p>
          <button type="button" class="danger" onClick={deleteAll}>
            Yes, delete everything
          </button>{' '}
          <button type="button" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </div>
      )}
      {message && (
        <p class={message.error ? 'error' : 'muted'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </section>
  );
}
