/**
 * The reports, a page at a time, each opening into the full report. Every text in a report was
 * written by a chatbot or a stranger: it is rendered as text nodes only, never as markup.
 */
import { useState } from 'preact/hooks';
import type { Page, StoredReport } from './api';
import { excerpt, flagName, pageLabel, shortTime, siteName, vendorName } from './format';

export function ReportsTable({ page, onPage, onExport }: { page: Page | null; onPage: (offset: number) => void; onExport: (f: 'csv' | 'jsonl') => void }) {
  const [open, setOpen] = useState<string | null>(null);
  return (
    <section class="card wide" aria-labelledby="reports-title">
      <div class="table-head">
        <h2 id="reports-title">Reports</h2>
        <div class="actions">
          <span class="muted" aria-live="polite">{page ? pageLabel(page.offset, page.rows.length, page.total) : 'Loading…'}</span>
          <button type="button" class="ghost" disabled={!page || page.offset === 0} onClick={() => page && onPage(Math.max(0, page.offset - page.limit))}>Previous</button>
          <button type="button" class="ghost" disabled={!page || page.offset + page.rows.length >= page.total} onClick={() => page && onPage(page.offset + page.limit)}>Next</button>
          <button type="button" class="ghost" onClick={() => onExport('csv')}>Export CSV</button>
          <button type="button" class="ghost" onClick={() => onExport('jsonl')}>Export JSONL</button>
        </div>
      </div>
      <div class="table-wrap">
        <table>
          <colgroup>
            <col class="c-time" /><col class="c-vendor" /><col class="c-model" /><col class="c-rating" /><col class="c-flags" /><col /><col class="c-comment" />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">Made (UTC)</th>
              <th scope="col">Vendor · site</th>
              <th scope="col">Model</th>
              <th scope="col">Rating</th>
              <th scope="col">Flags</th>
              <th scope="col">Answer</th>
              <th scope="col">Comment</th>
            </tr>
          </thead>
          <tbody>
            {page?.rows.map((row) => {
              const r = row.report;
              const isOpen = open === r.id;
              return [
                <tr key={r.id} class={isOpen ? 'open' : ''}>
                  <td class="nowrap">
                    <button type="button" class="link" aria-expanded={isOpen} onClick={() => setOpen(isOpen ? null : r.id)}>
                      {shortTime(r.createdAt)}
                    </button>
                  </td>
                  <td>{vendorName(r.vendor)} <span class="muted">· {siteName(r.site)}</span></td>
                  <td>{r.model ?? <span class="muted">–</span>}</td>
                  <td><Rating rating={r.rating} /></td>
                  <td>{r.flags.length ? r.flags.map((c) => <span class="tag" key={c}>{flagName(c)}</span>) : <span class="muted">–</span>}</td>
                  <td class="text">{excerpt(r.answer.text ?? '', 90)}</td>
                  <td class="text">{r.comment ? excerpt(r.comment, 70) : <span class="muted">–</span>}</td>
                </tr>,
                isOpen && (
                  <tr key={`${r.id}-detail`} class="detail">
                    <td colSpan={7}><Detail row={row} /></td>
                  </tr>
                ),
              ];
            })}
          </tbody>
        </table>
        {page && page.rows.length === 0 && <p class="muted empty">No reports under this filter.</p>}
      </div>
    </section>
  );
}

function Rating({ rating }: { rating?: 'up' | 'down' }) {
  if (rating === 'up') return <span class="rating up">▲ up</span>;
  if (rating === 'down') return <span class="rating down">▼ down</span>;
  return <span class="muted">–</span>;
}

function Detail({ row }: { row: StoredReport }) {
  const r = row.report;
  const fields: [string, string | undefined][] = [
    ['Answer', r.answer.text],
    ['Prompt', r.prompt?.text],
    ['Comment', r.comment],
    ['Correction', r.correction],
  ];
  return (
    <div class="report" role="region" aria-label="Full report">
      {fields.map(([label, text]) => (
        <div class="block" key={label}>
          <h3>{label}</h3>
          {text ? <p class="full">{text}</p> : <p class="muted">Not included.</p>}
        </div>
      ))}
      <dl class="meta">
        <dt>Report id</dt><dd><code>{r.id}</code></dd>
        <dt>Answer key</dt><dd><code>{r.answer.key}</code></dd>
        <dt>Conversation</dt><dd>{r.conversationUrl ?? '–'}</dd>
        <dt>Mode</dt><dd>{r.mode ?? '–'}</dd>
        <dt>Team</dt><dd>{row.team}{r.team && r.team !== row.team ? ` (report says ${r.team})` : ''}</dd>
        <dt>Reporter</dt><dd>{r.reporter ?? '–'}</dd>
        <dt>Received</dt><dd>{shortTime(row.receivedAt)} · extension {r.extensionVersion}</dd>
      </dl>
    </div>
  );
}
