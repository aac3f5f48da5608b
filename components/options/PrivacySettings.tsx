/** What a report carries: each choice saved at once and applied to open chatbot tabs. */
import { useEffect, useState } from 'preact/hooks';
import type { Privacy } from '@/lib/settings';
import { ask, type Send } from '../shared/send';

const CHOICES: { key: keyof Privacy; label: string; hint: string }[] = [
  { key: 'answerText', label: 'The answer’s text', hint: 'Without it, only a fingerprint of the answer is kept.' },
  { key: 'prompt', label: 'Your prompt before the answer', hint: 'Off by default: prompts are often the most personal part.' },
  { key: 'conversationUrl', label: 'The conversation’s address', hint: 'Lets your team find the conversation again if it is shared.' },
  { key: 'model', label: 'The model’s name', hint: 'As the chatbot shows it, e.g. “GPT-5” or “Flash”.' },
  { key: 'redact', label: 'Hide personal details', hint: 'Email addresses, phone numbers, card numbers, IBANs, IP addresses and keys become placeholders like [email].' },
];

export function PrivacySettings({ send }: { send: Send }) {
  const [privacy, setPrivacy] = useState<Privacy | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  useEffect(() => {
    void ask(send, { type: 'settings:get' }).then((r) => (r.ok ? setPrivacy(r.settings.privacy) : setMessage({ text: r.error, error: true })));
  }, []);

  async function toggle(key: keyof Privacy, on: boolean) {
    if (!privacy) return;
    const next = { ...privacy, [key]: on };
    setPrivacy(next);
    const r = await ask(send, { type: 'settings:save', privacy: next });
    setMessage(r.ok ? { text: 'Saved. Open chatbot tabs use it at once.', error: false } : { text: r.error, error: true });
    if (!r.ok) setPrivacy(privacy);
  }

  return (
    <section class="card" aria-labelledby="privacy-h">
      <h2 id="privacy-h">Privacy</h2>
      <p class="muted">What each report carries. The preview in the panel always shows exactly what will be kept.</p>
      {privacy && (
        <fieldset>
          <legend>A report includes</legend>
          {CHOICES.map((c) => (
            <label class="check" key={c.key}>
              <input
                type="checkbox"
                name={c.key}
                checked={privacy[c.key]}
                aria-describedby={`privacy-${c.key}`}
                onChange={(e) => void toggle(c.key, e.currentTarget.checked)}
              />
              {c.label}
              <span id={`privacy-${c.key}`} class="muted hint">
                {c.hint}
              </span>
            </label>
          ))}
        </fieldset>
      )}
      {message && (
        <p class={message.error ? 'error' : 'muted'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </section>
  );
}
