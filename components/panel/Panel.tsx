import { useEffect, useRef, useState } from 'preact/hooks';
import { draftFor } from '@/lib/draft';
import type { ReportDraft } from '@/lib/report';
import type { Destination, Reply } from '@/lib/messages';
import type { AnswerInfo } from '@/lib/sites/types';
import { FlagForm, type FlagChoice } from './FlagForm';
import { DisclosureBadge, FeedbackPolicyLine } from './Disclosure';
import type { DisclosureView } from '@/lib/disclosures/view';
import { DEFAULT_PRIVACY, type PrivacyChoices } from '@/lib/privacy';
import { t } from '@/lib/i18n';

/** How the panel talks to the background; the content script supplies it. */
export interface PanelApi {
  save(draft: ReportDraft): Promise<Reply<'report:save'>>;
  undo(id: string): Promise<Reply<'report:undo'>>;
  state(id: string): Promise<Reply<'report:state'>>;
}

export interface PanelProps {
  info: AnswerInfo;
  pageUrl: () => string;
  /** What a report may carry right now (settings can change while the page is open). */
  privacy?: () => PrivacyChoices;
  /** The team's flag categories and required fields, when the person has joined a team. */
  form?: () => { categories?: FlagChoice[]; required?: { comment: boolean; correction: boolean; category: boolean } };
  api: PanelApi;
  /** Bumped by the "flag latest answer" command: opens the form and focuses it. */
  flagRequest: number;
  /** Page-level fallback when the layout is not recognised. */
  floating?: boolean;
  /** The vendor's published human-labor disclosure, once the background has answered. */
  disclosure?: DisclosureView | null;
  openDirectory?: (vendor: string) => void;
}

const UNDO_MS = 8000;
/** How long the panel follows a queued report to say "Delivered". */
const FOLLOW_MS = 60_000;
const FOLLOW_EVERY_MS = 2_000;

type Saved = { id: string; what: 'rating' | 'flag'; destination: Destination };

