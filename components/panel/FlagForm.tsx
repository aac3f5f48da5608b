import { useEffect, useRef, useState } from 'preact/hooks';
import type { RefObject } from 'preact';
import { FLAG_CATEGORIES, flagLabel } from '@/lib/flags';
import { t } from '@/lib/i18n';
import { draftFor } from '@/lib/draft';
import type { ReportDraft } from '@/lib/report';
import type { AnswerInfo } from '@/lib/sites/types';
import { Preview } from './Preview';
import type { PrivacyChoices } from '@/lib/privacy';

interface Props {
  info: AnswerInfo;
  pageUrl: string;
  privacy: PrivacyChoices;
  /** The team's categories and required fields; the built-in ones otherwise. */
  categories?: FlagChoice[];
  required?: { comment: boolean; correction: boolean; category: boolean };
  busy: boolean;
  onSubmit(draft: ReportDraft): void;
  onCancel(): void;
}

export interface FlagChoice {
  id: string;
  label: string;
  description?: string;
}

/** The built-in categories, labelled in the browser's language (read anew on each use). */
export const BUILT_IN_CHOICES: FlagChoice[] = FLAG_CATEGORIES.map((id) => ({
  id,
  get label() {
    return flagLabel(id);
  },
}));
const NOTHING_REQUIRED = { comment: false, correction: false, category: true };

/** Categories, comment, correction, and a preview of exactly what will be stored. */
export function FlagForm({
  info,
  pageUrl,
  privacy,
  categories = BUILT_IN_CHOICES,
  required = NOTHING_REQUIRED,
  busy,
  onSubmit,
  onCancel,
}: Props) {
  const [flags, setFlags] = useState<string[]>([]);
  const [comment, setComment] = useState('');
  const [correction, setCorrection] = useState('');
  const [error, setError] = useState<string | null>(null);
  const first = useRef<HTMLInputElement>(null);
  const id = (s: string) => `bta-${s}`;

  useEffect(() => first.current?.focus(), []);

  const draft = draftFor(info, pageUrl, { flags, comment, correction });

  const [fieldError, setFieldError] = useState<{ field: 'comment' | 'correction'; text: string } | null>(null);
  const commentBox = useRef<HTMLTextAreaElement>(null);
  const correctionBox = useRef<HTMLTextAreaElement>(null);
  const labels = Object.fromEntries(categories.map((c) => [c.id, c.label]));

  function toggle(c: string, on: boolean) {
    setError(null);
    // Kept in the form's order, whatever order they were ticked in.
    setFlags((f) => (on ? categories.map((x) => x.id).filter((x) => x === c || f.includes(x)) : f.filter((x) => x !== c)));
  }

  return (
    <form
      aria-label={t('form_label')}
      onSubmit={(e) => {
        e.preventDefault();
        if (!flags.length) {
          const other = categories.find((c) => c.id === 'other');
          setError(other ? t('form_chooseOrOther', other.label) : t('form_choose'));
          first.current?.focus();
          return;
        }
        if (required.comment && !comment.trim()) {
          setFieldError({ field: 'comment', text: t('form_needComment') });
          commentBox.current?.focus();
          return;
        }
        if (required.correction && !correction.trim()) {
          setFieldError({ field: 'correction', text: t('form_needCorrection') });
          correctionBox.current?.focus();
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
        <legend>{t('form_legend')}</legend>
        <div class="cats">
          {categories.map((c, i) => (
            <label key={c.id} title={c.description}>
              <input
                ref={i === 0 ? first : undefined}
                type="checkbox"
                name="flag"
                value={c.id}
                checked={flags.includes(c.id)}
                onChange={(e) => toggle(c.id, (e.currentTarget as HTMLInputElement).checked)}
              />
              {c.label}
            </label>
          ))}
        </div>
        {error && (
          <p id={id('cat-error')} class="error" role="alert">
            {error}
          </p>
        )}
      </fieldset>
      <TextField
        name="comment"
        label={required.comment ? t('form_commentRequired') : t('form_comment')}
        value={comment}
        maxLength={10_000}
        required={required.comment}
        invalid={fieldError?.field === 'comment'}
        errorId={id('field-error')}
        inputRef={commentBox}
        onInput={(v) => {
          setFieldError(null);
          setComment(v);
        }}
      />
      <TextField
        name="correction"
        label={required.correction ? t('form_correctionRequired') : t('form_correction')}
        value={correction}
        required={required.correction}
        invalid={fieldError?.field === 'correction'}
        errorId={id('field-error')}
        inputRef={correctionBox}
        onInput={(v) => {
          setFieldError(null);
          setCorrection(v);
        }}
      />
      {fieldError && (
        <p id={id('field-error')} class="error" role="alert">
          {fieldError.text}
        </p>
      )}
      <Preview draft={draft} privacy={privacy} labels={labels} />
      <div class="actions">
        <button type="submit" class="primary" disabled={busy}>
          {busy ? t('form_saving') : t('form_save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common_cancel')}
        </button>
        <span class="hint">{t('form_escHint')}</span>
      </div>
    </form>
  );
}

/** A labelled text area that says when it is required and points at the error when it is missing. */
function TextField(p: {
  name: string;
  label: string;
  value: string;
  maxLength?: number;
  required: boolean;
  invalid: boolean;
  errorId: string;
  inputRef: RefObject<HTMLTextAreaElement | null>;
  onInput: (value: string) => void;
}) {
  return (
    <label class="field">
      {p.label}
      <textarea
        ref={p.inputRef}
        name={p.name}
        value={p.value}
        maxLength={p.maxLength}
        aria-required={p.required}
        aria-invalid={p.invalid}
        aria-describedby={p.invalid ? p.errorId : undefined}
        onInput={(e) => p.onInput(e.currentTarget.value)}
      />
    </label>
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
