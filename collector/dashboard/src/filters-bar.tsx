/** The filter every part of the page follows. */
import type { Filters } from '../../src/filters';
import type { Facets } from './api';
import { flagName, siteName, vendorName } from './format';
import { withFilter } from './url-state';

function Select({ label, k, f, options, name, onChange }: { label: string; k: keyof Filters; f: Filters; options: string[]; name?: (v: string) => string; onChange: (f: Filters) => void }) {
  const value = (f[k] as string | undefined) ?? '';
  // A value from the address that is not among the options is still shown, so the filter in force is visible.
  const all = value && !options.includes(value) ? [value, ...options] : options;
  return (
    <label class="field">
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(withFilter(f, k, e.currentTarget.value))}>
        <option value="">All</option>
        {all.map((o) => <option value={o} key={o}>{name ? name(o) : o}</option>)}
      </select>
    </label>
  );
}

export function FiltersBar({ f, facets, onChange }: { f: Filters; facets: Facets | null; onChange: (f: Filters) => void }) {
  const fc = facets ?? { teams: [], vendors: [], sites: [], models: [], categories: [] };
  const active = Object.keys(f).length > 0;
  return (
    <form class="filters" role="search" aria-label="Filter reports" onSubmit={(e) => e.preventDefault()}>
      <label class="field">
        <span>From</span>
        <input type="date" value={f.from ?? ''} onChange={(e) => onChange(withFilter(f, 'from', e.currentTarget.value))} />
      </label>
      <label class="field">
        <span>To</span>
        <input type="date" value={f.to ?? ''} onChange={(e) => onChange(withFilter(f, 'to', e.currentTarget.value))} />
      </label>
      {fc.teams.length > 1 && <Select label="Team" k="team" f={f} options={fc.teams} onChange={onChange} />}
      <Select label="Vendor" k="vendor" f={f} options={fc.vendors} name={vendorName} onChange={onChange} />
      <Select label="Site" k="site" f={f} options={fc.sites} name={siteName} onChange={onChange} />
      <Select label="Model" k="model" f={f} options={fc.models} onChange={onChange} />
      <Select label="Category" k="category" f={f} options={fc.categories} name={flagName} onChange={onChange} />
      <label class="field">
        <span>Rating</span>
        <select value={f.rating ?? ''} onChange={(e) => onChange(withFilter(f, 'rating', e.currentTarget.value))}>
          <option value="">All</option>
          <option value="up">Thumbs up</option>
          <option value="down">Thumbs down</option>
          <option value="none">No rating</option>
        </select>
      </label>
      <label class="field grow">
        <span>Search text</span>
        <input
          type="search"
          placeholder="Answer, prompt, comment, correction"
          defaultValue={f.q ?? ''}
          key={f.q ?? ''}
          onChange={(e) => onChange(withFilter(f, 'q', e.currentTarget.value.trim()))}
        />
      </label>
      {f.answer && (
        <p class="chip">
          One answer only
          <button type="button" class="link" onClick={() => onChange(withFilter(f, 'answer', undefined))}>Show all answers</button>
        </p>
      )}
      <button type="button" class="ghost" disabled={!active} onClick={() => onChange({})}>Clear filters</button>
    </form>
  );
}
