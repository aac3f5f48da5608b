import { useEffect, useRef, useState } from 'preact/hooks';
import type { OutboxRecord, ReportState } from '@/lib/outbox/db';
import { toCsv, toJsonl } from '@/lib/export';
import { SITE_NAMES } from '@/lib/sites/names';
import { STATE_LABELS, STATE_ORDER, STATE_SHORT, flagsLabel, ratingLabel } from '../shared/labels';
import { ask, type Send } from '../shared/send';
import { exactTime, localDate } from '../shared/time';
import { t, tn, type MessageKey } from '@/lib/i18n';

/** Saves a file for the person (a temporary <a download> in the page; faked in tests). */
export type Download = (fileName: string, blob: Blob) => void;

type Filter = ReportState | 'all';

/** Rows drawn at once; the outbox can hold tens of thousands. Exports always take everything. */
export const SHOWN_LIMIT = 500;
const PREVIEW_CHARS = 120;

export function Outbox({ send, download, now = Date.now }: { send: Send; download: Download; now?: () => number }) {
  const [filter, setFilter] = useState<Filter>('all');
  const [records, setRecords] = useState<OutboxRecord[] | null>(null);
  const [counts, setCounts] = useState<Record<ReportState, number> | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<{ text: string; error: boolean } | null>(null);
  const latest = useRef(0);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const deleteAllButton = useRef<HTMLButtonElement>(null);

  const stateArg = (f: Filter) => (f === 'all' ? {} : { state: f });

  async function load(f: Filter = filter) {
    const seq = ++latest.current;
    const [list, status] = await Promise.all([
      ask(send, { type: 'outbox:list', ...stateArg(f), limit: SHOWN_LIMIT }),
      ask(send, { type: 'status:get' }),
    ]);
    // Switching the filter quickly: only the last answer may fill the table.
    if (seq !== latest.current) return;
    if (list.ok) {
      setRecords(list.records);
      setLoadError(null);
    } else {
      setLoadError(list.error);
    }
    setCounts(status.ok ? status.status.reports.byState : null);
  }

  useEffect(() => {
    void load(filter);
  }, [send, filter]);

  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);

  const total = counts ? (filter === 'all' ? STATE_ORDER.reduce((n, s) => n + counts[s], 0) : counts[filter]) : null;
  // Reports in flight are not deletable, so "all" means all the others.
  const deletable = counts ? (filter === 'all' ? total! - counts.sending : filter === 'sending' ? 0 : counts[filter]) : null;

  async function remove(ids: string[] | 'all') {
    setBusy(true);
    setNote(null);
    const reply = await ask(send, { type: 'outbox:delete', ids });
    setBusy(false);
    if (!reply.ok) return setNote({ text: t('outbox_notDeleted', reply.error), error: true });
    setNote({ text: tn('outbox_deleted', reply.removed), error: false });
    await load();
  }

  async function deleteAll() {
    setConfirming(false);
    if (filter === 'all') return remove('all');
    // One state only: its ids, every one of them (the table may show only the first rows).
    setBusy(true);
    const list = await ask(send, { type: 'outbox:list', state: filter });
    setBusy(false);
    if (!list.ok) return setNote({ text: t('outbox_notDeleted', list.error), error: true });
    await remove(list.records.filter((r) => r.state !== 'sending').map((r) => r.id));
    deleteAllButton.current?.focus();
  }

  async function exportAs(kind: 'jsonl' | 'csv') {
    setBusy(true);
    setNote(null);
    const list = await ask(send, { type: 'outbox:list', ...stateArg(filter) });
    setBusy(false);
    if (!list.ok) return setNote({ text: t('outbox_notExported', list.error), error: true });
    const name = `behind-the-answer-reports-${localDate(now())}.${kind}`;
    // A byte order mark, or spreadsheet programs read UTF-8 text (any non-English answer) as mojibake.
    const blob =
      kind === 'csv'
        ? new Blob(['\uFEFF', toCsv(list.records)], { type: 'text/csv;charset=utf-8' })
        : new Blob([toJsonl(list.records)], { type: 'application/jsonl;charset=utf-8' });
    download(name, blob);
    setNote({ text: tn('outbox_exported', list.records.length, name), error: false });
  }

  const toggle = (id: string) =>
    setOpen((s) => {
      const next = new Set(s);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  // Each filter has its own sentences: "3 delivered reports" agrees differently in every language.
  // (No "Delete all" while showing reports in flight, so 'sending' has none.)
  const deletableFilter = filter === 'sending' ? 'all' : filter;
  const confirmText = () =>
    deletable === null ? t(`outbox_confirmUnknown_${deletableFilter}`) : tn(`outbox_confirm_${deletableFilter}`, deletable);

  return (
    <section aria-labelledby="outbox-heading" class="card">
      <h2 id="outbox-heading">{t('outbox_heading')}</h2>
      <div class="toolbar">
        <label for="outbox-filter">{t('outbox_show')}</label>
        <select
          id="outbox-filter"
          value={filter}
          onChange={(e) => {
            setConfirming(false);
            setOpen(new Set());
            setFilter((e.currentTarget as HTMLSelectElement).value as Filter);
          }}
        >
          {STATE_ORDER.map((s) => (
            <option key={s} value={s}>
              {STATE_SHORT[s]}
              {counts ? ` (${counts[s]})` : ''}
            </option>
          ))}
          <option value="all">
            {t('outbox_all')}
            {counts ? ` (${STATE_ORDER.reduce((n, s) => n + counts[s], 0)})` : ''}
          </option>
        </select>
        <button type="button" onClick={() => void load()} disabled={busy}>
          {t('outbox_refresh')}
        </button>
        <span class="spacer" />
        <button type="button" onClick={() => void exportAs('jsonl')} disabled={busy || !records?.length}>
          {t('outbox_exportJsonl')}
        </button>
        <button type="button" onClick={() => void exportAs('csv')} disabled={busy || !records?.length}>
          {t('outbox_exportCsv')}
        </button>
        {filter !== 'sending' && !!records?.length && (
          <button
            type="button"
            class="danger"
            ref={deleteAllButton}
            aria-expanded={confirming}
            aria-controls="confirm-delete"
            onClick={() => setConfirming(true)}
            disabled={busy}
          >
            {t('outbox_deleteAll')}
          </button>
        )}
      </div>
      {confirming && (
        <div id="confirm-delete" class="notice bad" role="group" aria-labelledby="confirm-delete-text">
          <p id="confirm-delete-text">
            {confirmText()}
            {(filter === 'all' || filter === 'pending') && ` ${t('outbox_confirmLost')}`}
            {filter === 'all' && ` ${t('outbox_confirmKept')}`} {t('outbox_confirmFinal')}
          </p>
          <div class="actions">
            <button type="button" class="danger" ref={confirmButton} onClick={() => void deleteAll()}>
              {t('outbox_confirmYes')}
            </button>
            <button
              type="button"
              onClick={() => {
                setConfirming(false);
                deleteAllButton.current?.focus();
              }}
            >
              {t('common_cancel')}
            </button>
          </div>
        </div>
      )}
      <p role="status" aria-live="polite" class={note?.error ? 'note error' : 'note'}>
        {note?.text}
      </p>
      {loadError && (
        <p class="error" role="alert">
          {t('outbox_loadError', loadError)}
        </p>
      )}
      {records === null && !loadError && <p class="muted">{t('common_loading')}</p>}
      {records?.length === 0 && <p class="muted">{t(`outbox_empty_${filter}` as MessageKey)}</p>}
      {!!records?.length && (
        <>
          {total !== null && total > records.length && (
            <p class="hint">
              {tn('outbox_showing', total, records.length)}
            </p>
          )}
          <table class="reports">
            <caption class="visually-hidden">{t('outbox_caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('outbox_created')}</th>
                <th scope="col">{t('preview_chatbot')}</th>
                <th scope="col">{t('preview_model')}</th>
                <th scope="col">{t('outbox_ratingFlags')}</th>
                <th scope="col">{t('preview_answer')}</th>
                <th scope="col">{t('outbox_state')}</th>
                <th scope="col">
                  <span class="visually-hidden">{t('outbox_actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {records.map((r) => (
                <Row key={r.id} record={r} open={open.has(r.id)} busy={busy} onToggle={() => toggle(r.id)} onDelete={() => void remove([r.id])} />
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

function Row({
  record: r,
  open,
  busy,
  onToggle,
  onDelete,
}: {
  record: OutboxRecord;
  open: boolean;
  busy: boolean;
  onToggle: () => void;
  onDelete: () => void;
}) {
  const p = r.report;
  const created = exactTime(p.createdAt);
  const text = p.answer.text;
  const preview = text === undefined ? '' : text.length > PREVIEW_CHARS ? `${text.slice(0, PREVIEW_CHARS)}…` : text;
  const judged = [ratingLabel(p.rating), flagsLabel(p.flags)].filter(Boolean).join('; ');
  const detailsId = `details-${r.id}`;
  return (
    <>
      <tr class={`state-${r.state}`}>
        <td>
          <time dateTime={p.createdAt}>{created}</time>
        </td>
        <td>{SITE_NAMES[p.site] ?? p.site}</td>
        <td>{[p.model, p.mode].filter(Boolean).join(', ')}</td>
        <td>{judged}</td>
        <td class="answer">{text === undefined ? <span class="muted">{t('outbox_noText')}</span> : preview}</td>
        <td>
          {STATE_LABELS[r.state]}
          {r.state === 'rejected' && r.reason && <span class="reason">: {r.reason}</span>}
        </td>
        <td class="row-actions">
          <button type="button" aria-expanded={open} aria-controls={detailsId} onClick={onToggle}>
            {t('outbox_details')}
          </button>
          {r.state !== 'sending' && (
            <button type="button" class="danger" aria-label={t('outbox_deleteOne', created)} onClick={onDelete} disabled={busy}>
              {t('outbox_delete')}
            </button>
          )}
        </td>
      </tr>
      {open && (
        <tr class="details" id={detailsId}>
          <td colSpan={7}>
            <Details record={r} />
          </td>
        </tr>
      )}
    </>
  );
}

/** Every stored field, as text: this is what the endpoint receives. */
function Details({ record: r }: { record: OutboxRecord }) {
  const p = r.report;
  const rows: [string, string | undefined][] = [
    [t('outbox_reportId'), p.id],
    [t('outbox_created'), `${p.createdAt} (${exactTime(p.createdAt)})`],
    [t('outbox_state'), STATE_LABELS[r.state]],
    [t('outbox_reason'), r.reason],
    [t('outbox_deliveredAt'), r.sentAt ? new Date(r.sentAt).toISOString() : undefined],
    [t('outbox_attempts'), r.attempts ? String(r.attempts) : undefined],
    [t('preview_chatbot'), `${SITE_NAMES[p.site] ?? p.site} (${p.site}, ${p.vendor})`],
    [t('preview_model'), p.model],
    [t('preview_mode'), p.mode],
    [t('preview_conversation'), p.conversationUrl],
    [t('outbox_conversationId'), p.conversationId],
    [t('outbox_answerKey'), p.answer.key],
    [t('outbox_answerSha'), p.answer.sha256],
    [t('outbox_answerLang'), p.answer.lang],
    [t('preview_rating'), ratingLabel(p.rating) || undefined],
    [t('preview_flags'), flagsLabel(p.flags) || undefined],
    [t('preview_comment'), p.comment],
    [t('preview_correction'), p.correction],
    [t('outbox_prompt'), p.prompt?.text],
    [t('preview_answer'), p.answer.text],
    [t('outbox_team'), p.team],
    [t('outbox_reporter'), p.reporter],
    [t('outbox_version'), p.extensionVersion],
  ];
  return (
    <dl class="report">
      {rows
        .filter((x): x is [string, string] => x[1] !== undefined && x[1] !== '')
        .map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
    </dl>
  );
}
