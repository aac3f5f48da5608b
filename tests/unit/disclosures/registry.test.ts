/**
 * The bundled registry (lib/disclosures/registry.json) keeps the rules: every statement has a
 * dated https source; every supported chatbot and host maps to vendors in the registry; no topic is
 * 'disclosed' or 'partly' on press reports or supplier claims alone; Copilot says it serves OpenAI models.
 */
import { describe, expect, it } from 'vitest';
import { SITES } from '../../../lib/sites';
import { SITE_IDS, VENDOR_IDS } from '../../../lib/sites/types';
import {
  BUNDLED,
  DISCLOSING_KINDS,
  REGISTRY_SCHEMA,
  RegistrySchema,
  TOPIC_IDS,
  type Source,
  type Statement,
} from '../../../lib/disclosures';
import raw from '../../../lib/disclosures/registry.json';

const everyStatement = (): { where: string; s: Statement }[] =>
  BUNDLED.vendors.flatMap((v) =>
    TOPIC_IDS.flatMap((t) => v.topics[t].statements.map((s, i) => ({ where: `${v.id}.${t}[${i}]`, s }))),
  );

const everySource = (): { where: string; src: Source }[] => [
  ...everyStatement().flatMap(({ where, s }) => s.sources.map((src) => ({ where, src }))),
  ...BUNDLED.vendors.flatMap((v) => [
    ...(v.feedbackPolicy?.sources ?? []).map((src) => ({ where: `${v.id}.feedbackPolicy`, src })),
    ...v.fmti.map((f) => ({ where: `${v.id}.fmti.${f.edition}`, src: f.source })),
  ]),
  ...SITE_IDS.flatMap((site) => (BUNDLED.sites[site].sources ?? []).map((src) => ({ where: `sites.${site}`, src }))),
];

describe('bundled registry', () => {
  it('is a valid, reviewed document of this schema', () => {
    expect(RegistrySchema.safeParse(raw).success).toBe(true);
    expect(BUNDLED.schema).toBe(REGISTRY_SCHEMA);
    expect(BUNDLED.reviewedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Number.isInteger(BUNDLED.version) && BUNDLED.version > 0).toBe(true);
    expect(BUNDLED.asOf).toBeTruthy();
  });

  it('has an entry for every vendor', () => {
    expect(BUNDLED.vendors.map((v) => v.id).sort()).toEqual([...VENDOR_IDS].sort());
  });

  it('gives every statement at least one source with an https URL and a date', () => {
    const statements = everyStatement();
    expect(statements.length).toBeGreaterThan(50);
    for (const { where, s } of statements) {
      expect(s.sources.length, where).toBeGreaterThan(0);
      expect(s.text.length, where).toBeLessThanOrEqual(400);
    }
    for (const { where, src } of everySource()) {
      expect(new URL(src.url).protocol, `${where}: ${src.url}`).toBe('https:');
      expect(src.date, where).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
    }
  });

  it('never rests a disclosed or partly status on press reports or supplier claims alone', () => {
    for (const v of BUNDLED.vendors) {
      for (const t of TOPIC_IDS) {
        const topic = v.topics[t];
        if (topic.status === 'not-disclosed') continue;
        const backed = topic.statements.some((s) => s.sources.some((src) => DISCLOSING_KINDS.includes(src.kind)));
        expect(backed, `${v.id}.${t} is '${topic.status}'`).toBe(true);
      }
    }
  });

  it('keeps press reports and supplier claims in statements of their own, never mixed into a vendor statement', () => {
    for (const { where, s } of everyStatement()) {
      const kinds = new Set(s.sources.map((src) => src.kind));
      if (kinds.has('press') || kinds.has('supplier')) expect([...kinds].every((k) => k === 'press' || k === 'supplier'), where).toBe(true);
    }
  });

  it('maps every site to vendors in the registry', () => {
    const ids = new Set(BUNDLED.vendors.map((v) => v.id));
    for (const site of SITE_IDS) {
      const m = BUNDLED.sites[site];
      expect(m, site).toBeDefined();
      expect(ids.has(m.platform), `${site} platform`).toBe(true);
      for (const r of m.modelVendors ?? []) expect(ids.has(r.vendor), `${site} rule ${r.match}`).toBe(true);
      if (m.defaultModelVendor) expect(ids.has(m.defaultModelVendor), `${site} default`).toBe(true);
    }
  });

  it("maps every adapter's hosts, on the adapter's own vendor", () => {
    for (const adapter of SITES) {
      const m = BUNDLED.sites[adapter.id];
      expect(m.platform, adapter.id).toBe(adapter.vendor);
      for (const host of adapter.hosts) expect(m.hosts, `${adapter.id}: ${host}`).toContain(host);
    }
  });

  it('says Copilot answers come from OpenAI models, with a note and a vendor source', () => {
    const copilot = BUNDLED.sites.copilot;
    expect(copilot.platform).toBe('microsoft');
    expect(copilot.defaultModelVendor).toBe('openai');
    expect(copilot.note).toMatch(/OpenAI/);
    expect(copilot.sources?.some((s) => s.kind === 'vendor')).toBe(true);
  });

  it('marks facts about old models with a scope', () => {
    const scoped = (text: RegExp) => everyStatement().filter(({ s }) => text.test(s.text));
    for (const { where, s } of scoped(/InstructGPT|Llama 2|Gemini 1\.0|Phi-2|Mistral 7B|2022 red-teaming/)) {
      expect(s.scope, where).toBeTruthy();
    }
  });

  it("does not show Phi-2's FMTI points as a Copilot fact", () => {
    const ms = BUNDLED.vendors.find((v) => v.id === 'microsoft')!;
    const phi = ms.fmti.find((f) => f.edition === '2024-05')!;
    expect(phi.model).toBe('Phi-2');
    expect(phi.note).toMatch(/not Copilot/);
    for (const t of ['headcount', 'locations', 'pay', 'protections', 'instructions'] as const) {
      expect(ms.topics[t].status).toBe('not-disclosed');
    }
  });

  it('has FMTI scores by edition that match the index (2025: no chatbot vendor scored on data labor)', () => {
    for (const v of BUNDLED.vendors) {
      const editions = v.fmti.map((f) => f.edition);
      expect([...editions].sort(), v.id).toEqual(editions);
      const y2025 = v.fmti.find((f) => f.edition === '2025-12');
      if (y2025) expect(y2025, v.id).toMatchObject({ score: 0, max: 3 });
    }
    const openai = BUNDLED.vendors.find((v) => v.id === 'openai')!;
    expect(openai.fmti.map((f) => [f.edition, f.score, f.max])).toEqual([
      ['2023-10', 1, 7],
      ['2024-05', 1, 7],
      ['2025-12', 0, 3],
    ]);
    expect(BUNDLED.vendors.find((v) => v.id === 'perplexity')!.fmti).toEqual([]);
  });
});
