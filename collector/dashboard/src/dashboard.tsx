/** The signed-in page: counts, charts, the most-flagged answers and the table, all under one filter. */
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import type { Filters } from '../../src/filters';
import { api, ApiError, type Facets, type Me, type Page, type Summary } from './api';
import { CountChart, RatioChart, TimeChart } from './charts';
import { FiltersBar } from './filters-bar';
import { excerpt, fillDays, flagName, num, percent, shortTime, siteName, vendorName } from './format';
import { ReportsTable } from './table';
import { usePalette } from './theme';
import { readFilters, withFilter, writeFilters } from './url-state';

const PAGE_SIZE = 25;

export function Dashboard({ token, onSignOut }: { token: string; onSignOut: () => void }) {
  const [f, setF] = useState<Filters>(() => readFilters(location.search));
  const [me, setMe] = useState<Me | null>(null);
  const [facets, setFacets] = useState<Facets | null>(null);
  const [summary, setSummary] = useState<Summary | null>(null);
  const [page, setPage] = useState<Page | null>(null);
  const [offset, setOffset] = useState(0);
  const [error, setError] = useState('');
  const [refreshed, setRefreshed] = useState(0);
  const palette = usePalette();

  const fail = useCallback(
    (e: unknown) => {
      if (e instanceof ApiError && e.status === 401) return onSignOut();
      setError(e instanceof Error ? e.message : String(e));
    },
    [onSignOut],
  );

  const change = (next: Filters) => {
    writeFilters(next);
    setOffset(0);
    setF(next);
  };

  useEffect(() => {
    api.me(token).then(setMe, fail);
    api.facets(token).then(setFacets, fail);
  }, [token, refreshed]);
  useEffect(() => {
    let live = true;
    setError('');
    api.summary(token, f).then((s) => live && setSummary(s), fail);
    return () => {
      live = false;
    };
  }, [token, f, refreshed]);
  useEffect(() => {
    let live = true;
    api.reports(token, f, offset, PAGE_SIZE).then((p) => live && setPage(p), fail);
    return () => {
      live = false;
    };
  }, [token, f, offset, refreshed]);

  const days = useMemo(() => fillDays(summary?.overTime ?? [], f.from, f.to), [summary, f.from, f.to]);
  const t = summary?.totals;
  const rated = t ? t.up + t.down : 0;
  const pick = (key: keyof Filters) => (v: string) => change(withFilter(f, key, v));

  return (
    <div class="page">
      <header class="top">
        <div class="brand"><span class="mark" aria-hidden="true" />Behind the Answer <span class="muted">· Collector</span></div>
        <div class="who">
          {me && <span class="muted">{me.team ? `Team ${me.team}` : 'All teams'}{me.name ? ` · ${me.name}` : ''}</span>}
          <button type="button" class="ghost" onClick={() => setRefreshed((n) => n + 1)}>Refresh</button>
          <button type="button" class="ghost" onClick={onSignOut}>Sign out</button>
        </div>
      </header>

      <main>
        <h1 class="sr-only">Reports</h1>
        <FiltersBar f={f} facets={facets} onChange={change} />
        {error && <p role="alert" class="error banner">{error}</p>}

        <section aria-label="Counts" class="kpis">
          <Kpi label="Reports" value={t ? num(t.reports) : '…'} note={t ? `${num(t.answers)} distinct answers` : ''} />
          <Kpi label="Flagged" value={t ? num(t.flagged) : '…'} note={t ? `${percent(t.flagged, t.reports)} of reports` : ''} tone="flag" />
          <Kpi label="Thumbs up" value={t ? num(t.up) : '…'} note={t ? `${percent(t.up, rated)} of ratings` : ''} tone="up" />
          <Kpi label="Thumbs down" value={t ? num(t.down) : '…'} note={t ? `${percent(t.down, rated)} of ratings` : ''} tone="down" />
        </section>

        <section class="card wide" aria-labelledby="over-time">
          <h2 id="over-time">Reports over time <span class="muted small">by day the report was made (UTC)</span></h2>
          {days.length ? <TimeChart days={days} palette={palette} /> : <Empty />}
        </section>

        <div class="grid">
          <Panel title="By vendor" hint="click a bar to filter">
            {summary?.byVendor.length ? <CountChart rows={summary.byVendor} palette={palette} name={vendorName} label="Reports by vendor" color={palette.series[0]!} onPick={pick('vendor')} /> : <Empty />}
          </Panel>
          <Panel title="By site">
            {summary?.bySite.length ? <CountChart rows={summary.bySite} palette={palette} name={siteName} label="Reports by site" color={palette.series[1]!} onPick={pick('site')} /> : <Empty />}
          </Panel>
          <Panel title="By model">
            {summary?.byModel.length ? <CountChart rows={summary.byModel} palette={palette} name={String} label="Reports by model" color={palette.series[2]!} onPick={pick('model')} /> : <Empty />}
          </Panel>
          <Panel title="By category" hint="flags only">
            {summary?.byCategory.length ? <CountChart rows={summary.byCategory} palette={palette} name={flagName} label="Flags by category" color={palette.flag} onPick={pick('category')} /> : <Empty />}
          </Panel>
          <Panel title="Thumbs up / down by vendor">
            {summary?.ratingsByVendor.length ? <RatioChart rows={summary.ratingsByVendor} palette={palette} name={vendorName} /> : <Empty />}
          </Panel>
          <Panel title="Most-flagged answers">
            {summary?.mostFlagged.length ? (
              <ol class="flagged">
                {summary.mostFlagged.slice(0, 5).map((a) => (
                  <li key={a.answerKey}>
                    <span class="count" aria-label={`${a.flags} flags`}>{a.flags}</span>
                    <div>
                      <p class="quote">{excerpt(a.text || '(no answer text)', 120)}</p>
                      <p class="muted small">
                        {vendorName(a.vendor)} · {a.model ?? siteName(a.site)} · {a.categories.map(flagName).join(', ')} · last {shortTime(a.last)}
                        {' '}
                        <button type="button" class="link" onClick={() => change({ ...f, answer: a.answerKey })}>See reports</button>
                      </p>
                    </div>
                  </li>
                ))}
              </ol>
            ) : <Empty />}
          </Panel>
        </div>

        <ReportsTable
          page={page}
          onPage={setOffset}
          onExport={(format) => api.download(token, f, format).catch(fail)}
        />
      </main>
    </div>
  );
}

function Kpi({ label, value, note, tone }: { label: string; value: string; note: string; tone?: 'flag' | 'up' | 'down' }) {
  return (
    <div class={`kpi ${tone ?? ''}`} role="group" aria-label={label}>
      <span class="kpi-label">{label}</span>
      <span class="kpi-value" data-kpi={label}>{value}</span>
      <span class="muted small">{note}</span>
    </div>
  );
}

function Panel({ title, hint, children }: { title: string; hint?: string; children: preact.ComponentChildren }) {
  const id = `panel-${title.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <section class="card" aria-labelledby={id}>
      <h2 id={id}>{title} {hint && <span class="muted small">{hint}</span>}</h2>
      {children}
    </section>
  );
}

const Empty = () => <p class="muted empty">No reports under this filter.</p>;
