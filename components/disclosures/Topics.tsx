/**
 * A vendor's disclosure, topic by topic: status, statements in our words, and a dated
 * link for every source. Shared by the panel's badge and the directory page.
 */
import { sourceKindLabel, statusLabel, TOPIC_IDS, topicLabel, type DisclosureStatus } from '@/lib/disclosures/labels';
import type { Source, Statement, VendorEntry } from '@/lib/disclosures/schema';
import { t as tr } from '@/lib/i18n';

export function SourceLink({ source }: { source: Source }) {
  // Press and suppliers are attributed, never presented as the vendor's own word.
  const who = source.kind === 'press' ? tr('topics_reportedBy', source.publisher) : source.kind === 'supplier' ? tr('topics_claimedBy', source.publisher) : source.publisher;
  return (
    <span class="source">
      <a href={source.url} target="_blank" rel="noopener noreferrer">
        {source.title}
      </a>{' '}
      <span class="muted">
        — {who}, {source.date}
        {source.kind === 'independent' ? ` · ${sourceKindLabel('independent')}` : ''}
        {source.dateNote ? ` (${source.dateNote})` : ''}
      </span>
    </span>
  );
}

export function StatementItem({ statement, extra }: { statement: Statement; extra?: preact.ComponentChildren }) {
  return (
    <li>
      <span>{statement.text}</span>
      {statement.scope && <span class="scope"> ({statement.scope})</span>}
      <ul class="sources">
        {statement.sources.map((s) => (
          <li key={s.url + s.title}>
            <SourceLink source={s} />
          </li>
        ))}
      </ul>
      {extra}
    </li>
  );
}

export function StatusChip({ status }: { status: DisclosureStatus }) {
  return <span class={`chip chip-${status}`}>{statusLabel(status)}</span>;
}

export function Topics({
  vendor,
  renderExtra,
  headingLevel = 4,
}: {
  vendor: VendorEntry;
  renderExtra?: (s: Statement) => preact.ComponentChildren;
  headingLevel?: 3 | 4 | 5;
}) {
  const H = `h${headingLevel}` as 'h4';
  return (
    <div class="topics">
      {TOPIC_IDS.map((id) => {
        const t = vendor.topics[id];
        return (
          <section key={id} class="topic">
            <H>
              {topicLabel(id)} <StatusChip status={t.status} />
            </H>
            {t.statements.length ? (
              <ul class="statements">
                {t.statements.map((s, i) => (
                  <StatementItem key={i} statement={s} extra={renderExtra?.(s)} />
                ))}
              </ul>
            ) : (
              <p class="muted">{tr('topics_nothing', vendor.name)}</p>
            )}
            {t.missing && <p class="muted">{tr('topics_notDisclosed', t.missing)}</p>}
          </section>
        );
      })}
    </div>
  );
}
