import { useEffect, useRef, useState } from 'preact/hooks';
import type { OutboxRecord, ReportState } from '@/lib/outbox/db';
import { toCsv, toJsonl } from '@/lib/export';
import { SITE_NAMES } from '@/lib/sites/names';
import { STATE_LABELS, STATE_ORDER, STATE_SHORT, flagsLabel, ratingLabel } from '../shared/labels';
import { ask, type Send } from '../shared/send';
import { exactTime, localDate } from '../shared/time';

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

  async function remove(ids: string[] | 'all', what: string) {
    setBusy(true);
    setNote(null);
    const reply = await ask(send, { type: 'outbox:delete', ids });
    setBusy(false);
    if (!reply.ok) return setNote({ text: `Not deleted: ${reply.error}`, error: true });
    setNote({ text: reply.removed === 1 ? `Deleted 1 report${what}.` : `Deleted ${reply.removed} reports${what}.`, error: false });
    await load();
  }

  async function deleteAll() {
    setConfirming(false);
    if (filter === 'all') return remove('all', '');
    // One state only: its ids, every one of them (the table may show only the first rows).
    setBusy(true);
    const list = await ask(send, { type: 'outbox:list', state: filter });
    setBusy(false);
    if (!list.ok) return setNote({ text: `Not deleted: ${list.error}`, error: true });
    await remove(
      list.records.filter((r) => r.state !== 'sending').map((r) => r.id),
      '',
    );
    deleteAllButton.current?.focus();
  }

  async function exportAs(kind: 'jsonl' | 'csv') {
    setBusy(true);
    setNote(null);
    const list = await ask(send, { type: 'outbox:list', ...stateArg(filter) });
    setBusy(false);
    if (!list.ok) return setNote({ text: `Not exported: ${list.error}`, error: true });
    const name = `behind-the-answer-reports-${localDate(now())}.${kind}`;
    // A byte order mark, or spreadsheet programs read UTF-8 text (any non-English answer) as mojibake.
    const blob =
      kind === 'csv'
        ? new Blob(['\uFEFF', toCsv(list.records)], { type: 'text/csv;charset=utf-8' })
        : new Blob([toJsonl(list.records)], { type: 'application/jsonl;charset=utf-8' });
    download(name, blob);
    const n = list.records.length;
    setNote({ text: `Exported ${n === 1 ? '1 report' : `${n} reports`} to ${name}.`, error: false });
  }

  const toggle = (id: string) =>
    setOpen((s) => {
      const next = new Set(s);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  const filterName = filter === 'all' ? 'reports' : `${STATE_SHORT[filter].toLowerCase()} reports`;

  return (
    <section aria-labelledby="outbox-heading" class="card">
      <h2 id="outbox-heading">Outbox</h2>
      <div class="toolbar">
        <label for="outbox-filter">Show</label>
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
          <option value="all">All{counts ? ` (${STATE_ORDER.reduce((n, s) => n + counts[s], 0)})` : ''}</option>
        </select>
        <button type="button" onClick={() => void load()} disabled={busy}>
          Refresh
        </button>
        <span class="spacer" />
        <button type="button" onClick={() => void exportAs('jsonl')} disabled={busy || !records?.length}>
          Export JSONL
        </button>
        <button type="button" onClick={() => void exportAs('csv')} disabled={busy || !records?.length}>
          Export CSV
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
            Delete all…
          </button>
        )}
      </div>
      {confirming && (
        <div id="confirm-delete" class="notice bad" role="group" aria-labelledby="confirm-delete-text">
          <p id="confirm-delete-text">
            Delete {deletable === null ? `all ${filterName}` : deletable === 1 ? `1 ${filterName.replace(/s$/, '')}` : `all ${deletable} ${filterName}`}{' '}
            from this device?
            {(filter === 'all' || filter === 'pending') && ' Waiting reports have not been delivered yet and will be lost.'}
            {filter === 'all' && ' Reports being sent right now are kept.'} This cannot be undone.
          </p>
          <div class="actions">
            <button type="button" class="danger" ref={confirmButton} onClick={() => void deleteAll()}>
              Yes, delete them
            </button>
            <button
              type="button"
              onClick={() => {
                setConfirming(false);
                deleteAllButton.current?.focus();
              }}
            >
              Cancel
            </button>
          </div>
        </div>
      )}
      <p role="status" aria-live="polite" class={note?.error ? 'note error' : 'note'}>
        {note?.text}
      </p>
      {loadError && (
        <p class="error" role="alert">
          Could not read the outbox: {loadError}
        </p>
      )}
      {records === null && !loadError && <p class="muted">Loading…</p>}
      {records?.length === 0 && <p class="muted">No {filterName} on this device.</p>}
      {!!records?.length && (
        <>
          {total !== null && total > records.length && (
            <p class="hint">
              Showing the oldest {records.length} of {total} {filterName}. Exports include all of them.
            </p>
          )}
          <table class="reports">
            <caption class="visually-hidden">Reports in the outbox</caption>
            <thead>
              <tr>
                <th scope="col">Created</th>
                <th scope="col">Chatbot</th>
                <th scope="col">Model</th>
                <th scope="col">Rating and flags</th>
                <th scope="col">Answer</th>
                <th scope="col">State</th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {records.map((r) => (
                <Row key={r.id} record={r} open={open.has(r.id)} busy={busy} onToggle={() => toggle(r.id)} onDelete={() => void remove([r.id], '')} />
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
        <td class="answer">{text === undefined ? <span class="muted">(no text kept)</span> : preview}</td>
        <td>
          {STATE_LABELS[r.state]}
          {r.state === 'rejected' && r.reason && <span class="reason">: {r.reason}</span>}
        </td>
        <td class="row-actions">
          <button type="button" aria-expanded={open} aria-controls={detailsId} onClick={onToggle}>
            Details
          </button>
          {r.state !== 'sending' && (
            <button type="button" class="danger" aria-label={`Delete the report of ${created}`} onClick={onDelete} disabled={busy}>
              Delete
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
    ['Report id', p.id],
    ['Created', `${p.createdAt} (${exactTime(p.createdAt)})`],
    ['State', STATE_LABELS[r.state]],
    ['Refusal reason', r.reason],
    ['Delivered', r.sentAt ? new Date(r.sentAt).toISOString() : undefined],
    ['Failed attempts', r.attempts ? String(r.attempts) : undefined],
    ['Chatbot', `${SITE_NAMES[p.site] ?? p.site} (${p.site}, ${p.vendor})`],
    ['Model', p.model],
    ['Mode', p.mode],
    ['Conversation', p.conversationUrl],
    ['Conversation id', p.conversationId],
    ['Answer key', p.answer.key],
    ['Answer SHA-256', p.answer.sha256],
    ['Answer language', p.answer.lang],
    ['Rating', ratingLabel(p.rating) || undefined],
    ['Flags', flagsLabel(p.flags) || undefined],
    ['Comment', p.comment],
    ['Correction', p.correction],
    ['Prompt', p.prompt?.text],
    ['Answer', p.answer.text],
    ['Team', p.team],
    ['Reporter', p.reporter],
    ['Extension version', p.extensionVersion],
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
