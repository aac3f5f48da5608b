import { useEffect, useRef, useState } from 'preact/hooks';
import { FLAG_CATEGORIES, FLAG_LABELS, type FlagCategory } from '@/lib/flags';
import { draftFor } from '@/lib/draft';
import type { ReportDraft } from '@/lib/report';
import type { AnswerInfo } from '@/lib/sites/types';
import { Preview } from './Preview';
import type { PrivacyChoices } from '@/lib/privacy';

interface Props {
  info: AnswerInfo;
  pageUrl: string;
  privacy: PrivacyChoices;
  busy: boolean;
  onSubmit(draft: ReportDraft): void;
  onCancel(): void;
}

/** Categories, comment, correction, and a preview of exactly what will be stored. */
export function FlagForm({ info, pageUrl, privacy, busy, onSubmit, onCancel }: Props) {
  const [flags, setFlags] = useState<FlagCategory[]>([]);
  const [comment, setComment] = useState('');
  const [correction, setCorrection] = useState('');
  const [error, setError] = useState<string | null>(null);
  const first = useRef<HTMLInputElement>(null);
  const id = (s: string) => `bta-${s}`;

  useEffect(() => first.current?.focus(), []);

  const draft = draftFor(info, pageUrl, { flags, comment, correction });

  function toggle(c: FlagCategory, on: boolean) {
    setError(null);
    setFlags((f) => (on ? FLAG_CATEGORIES.filter((x) => x === c || f.includes(x)) : f.filter((x) => x !== c)));
  }

  return (
    <form
      aria-label="Flag this answer"
      onSubmit={(e) => {
        e.preventDefault();
        if (!flags.length) {
          setError('Choose at least one category (use “Other” if none fits).');
          first.current?.focus();
          return;
        }
        onSubmit(draft);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onCancel();
        } else if (e.key === 'Tab') {
          trapTab(e.currentTarget as HTMLFormElement, e);
        }
      }}
    >
      <fieldset aria-describedby={error ? id('cat-error') : undefined}>
        <legend>What is wrong with this answer?</legend>
        <div class="cats">
          {FLAG_CATEGORIES.map((c, i) => (
            <label key={c}>
              <input
                ref={i === 0 ? first : undefined}
                type="checkbox"
                name="flag"
                value={c}
                checked={flags.includes(c)}
                onChange={(e) => toggle(c, (e.currentTarget as HTMLInputElement).checked)}
              />
              {FLAG_LABELS[c]}
            </label>
          ))}
        </div>
        {error && (
          <p id={id('cat-error')} class="error" role="alert">
            {error}
          </p>
        )}
      </fieldset>
      <label class="field">
        Comment
        <textarea name="comment" value={comment} maxLength={10_000} onInput={(e) => setComment(e.currentTarget.value)} />
      </label>
      <label class="field">
        What the right answer is
        <textarea
          name="correction"
          value={correction}
          onInput={(e) => setCorrection(e.currentTarget.value)}
        />
      </label>
      <Preview draft={draft} privacy={privacy} />
      <div class="actions">
        <button type="submit" class="primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save flag'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <span class="hint">Esc cancels</span>
      </div>
    </form>
  );
}

const TABBABLE = 'input, textarea, select, button, a[href], summary, [tabindex]';

/**
 * Keeps keyboard focus inside the open form: Tab from its last control comes back to the
 * first, Shift+Tab from the first goes to the last. Escape (or Cancel) is the way out.
 */
function trapTab(form: HTMLFormElement, e: KeyboardEvent) {
  const controls = [...form.querySelectorAll<HTMLElement>(TABBABLE)].filter(
    (el) => el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled && el.getClientRects().length > 0,
  );
  if (!controls.length) return;
  const first = controls[0]!;
  const last = controls[controls.length - 1]!;
  const at = e.target as HTMLElement;
  if (e.shiftKey && at === first) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && at === last) {
    e.preventDefault();
    first.focus();
  }
}
