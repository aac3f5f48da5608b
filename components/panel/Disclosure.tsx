/**
 * "Human work behind this answer": a compact badge with the vendor's disclosure count
 * that expands, by click or keyboard, into the topics and their sources. Neutral
 * colours: "not disclosed" is a fact about the vendor, not a grade of the answer.
 */
import { useState } from 'preact/hooks';
import type { DisclosureView } from '@/lib/disclosures/view';
import { Topics } from '@/components/disclosures/Topics';
import { t } from '@/lib/i18n';

export function DisclosureBadge({ view, openDirectory }: { view: DisclosureView; openDirectory: (vendor: string) => void }) {
  const [open, setOpen] = useState(false);
  const { disclosed, partly, total } = view.summary;
  const id = `bta-disclosure-${view.vendor.id}`;
  return (
    <div class="disclosure">
      <button type="button" class="badge" aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)}>
        {partly
          ? t('disclosure_badgePartly', view.vendor.name, disclosed, total, partly)
          : t('disclosure_badge', view.vendor.name, disclosed, total)}
      </button>
      {open && (
        <div id={id} class="disclosure-body">
          <p>
            {t('disclosure_intro', view.vendor.name)}
            {view.note ? ` ${view.note}` : ''}
          </p>
          <Topics vendor={view.vendor} headingLevel={5} />
          <p class="muted">
            {t('disclosure_version', view.version, view.asOf)}{' '}
            <button type="button" class="link" onClick={() => openDirectory(view.vendor.id)}>
              {t('disclosure_compare')}
            </button>
          </p>
        </div>
      )}
    </div>
  );
}

/** One line beside our controls, so nobody mistakes the vendor's thumbs for ours. */
export function FeedbackPolicyLine({ view }: { view: DisclosureView }) {
  const p = view.platform.feedbackPolicy;
  return (
    <p class="policy">
      {t('disclosure_policy', view.platform.name, p ? p.text : t('disclosure_policyUnknown'))}
    </p>
  );
}
