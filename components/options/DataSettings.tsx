/** "Delete all my data", behind an explicit confirmation in the page (not a browser dialog). */
import { useState } from 'preact/hooks';
import { ask, type Send } from '../shared/send';
import { t } from '@/lib/i18n';
import { Notice, type Note } from './Notice';

export function DataSettings({ send, onDeleted }: { send: Send; onDeleted?: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<Note>(null);

  async function deleteAll() {
    const r = await ask(send, { type: 'data:delete-all' });
    setConfirming(false);
    if (!r.ok) return setMessage({ text: r.error, error: true });
    setMessage({ text: t('data_deleted'), error: false });
    onDeleted?.();
  }

  return (
    <section class="card" aria-labelledby="data-h">
      <h2 id="data-h">{t('data_heading')}</h2>
      <p class="muted">{t('data_intro')}</p>
      {!confirming ? (
        <button type="button" class="danger" onClick={() => setConfirming(true)}>
          {t('data_delete')}
        </button>
      ) : (
        <div role="group" aria-labelledby="data-confirm">
          <p id="data-confirm">{t('data_confirm')}</p>
          <button type="button" class="danger" onClick={deleteAll}>
            {t('data_confirmYes')}
          </button>{' '}
          <button type="button" onClick={() => setConfirming(false)}>
            {t('common_cancel')}
          </button>
        </div>
      )}
      <Notice note={message} />
    </section>
  );
}
