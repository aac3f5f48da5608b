import { FLAG_LABELS } from '@/lib/flags';
import type { ReportDraft } from '@/lib/report';
import { SITE_NAMES } from '@/lib/sites/names';

/** Exactly what the report will hold, field by field, before it is saved. */
export function Preview({ draft }: { draft: ReportDraft }) {
  const rows: [string, string | undefined][] = [
    ['Chatbot', SITE_NAMES[draft.site]],
    ['Model', draft.model],
    ['Mode', draft.mode],
    ['Conversation', draft.conversationUrl],
    ['Your prompt', draft.prompt?.text],
    ['Answer', draft.answer.text || '(no text)'],
    ['Rating', draft.rating === 'up' ? 'Good answer' : draft.rating === 'down' ? 'Bad answer' : undefined],
    ['Flags', draft.flags?.map((f) => FLAG_LABELS[f]).join(', ') || undefined],
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
        Nothing else from the page is read.
      </p>
    </details>
  );
}
