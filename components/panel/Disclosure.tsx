/**
 * "Human work behind this answer": a compact badge with the vendor's disclosure count
 * that expands, by click or keyboard, into the topics and their sources. Neutral
 * colours: "not disclosed" is a fact about the vendor, not a grade of the answer.
 */
import { useState } from 'preact/hooks';
import type { DisclosureView } from '@/lib/disclosures/view';
import { Topics } from '@/components/disclosures/Topics';

export function DisclosureBadge({ view, openDirectory }: { view: DisclosureView; openDirectory: (vendor: string) => void }) {
  const [open, setOpen] = useState(false);
  const { disclosed, partly, total } = view.summary;
  const id = `bta-disclosure-${view.vendor.id}`;
  return (
    <div class="disclosure">
      <button type="button" class="badge" aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)}>
        Human work behind this answer ({view.vendor.name}): {disclosed} of {total} disclosed
        {partly ? `, ${partly} in part` : ''}
      </button>
      {open && (
        <div id={id} class="disclosure-body">
          <p>
            What {view.vendor.name} has published about the people who label, rate, test and moderate for its models.
            {view.note ? ` ${view.note}` : ''}
          </p>
          <Topics vendor={view.vendor} headingLevel={5} />
          <p class="muted">
            Registry version {view.version}, facts as of {view.asOf}.{' '}
            <button type="button" class="link" onClick={() => openDirectory(view.vendor.id)}>
              Compare all vendors
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
      Your thumbs on {view.platform.name}’s own buttons: {p ? p.text : 'what they do with your conversation is not disclosed.'}
    </p>
  );
}
