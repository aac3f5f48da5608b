import { FLAG_LABELS, type FlagCategory } from '@/lib/flags';
import type { ReportDraft } from '@/lib/report';
import { SITE_NAMES } from '@/lib/sites/names';
import { applyPrivacy, type PrivacyChoices } from '@/lib/privacy';

/** Exactly what the report will hold, field by field, before it is saved. */
export function Preview({
  draft: raw,
  privacy,
  labels = {},
}: {
  draft: ReportDraft;
  privacy: PrivacyChoices;
  /** Labels of a team's own categories, by id. */
  labels?: Record<string, string>;
}) {
  // Exactly what the background will keep: the same function runs there.
  const draft = applyPrivacy(raw, privacy);
  const rows: [string, string | undefined][] = [
    ['Chatbot', SITE_NAMES[draft.site]],
    ['Model', draft.model],
    ['Mode', draft.mode],
    ['Conversation', draft.conversationUrl],
    ['Your prompt', draft.prompt?.text],
    ['Answer', draft.answer.text === undefined ? 'Not included (your privacy settings): only its fingerprint' : draft.answer.text || '(no text)'],
    ['Rating', draft.rating === 'up' ? 'Good answer' : draft.rating === 'down' ? 'Bad answer' : undefined],
    ['Flags', draft.flags?.map((f) => labels[f] ?? FLAG_LABELS[f as FlagCategory] ?? f).join(', ') || undefined],
    ['Comment', draft.comment],
    ['Right answer', draft.correction],
  ];
  return (
    <details>
      <summary>What will be stored</summary>
      <dl>
        {rows
          .filter((r): r is [string, string] => !!r[1])
          .map(([k, v]) => [<dt key={`${k}t`}>{k}</dt>, <dd key={`${k}d`}>{v}</dd>])}
      </dl>
      <p class="hint">
        Also stored: a random report id, the time, the extension version and a SHA-256 fingerprint of the answer.
        {privacy.redact ? ' Email addresses, phone numbers, card numbers, IBANs, IP addresses and keys are replaced by placeholders.' : ''}
        {privacy.prompt ? '' : ' Your prompt is not included (you can change this in the settings).'}
      </p>
    </details>
  );
}
