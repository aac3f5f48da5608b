/** What a report carries: each choice saved at once and applied to open chatbot tabs. */
import { useEffect, useState } from 'preact/hooks';
import type { Privacy } from '@/lib/settings';
import { ask, type Send } from '../shared/send';
import { t, type MessageKey } from '@/lib/i18n';
import { Notice, type Note } from './Notice';

/** Each choice's label is the message privacy_<key>, its hint privacy_<key>Hint. */
const CHOICES: (keyof Privacy)[] = ['answerText', 'prompt', 'conversationUrl', 'model', 'redact'];
const label = (key: keyof Privacy) => t(`privacy_${key}` as MessageKey);
const hint = (key: keyof Privacy) => t(`privacy_${key}Hint` as MessageKey);

export function PrivacySettings({ send }: { send: Send }) {
  const [privacy, setPrivacy] = useState<Privacy | null>(null);
  const [message, setMessage] = useState<Note>(null);

  useEffect(() => {
    void ask(send, { type: 'settings:get' }).then((r) => (r.ok ? setPrivacy(r.settings.privacy) : setMessage({ text: r.error, error: true })));
  }, []);

  async function toggle(key: keyof Privacy, on: boolean) {
    if (!privacy) return;
    const next = { ...privacy, [key]: on };
    setPrivacy(next);
    const r = await ask(send, { type: 'settings:save', privacy: next });
    setMessage(r.ok ? { text: t('privacy_saved'), error: false } : { text: r.error, error: true });
    if (!r.ok) setPrivacy(privacy);
  }

  return (
    <section class="card" aria-labelledby="privacy-h">
      <h2 id="privacy-h">{t('privacy_heading')}</h2>
      <p class="muted">{t('privacy_intro')}</p>
      {privacy && (
        <fieldset>
          <legend>{t('privacy_legend')}</legend>
          {CHOICES.map((key) => (
            <label class="check" key={key}>
              <input
                type="checkbox"
                name={key}
                checked={privacy[key]}
                aria-describedby={`privacy-${key}`}
                onChange={(e) => void toggle(key, e.currentTarget.checked)}
              />
              {label(key)}
              <span id={`privacy-${key}`} class="muted hint">
                {hint(key)}
              </span>
            </label>
          ))}
        </fieldset>
      )}
      <Notice note={message} />
    </section>
  );
}
