/** Which vendor's disclosures go beside an answer, for each kind of chatbot. */
import { describe, expect, it } from 'vitest';
import { BUNDLED, disclosureFor, summarize, vendorById, TOPIC_IDS, type VendorEntry } from '../../../lib/disclosures';

const pick = (site: Parameters<typeof disclosureFor>[1], model: string | null) => {
  const d = disclosureFor(BUNDLED, site, model);
  return { platform: d.platform.id, vendor: d.vendor.id, basis: d.basis, note: d.note };
};

describe('disclosureFor', () => {
  it('maps Poe bots to the vendor the bot name names', () => {
    expect(pick('poe', 'Claude-Sonnet-4.5')).toMatchObject({ platform: 'quora', vendor: 'anthropic', basis: 'model' });
    expect(pick('poe', 'GPT-5')).toMatchObject({ vendor: 'openai', basis: 'model' });
    expect(pick('poe', 'Gemini-2.5-Pro')).toMatchObject({ vendor: 'google', basis: 'model' });
    expect(pick('poe', 'o3-pro')).toMatchObject({ vendor: 'openai', basis: 'model' });
    expect(pick('poe', 'Claude-Opus-4.1')).toMatchObject({ vendor: 'anthropic' });
    expect(pick('poe', 'Llama-3.1-405B')).toMatchObject({ vendor: 'meta' });
    expect(pick('poe', 'Grok-4')).toMatchObject({ vendor: 'xai' });
    expect(pick('poe', 'DeepSeek-R1')).toMatchObject({ vendor: 'deepseek' });
    expect(pick('poe', 'Qwen3-235B-A22B')).toMatchObject({ vendor: 'alibaba' });
    expect(pick('poe', 'Mistral-Medium-3')).toMatchObject({ vendor: 'mistral' });
  });

  it("falls back to Poe's own entry, saying so, when the bot names no known model", () => {
    for (const model of ['Assistant', null, '  ']) {
      const d = pick('poe', model);
      expect(d).toMatchObject({ platform: 'quora', vendor: 'quora', basis: 'platform' });
      expect(d.note).toMatch(/does not show which vendor's model wrote this answer/);
      expect(d.note).toContain('Quora (Poe)');
    }
  });

  it('maps HuggingChat model ids by the publishing organisation', () => {
    expect(pick('huggingchat', 'Qwen/Qwen3-235B-A22B')).toMatchObject({ platform: 'huggingface', vendor: 'alibaba', basis: 'model' });
    expect(pick('huggingchat', 'meta-llama/Llama-3.3-70B-Instruct')).toMatchObject({ vendor: 'meta', basis: 'model' });
    expect(pick('huggingchat', 'deepseek-ai/DeepSeek-R1')).toMatchObject({ vendor: 'deepseek', basis: 'model' });
    expect(pick('huggingchat', 'deepseek-ai/DeepSeek-R1-Distill-Qwen-32B')).toMatchObject({ vendor: 'deepseek' });
    expect(pick('huggingchat', 'mistralai/Mistral-Small-3.2-24B-Instruct-2506')).toMatchObject({ vendor: 'mistral', basis: 'model' });
    expect(pick('huggingchat', 'google/gemma-3-27b-it')).toMatchObject({ vendor: 'google' });
    expect(pick('huggingchat', 'openai/gpt-oss-120b')).toMatchObject({ vendor: 'openai' });
  });

  it("does not guess the vendor of another org's fine-tune on HuggingChat", () => {
    const d = pick('huggingchat', 'NousResearch/Hermes-3-Llama-3.1-8B');
    expect(d).toMatchObject({ vendor: 'huggingface', basis: 'platform' });
    expect(d.note).toMatch(/does not show/);
    expect(pick('huggingchat', 'Omni')).toMatchObject({ vendor: 'huggingface', basis: 'platform' });
  });

  it("shows OpenAI's entry for Copilot, with the note that says why", () => {
    const d = disclosureFor(BUNDLED, 'copilot', null);
    expect(d.platform.id).toBe('microsoft');
    expect(d.vendor.id).toBe('openai');
    expect(d.basis).toBe('platform-default');
    expect(d.note).toMatch(/OpenAI models/);
    expect(d.note).toMatch(/does not say which model/);
    expect(pick('copilot', 'Smart')).toMatchObject({ vendor: 'openai', basis: 'platform-default' });
  });

  it("uses the platform's own entry, without a note, for first-party chatbots", () => {
    expect(pick('chatgpt', 'gpt-5')).toEqual({ platform: 'openai', vendor: 'openai', basis: 'platform', note: null });
    expect(pick('chatgpt', null)).toEqual({ platform: 'openai', vendor: 'openai', basis: 'platform', note: null });
    expect(pick('claude', 'Claude Sonnet 4.5')).toMatchObject({ vendor: 'anthropic', basis: 'platform', note: null });
    expect(pick('gemini', null)).toMatchObject({ vendor: 'google', note: null });
    expect(pick('grok', null)).toMatchObject({ vendor: 'xai' });
    expect(pick('meta', null)).toMatchObject({ vendor: 'meta' });
    expect(pick('mistral', null)).toMatchObject({ vendor: 'mistral' });
    expect(pick('deepseek', null)).toMatchObject({ vendor: 'deepseek' });
    expect(pick('qwen', null)).toMatchObject({ vendor: 'alibaba' });
  });

  it('maps Perplexity to the model it names, else its own entry with a note', () => {
    expect(pick('perplexity', 'Claude Sonnet 4.5')).toMatchObject({ platform: 'perplexity', vendor: 'anthropic', basis: 'model' });
    expect(pick('perplexity', 'Sonar')).toMatchObject({ vendor: 'perplexity', basis: 'model' });
    const d = pick('perplexity', null);
    expect(d).toMatchObject({ vendor: 'perplexity', basis: 'platform' });
    expect(d.note).toMatch(/does not show/);
  });

  it('throws when the registry lacks a vendor it maps to', () => {
    const broken = { ...BUNDLED, vendors: BUNDLED.vendors.filter((v) => v.id !== 'anthropic') };
    expect(() => disclosureFor(broken, 'claude', null)).toThrow(/anthropic/);
  });
});

describe('vendorById', () => {
  it('finds a vendor or returns undefined', () => {
    expect(vendorById(BUNDLED, 'deepseek')?.name).toBe('DeepSeek');
    expect(vendorById({ ...BUNDLED, vendors: [] }, 'deepseek')).toBeUndefined();
  });
});

describe('summarize', () => {
  it('counts topic statuses over TOPIC_IDS', () => {
    const base = vendorById(BUNDLED, 'quora')!;
    const statuses = ['disclosed', 'disclosed', 'partly', 'not-disclosed', 'partly', 'disclosed', 'not-disclosed', 'partly'] as const;
    const stmt = { text: 'x', sources: [{ title: 't', publisher: 'p', url: 'https://e.example/', date: '2025', kind: 'vendor' as const }] };
    const topics = Object.fromEntries(
      TOPIC_IDS.map((t, i) => [t, { status: statuses[i % statuses.length]!, statements: [stmt] }]),
    ) as VendorEntry['topics'];
    const s = summarize({ ...base, topics });
    expect(s.total).toBe(TOPIC_IDS.length);
    expect(s.disclosed + s.partly + s.notDisclosed).toBe(s.total);
    expect(s).toEqual({ disclosed: 3, partly: 3, notDisclosed: 2, total: 8 });
  });

  it('counts the bundled entries', () => {
    expect(summarize(vendorById(BUNDLED, 'quora')!)).toEqual({ disclosed: 0, partly: 0, notDisclosed: 8, total: 8 });
    expect(summarize(vendorById(BUNDLED, 'openai')!)).toEqual({ disclosed: 2, partly: 6, notDisclosed: 0, total: 8 });
    expect(summarize(vendorById(BUNDLED, 'xai')!)).toEqual({ disclosed: 0, partly: 1, notDisclosed: 7, total: 8 });
  });
});
