/**
 * The disclosure directory: every vendor side by side, then each vendor's details with
 * a dated source for every fact and a "Copy citation" for each.
 */
import { useEffect, useState } from 'preact/hooks';
import { STATUS_LABELS, TOPIC_IDS, TOPIC_LABELS } from '@/lib/disclosures/labels';
import type { Registry, Statement, VendorEntry } from '@/lib/disclosures/schema';
import { citation } from '@/lib/disclosures/citation';
import { summarize } from '@/lib/disclosures/lookup';
import type { RegistryStatus } from '@/lib/disclosures/view';
import type { Send } from '@/components/shared/send';
import { SITE_NAMES } from '@/lib/sites/names';
import { SourceLink, StatusChip, Topics } from './Topics';

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

  if (error) return <p role="alert">The registry could not be loaded: {error}</p>;
  if (!data) return <p role="status">Loading…</p>;
  const { registry, status } = data;
  const chatbotsOf = (v: VendorEntry) =>
    Object.entries(registry.sites)
      .filter(([, m]) => m.platform === v.id || m.defaultModelVendor === v.id)
      .map(([site]) => SITE_NAMES[site as keyof typeof SITE_NAMES]);

  return (
    <main>
      <h1>Human work behind the chatbots</h1>
      <p>
        What each AI vendor has published about the people who label data, rate and compare answers, test for harms
        and moderate content for its models. Facts only, each with a dated source; “Not disclosed” where the vendor
        has said nothing we could find. Press reports are shown as reported by the press, never as the vendor’s own
        word.
      </p>
      <p class="muted">
        Registry version {registry.version}, reviewed {registry.reviewedAt}, facts as of {registry.asOf} (
        {status.source === 'remote' ? `updated from ${status.url}` : 'bundled with the extension'}).
      </p>

      <table class="compare">
        <caption>What each vendor has disclosed, by topic</caption>
        <thead>
          <tr>
            <th scope="col">Vendor</th>
            {TOPIC_IDS.map((t) => (
              <th scope="col" key={t}>
                {TOPIC_LABELS[t]}
              </th>
            ))}
            <th scope="col">Disclosed</th>
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
                  {s.disclosed} of {s.total}
                  {s.partly ? `, ${s.partly} in part` : ''}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>

      {registry.vendors.map((v) => (
        <section key={v.id} id={v.id} class="vendor">
          <h2>{v.name}</h2>
          {chatbotsOf(v).length > 0 && <p class="muted">Behind: {chatbotsOf(v).join(', ')}</p>}
          {v.note && <p>{v.note}</p>}
          <Topics vendor={v} headingLevel={3} renderExtra={(s) => <CopyCitation statement={s} vendor={v} registry={registry} copy={copy} />} />
          <h3>Your feedback on {v.name}’s own buttons</h3>
          {v.feedbackPolicy ? (
            <p>
              {v.feedbackPolicy.text}{' '}
              {v.feedbackPolicy.sources.map((s) => (
                <SourceLink key={s.url} source={s} />
              ))}
            </p>
          ) : (
            <p class="muted">Not disclosed.</p>
          )}
          <h3>Foundation Model Transparency Index: data labor</h3>
          {v.fmti.length ? (
            <table>
              <thead>
                <tr>
                  <th scope="col">Edition</th>
                  <th scope="col">Model assessed</th>
                  <th scope="col">Score</th>
                  <th scope="col">Source</th>
                </tr>
              </thead>
              <tbody>
                {v.fmti.map((f) => (
                  <tr key={f.edition + (f.model ?? '')}>
                    <td>{f.edition}</td>
                    <td>{f.model ?? '—'}</td>
                    <td>
                      {f.label}: {f.score} of {f.max}
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
            <p class="muted">Not assessed by the index.</p>
          )}
        </section>
      ))}
      <p class="muted">Status words: {Object.values(STATUS_LABELS).join(' · ')}.</p>
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
            setDone('Citation copied.');
          } catch {
            setDone('Could not copy: your browser refused access to the clipboard.');
          }
        }}
      >
        Copy citation
      </button>
      <span role="status">{done}</span>
    </span>
  );
}
