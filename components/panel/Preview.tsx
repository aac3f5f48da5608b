import { FLAG_LABELS, type FlagCategory } from '@/lib/flags';
import { t } from '@/lib/i18n';
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
    [t('preview_chatbot'), SITE_NAMES[draft.site]],
    [t('preview_model'), draft.model],
    [t('preview_mode'), draft.mode],
    [t('preview_conversation'), draft.conversationUrl],
    [t('preview_prompt'), draft.prompt?.text],
    [t('preview_answer'), draft.answer.text === undefined ? t('preview_answerOmitted') : draft.answer.text || t('preview_noText')],
    [t('preview_rating'), draft.rating === 'up' ? t('preview_goodAnswer') : draft.rating === 'down' ? t('preview_badAnswer') : undefined],
    [t('preview_flags'), draft.flags?.map((f) => labels[f] ?? FLAG_LABELS[f as FlagCategory] ?? f).join(', ') || undefined],
    [t('preview_comment'), draft.comment],
    [t('preview_correction'), draft.correction],
  ];
  return (
    <details>
      <summary>{t('preview_summary')}</summary>
      <dl>
        {rows
          .filter((r): r is [string, string] => !!r[1])
          .map(([k, v]) => [<dt key={`${k}t`}>{k}</dt>, <dd key={`${k}d`}>{v}</dd>])}
      </dl>
      <p class="hint">
        {t('preview_alsoStored')}
        {privacy.redact ? ` ${t('preview_redacted')}` : ''}
        {privacy.prompt ? '' : ` ${t('preview_noPrompt')}`}
      </p>
    </details>
  );
}
