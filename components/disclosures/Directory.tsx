/**
 * The disclosure directory: every vendor side by side, then each vendor's details with
 * a dated source for every fact and a "Copy citation" for each.
 */
import { useEffect, useState } from 'preact/hooks';
import { DISCLOSURE_STATUS, statusLabel, TOPIC_IDS, topicLabel } from '@/lib/disclosures/labels';
import type { Registry, Statement, VendorEntry } from '@/lib/disclosures/schema';
import { citation } from '@/lib/disclosures/citation';
import { summarize } from '@/lib/disclosures/lookup';
import type { RegistryStatus } from '@/lib/disclosures/view';
import type { Send } from '@/components/shared/send';
import { SITE_NAMES } from '@/lib/sites/names';
import { SourceLink, StatusChip, Topics } from './Topics';
import { t as tr } from '@/lib/i18n';

export function Directory({ send, copy }: { send: Send; copy: (text: string) => Promise<void> }) {
  const [data, setData] = useState<{ registry: Registry; status: RegistryStatus } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    send({ type: 'registry:get' })
      .then((r) => (r.ok ? setData({ registry: r.registry, status: r.status }) : setError(r.error)))
      .catch((e) => setError(String(e)));
  }, []);

  useEffect(() => {
    if (!data || !location.hash) return;
    document.getElementById(decodeURIComponent(location.hash.slice(1)))?.scrollIntoView();
  }, [data]);

  if (error) return <p role="alert">{tr('dir_loadError', error)}</p>;
  if (!data) return <p role="status">{tr('popup_loading')}</p>;
  const { registry, status } = data;
  const chatbotsOf = (v: VendorEntry) =>
    Object.entries(registry.sites)
      .filter(([, m]) => m.platform === v.id || m.defaultModelVendor === v.id)
      .map(([site]) => SITE_NAMES[site as keyof typeof SITE_NAMES]);

  return (
    <main lang={tr('langTag')}>
      <h1>{tr('popup_directory')}</h1>
      <p>{tr('dir_intro')}</p>
      <p class="muted">
        {status.source === 'remote'
          ? tr('dir_versionRemote', registry.version, registry.reviewedAt, registry.asOf, status.url ?? '')
          : tr('dir_versionBundled', registry.version, registry.reviewedAt, registry.asOf)}
      </p>

      <table class="compare">
        <caption>{tr('dir_caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{tr('dir_vendor')}</th>
            {TOPIC_IDS.map((t) => (
              <th scope="col" key={t}>
                {topicLabel(t)}
              </th>
            ))}
            <th scope="col">{tr('dir_disclosed')}</th>
          </tr>
        </thead>
        <tbody>
          {registry.vendors.map((v) => {
            const s = summarize(v);
            return (
              <tr key={v.id}>
                <th scope="row">
                  <a href={`#${v.id}`}>{v.name}</a>
                </th>
                {TOPIC_IDS.map((t) => (
                  <td key={t}>
                    <StatusChip status={v.topics[t].status} />
                  </td>
                ))}
                <td>
                  {s.partly ? tr('dir_countPartly', s.disclosed, s.total, s.partly) : tr('dir_count', s.disclosed, s.total)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>

      {registry.vendors.map((v) => (
        <section key={v.id} id={v.id} class="vendor">
          <h2>{v.name}</h2>
          {chatbotsOf(v).length > 0 && <p class="muted">{tr('dir_behind', chatbotsOf(v).join(', '))}</p>}
          {v.note && <p>{v.note}</p>}
          <Topics vendor={v} headingLevel={3} renderExtra={(s) => <CopyCitation statement={s} vendor={v} registry={registry} copy={copy} />} />
          <h3>{tr('dir_feedbackHeading', v.name)}</h3>
          {v.feedbackPolicy ? (
            <p>
              {v.feedbackPolicy.text}{' '}
              {v.feedbackPolicy.sources.map((s) => (
                <SourceLink key={s.url} source={s} />
              ))}
            </p>
          ) : (
            <p class="muted">{tr('dir_notDisclosed')}</p>
          )}
          <h3>{tr('dir_fmtiHeading')}</h3>
          {v.fmti.length ? (
            <table>
              <thead>
                <tr>
                  <th scope="col">{tr('dir_edition')}</th>
                  <th scope="col">{tr('dir_modelAssessed')}</th>
                  <th scope="col">{tr('dir_score')}</th>
                  <th scope="col">{tr('dir_source')}</th>
                </tr>
              </thead>
              <tbody>
                {v.fmti.map((f) => (
                  <tr key={f.edition + (f.model ?? '')}>
                    <td>{f.edition}</td>
                    <td>{f.model ?? '—'}</td>
                    <td>
                      {tr('dir_scoreValue', f.label, f.score, f.max)}
                      {f.note ? <span class="muted"> ({f.note})</span> : null}
                    </td>
                    <td>
                      <SourceLink source={f.source} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p class="muted">{tr('dir_notAssessed')}</p>
          )}
        </section>
      ))}
      <p class="muted">{tr('dir_statusWords', DISCLOSURE_STATUS.map(statusLabel).join(' · '))}</p>
    </main>
  );
}

function CopyCitation({ statement, vendor, registry, copy }: { statement: Statement; vendor: VendorEntry; registry: Registry; copy: (t: string) => Promise<void> }) {
  const [done, setDone] = useState<string | null>(null);
  return (
    <span class="copy">
      <button
        type="button"
        onClick={async () => {
          try {
            await copy(citation(statement, vendor, registry));
            setDone(tr('dir_copied'));
          } catch {
            setDone(tr('dir_copyFailed'));
          }
        }}
      >
        {tr('dir_copy')}
      </button>
      <span role="status">{done}</span>
    </span>
  );
}