export function Panel({ info, pageUrl, privacy, form, api, flagRequest, floating, disclosure, openDirectory }: PanelProps) {
  const [rating, setRating] = useState<{ value: 'up' | 'down'; id: string } | null>(null);
  const [flagging, setFlagging] = useState(false);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<Saved | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const flagButton = useRef<HTMLButtonElement>(null);
  const undoButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (flagRequest > 0) setFlagging(true);
  }, [flagRequest]);

  // The Undo offer lasts a few seconds; after that the report is simply saved.
  useEffect(() => {
    if (!saved) return;
    const timer = setTimeout(() => setSaved(null), UNDO_MS);
    return () => clearTimeout(timer);
  }, [saved]);

  // A queued report: say so when the endpoint has it (or stop asking after a minute).
  const [following, setFollowing] = useState<{ id: string; what: Saved['what']; host: string } | null>(null);
  useEffect(() => {
    if (!following) return;
    const until = Date.now() + FOLLOW_MS;
    let stop = false;
    const timer = setInterval(async () => {
      if (stop) return;
      const reply = await api.state(following.id).catch(() => null);
      const state = reply?.ok ? reply.state : null;
      if (state === 'sent' || state === 'rejected' || state === null || Date.now() > until) {
        stop = true;
        clearInterval(timer);
        setFollowing(null);
        const rating = following.what === 'rating';
        if (state === 'sent') setMessage({ text: t(rating ? 'panel_ratingDelivered' : 'panel_flagDelivered', following.host), error: false });
        if (state === 'rejected') setMessage({ text: t(rating ? 'panel_ratingRefused' : 'panel_flagRefused', following.host), error: true });
      }
    }, FOLLOW_EVERY_MS);
    return () => {
      stop = true;
      clearInterval(timer);
    };
  }, [following]);

  async function save(draft: ReportDraft, what: Saved['what']): Promise<string | null> {
    setBusy(true);
    setMessage(null);
    try {
      const reply = await api.save(draft);
      if (!reply.ok) {
        setMessage({ text: t('panel_notSaved', reply.error), error: true });
        return null;
      }
      setSaved({ id: reply.id, what, destination: reply.destination });
      setMessage({ text: confirmation(what, reply.destination), error: false });
      if (reply.destination.kind === 'endpoint') setFollowing({ id: reply.id, what, host: reply.destination.host });
      return reply.id;
    } catch (e) {
      setMessage({ text: t('panel_noReply', errorText(e)), error: true });
      return null;
    } finally {
      setBusy(false);
    }
  }

  async function rate(value: 'up' | 'down') {
    if (busy || rating?.value === value) return;
    // Changing one's mind replaces the earlier rating rather than adding a second one.
    if (rating) await api.undo(rating.id).catch(() => undefined);
    const id = await save(draftFor(info, pageUrl(), { rating: value }), 'rating');
    setRating(id ? { value, id } : null);
  }

  async function undo() {
    if (!saved) return;
    const reply = await api.undo(saved.id).catch((e) => ({ ok: false as const, error: errorText(e) }));
    if (!reply.ok) return setMessage({ text: t('panel_undoFailed', reply.error), error: true });
    if (saved.what === 'rating') setRating(null);
    setSaved(null);
    setFollowing(null);
    setMessage({
      text: reply.removed ? t('panel_undone') : t('panel_tooLate'),
      error: !reply.removed,
    });
    flagButton.current?.focus();
  }

  useEffect(() => {
    if (saved?.what === 'flag') undoButton.current?.focus();
  }, [saved]);

  return (
    <div class={floating ? 'panel floating' : 'panel'} lang={t('langTag')} role="group" aria-label={t('panel_groupLabel')}>
      <div class="bar">
        <span class="brand" title={t('panel_brandTitle')}>
          <svg viewBox="0 0 16 16" aria-hidden="true">
            <circle cx="8" cy="8" r="7" fill="none" stroke="currentColor" stroke-width="2" />
            <circle cx="8" cy="8" r="2.5" fill="currentColor" />
          </svg>
          {t('extName')}
        </span>
        {!floating && (
          <>
            <button type="button" aria-pressed={rating?.value === 'up'} disabled={busy} onClick={() => rate('up')}>
              <Thumb />
              {t('common_good')}
            </button>
            <button type="button" aria-pressed={rating?.value === 'down'} disabled={busy} onClick={() => rate('down')}>
              <Thumb down />
              {t('common_bad')}
            </button>
          </>
        )}
        <button
          type="button"
          ref={flagButton}
          aria-expanded={flagging}
          onClick={() => setFlagging((f) => !f)}
        >
          {floating ? t('panel_flagPage') : t('panel_flag')}
        </button>
        <span class={message ? (message.error ? 'status error' : 'status ok') : 'status'} role="status" aria-live="polite">
          {message?.text}
          {saved && (
            <>
              {' '}
              <button type="button" ref={undoButton} onClick={undo}>
                {t('panel_undo')}
              </button>
            </>
          )}
        </span>
      </div>
      {disclosure && <FeedbackPolicyLine view={disclosure} />}
      {disclosure && !floating && <DisclosureBadge view={disclosure} openDirectory={openDirectory ?? (() => {})} />}
      {flagging && (
        <FlagForm
          info={info}
          pageUrl={pageUrl()}
          privacy={privacy?.() ?? DEFAULT_PRIVACY}
          {...(form?.() ?? {})}
          busy={busy}
          onCancel={() => {
            setFlagging(false);
            flagButton.current?.focus();
          }}
          onSubmit={async (draft) => {
            if (await save(draft, 'flag')) setFlagging(false);
          }}
        />
      )}
    </div>
  );
}

/** Drawn, not an emoji: emoji fonts are missing on many Linux desktops. */
function Thumb({ down }: { down?: boolean }) {
  return (
    <svg class="icon" viewBox="0 0 16 16" aria-hidden="true" transform={down ? 'rotate(180)' : undefined}>
      <path
        fill="currentColor"
        d="M1.5 7h3v7.5h-3zM6 7l2.6-5.2c1.1-.2 2.1.8 1.8 2L9.9 6h3.6c.9 0 1.6.9 1.4 1.8l-1.3 5.6a1.5 1.5 0 0 1-1.5 1.1H6z"
      />
    </svg>
  );
}

function confirmation(what: Saved['what'], d: Destination): string {
  if (d.kind === 'local') return t(what === 'rating' ? 'panel_ratingSaved' : 'panel_flagSaved');
  return t(what === 'rating' ? 'panel_ratingQueued' : 'panel_flagQueued', d.host);
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
