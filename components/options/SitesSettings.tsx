/** Per-chatbot switches: on a chatbot that is off, the extension does nothing at all. */
import { useEffect, useState } from 'preact/hooks';
import { SITES } from '@/lib/sites';
import type { SiteId } from '@/lib/sites/types';
import { ask, type Send } from '../shared/send';
import { t } from '@/lib/i18n';
import { Notice, type Note } from './Notice';

export function SitesSettings({ send }: { send: Send }) {
  const [off, setOff] = useState<SiteId[] | null>(null);
  const [message, setMessage] = useState<Note>(null);

  useEffect(() => {
    void ask(send, { type: 'settings:get' }).then((r) => (r.ok ? setOff(r.settings.sitesOff) : setMessage({ text: r.error, error: true })));
  }, []);

  async function toggle(id: SiteId, on: boolean) {
    if (!off) return;
    const next = on ? off.filter((s) => s !== id) : [...off, id];
    setOff(next);
    const r = await ask(send, { type: 'settings:save', sitesOff: next });
    setMessage(r.ok ? { text: t('sites_saved'), error: false } : { text: r.error, error: true });
    if (!r.ok) setOff(off);
  }

  return (
    <section class="card" aria-labelledby="sites-h">
      <h2 id="sites-h">{t('sites_heading')}</h2>
      <p class="muted">{t('sites_intro')}</p>
      {off && (
        <fieldset class="sites">
          <legend>{t('sites_legend')}</legend>
          {SITES.map((s) => (
            <label class="check" key={s.id}>
              <input type="checkbox" name={`site-${s.id}`} checked={!off.includes(s.id)} onChange={(e) => void toggle(s.id, e.currentTarget.checked)} />
              {s.name} <span class="muted">({s.hosts[0]})</span>
            </label>
          ))}
        </fieldset>
      )}
      <Notice note={message} />
    </section>
  );
}
