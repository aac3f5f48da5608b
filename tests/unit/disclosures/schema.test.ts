/** The registry schema accepts a good document and refuses bad ones with a message that says why. */
import { describe, expect, it } from 'vitest';
import { SITE_IDS, VENDOR_IDS } from '../../../lib/sites/types';
import {
  BUNDLED,
  DISCLOSURE_STATUS,
  REGISTRY_SCHEMA,
  RegistrySchema,
  SOURCE_KINDS,
  SOURCE_KIND_LABELS,
  SourceSchema,
  StatementSchema,
  TOPIC_IDS,
  TOPIC_LABELS,
  TopicEntrySchema,
  FmtiScoreSchema,
  type Registry,
  type Source,
  type VendorEntry,
} from '../../../lib/disclosures';

const vendorSource: Source = {
  title: 'System card',
  publisher: 'OpenAI',
  url: 'https://openai.com/index/card/',
  date: '2025-08-07',
  kind: 'vendor',
};
const pressSource: Source = { ...vendorSource, title: 'A story', publisher: 'TIME', kind: 'press' };

function vendor(id: VendorEntry['id']): VendorEntry {
  return {
    id,
    name: id,
    topics: Object.fromEntries(
      TOPIC_IDS.map((t) => [t, { status: 'not-disclosed' as const, statements: [] as VendorEntry['topics'][typeof t]['statements'] }]),
    ) as unknown as VendorEntry['topics'],
    fmti: [],
    feedbackPolicy: null,
  };
}

/** A small valid document: every vendor, every site on its own vendor. */
function minimal(): Registry {
  const sites = Object.fromEntries(SITE_IDS.map((s) => [s, { platform: 'openai', hosts: [`${s}.example`] }]));
  const doc = {
    schema: REGISTRY_SCHEMA,
    version: 2026112301,
    reviewedAt: '2026-11-23',
    asOf: '2026',
    vendors: VENDOR_IDS.map(vendor),
    sites,
  };
  return RegistrySchema.parse(doc);
}

function messages(doc: unknown): string[] {
  const r = RegistrySchema.safeParse(doc);
  if (r.success) return [];
  return r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('constants', () => {
  it('names topics, statuses and source kinds in plain English', () => {
    expect(TOPIC_IDS).toEqual(
      expect.arrayContaining(['human-labor', 'employers', 'headcount', 'locations', 'pay', 'protections', 'instructions', 'feedback-use']),
    );
    for (const t of TOPIC_IDS) expect(TOPIC_LABELS[t]).toBeTruthy();
    expect(TOPIC_LABELS['feedback-use']).toBe('What your feedback buttons do');
    expect(DISCLOSURE_STATUS).toEqual(['disclosed', 'partly', 'not-disclosed']);
    expect(SOURCE_KINDS).toEqual(['vendor', 'independent', 'press', 'supplier']);
    expect(SOURCE_KIND_LABELS.press).toBe('Reported by the press');
    expect(SOURCE_KIND_LABELS.supplier).toBe("Supplier's claim");
  });
});

describe('RegistrySchema', () => {
  it('accepts a minimal document and the bundled one', () => {
    expect(() => minimal()).not.toThrow();
    expect(RegistrySchema.safeParse(BUNDLED).success).toBe(true);
  });

  it('refuses another schema id, a non-integer or non-positive version, and bad dates', () => {
    expect(messages({ ...minimal(), schema: 'behind-the-answer.disclosures/2' })[0]).toMatch(/^schema:/);
    expect(messages({ ...minimal(), version: 1.5 })).toContain('version: The registry version must be an integer.');
    expect(messages({ ...minimal(), version: 0 })).toContain('version: The registry version must be positive.');
    expect(messages({ ...minimal(), reviewedAt: '2026-11' })).toContain('reviewedAt: A date must be YYYY-MM-DD.');
    expect(messages({ ...minimal(), reviewedAt: '2026-02-30' })).toContain('reviewedAt: Not a real calendar date.');
  });

  it('needs a mapping for every site and every topic for every vendor', () => {
    const doc = minimal();
    const { grok: _grok, ...sites } = doc.sites;
    expect(messages({ ...doc, sites }).some((m) => m.startsWith('sites.grok'))).toBe(true);

    const v = vendor('openai');
    const { pay: _pay, ...topics } = v.topics;
    expect(messages({ ...doc, vendors: [{ ...v, topics }, ...doc.vendors.slice(1)] }).some((m) => m.startsWith('vendors.0.topics.pay'))).toBe(true);
  });

  it('refuses a site that refers to a vendor not in vendors', () => {
    const doc = minimal();
    const vendors = doc.vendors.filter((v) => v.id !== 'quora');
    expect(messages({ ...doc, vendors, sites: { ...doc.sites, poe: { platform: 'quora', hosts: ['poe.com'] } } })).toContain(
      "sites.poe.platform: Site 'poe' refers to vendor 'quora', which is not in vendors.",
    );
    expect(
      messages({
        ...doc,
        vendors,
        sites: { ...doc.sites, poe: { platform: 'openai', hosts: ['poe.com'], modelVendors: [{ match: 'x', vendor: 'quora' }] } },
      }),
    ).toContain("sites.poe.modelVendors.0.vendor: Site 'poe' refers to vendor 'quora', which is not in vendors.");
  });

  it('wants a note with a defaultModelVendor, and valid regular expressions', () => {
    const doc = minimal();
    expect(messages({ ...doc, sites: { ...doc.sites, copilot: { platform: 'microsoft', hosts: ['copilot.microsoft.com'], defaultModelVendor: 'openai' } } })).toContain(
      "sites.copilot.note: Site 'copilot' has a defaultModelVendor and must say why in a note.",
    );
    expect(
      messages({ ...doc, sites: { ...doc.sites, poe: { platform: 'quora', hosts: ['poe.com'], modelVendors: [{ match: '(', vendor: 'openai' }] } } }),
    ).toContain('sites.poe.modelVendors.0.match: A model rule must be a valid regular expression.');
  });

  it('refuses a vendor listed twice', () => {
    const doc = minimal();
    expect(messages({ ...doc, vendors: [...doc.vendors, vendor('openai')] })).toContain(`vendors.${doc.vendors.length}.id: Vendor 'openai' appears twice.`);
  });
});

describe('SourceSchema', () => {
  it('takes YYYY, YYYY-MM and YYYY-MM-DD dates and https URLs only', () => {
    for (const date of ['2025', '2025-05', '2025-05-02']) expect(SourceSchema.safeParse({ ...vendorSource, date }).success).toBe(true);
    const bad = (patch: Partial<Source>) => SourceSchema.safeParse({ ...vendorSource, ...patch }).error?.issues[0]?.message;
    expect(bad({ date: 'undated (living page)' })).toBe('A date must be YYYY, YYYY-MM or YYYY-MM-DD.');
    expect(bad({ date: '2025-13' })).toBe('Not a real calendar date.');
    expect(bad({ url: 'http://openai.com/' })).toBe('A source URL must be a full https:// address.');
    expect(bad({ url: 'openai.com/index' })).toBe('A source URL must be a full https:// address.');
    expect(SourceSchema.safeParse({ ...vendorSource, kind: 'blog' }).success).toBe(false);
  });
});

describe('StatementSchema', () => {
  it('needs a source and at most 400 characters of our own words', () => {
    expect(StatementSchema.safeParse({ text: 'x', sources: [] }).error?.issues[0]?.message).toBe('Every statement needs at least one source.');
    expect(StatementSchema.safeParse({ text: 'x'.repeat(401), sources: [vendorSource] }).error?.issues[0]?.message).toMatch(/at most 400 characters/);
    expect(StatementSchema.safeParse({ text: 'About 40 contractors.', sources: [vendorSource], scope: 'InstructGPT, 2022' }).success).toBe(true);
  });
});

describe('TopicEntrySchema', () => {
  const stmt = (s: Source) => ({ text: 'A fact.', sources: [s] });

  it("allows 'not-disclosed' with no statements, or with press reports only", () => {
    expect(TopicEntrySchema.safeParse({ status: 'not-disclosed', statements: [] }).success).toBe(true);
    expect(TopicEntrySchema.safeParse({ status: 'not-disclosed', statements: [stmt(pressSource)] }).success).toBe(true);
  });

  it("needs a statement for 'disclosed' and 'partly'", () => {
    for (const status of ['disclosed', 'partly']) {
      expect(TopicEntrySchema.safeParse({ status, statements: [] }).error?.issues[0]?.message).toBe(
        `A topic marked '${status}' needs at least one statement.`,
      );
    }
  });

  it('never lets press reports or supplier claims alone make a topic disclosed', () => {
    for (const kind of ['press', 'supplier'] as const) {
      const r = TopicEntrySchema.safeParse({ status: 'partly', statements: [stmt({ ...vendorSource, kind })] });
      expect(r.error?.issues[0]?.message).toMatch(/needs a statement with a vendor's own or independent source/);
    }
    expect(TopicEntrySchema.safeParse({ status: 'disclosed', statements: [stmt(pressSource), stmt(vendorSource)] }).success).toBe(true);
    expect(TopicEntrySchema.safeParse({ status: 'partly', statements: [stmt({ ...vendorSource, kind: 'independent' })] }).success).toBe(true);
  });
});

describe('FmtiScoreSchema', () => {
  const base = {
    edition: '2024-05',
    model: 'GPT-4',
    label: 'Data labor',
    score: 1,
    max: 7,
    source: { ...vendorSource, kind: 'independent' as const },
  };
  it('checks the edition, the range and the indicator sum', () => {
    expect(FmtiScoreSchema.safeParse(base).success).toBe(true);
    expect(FmtiScoreSchema.safeParse({ ...base, edition: 'May 2024' }).error?.issues[0]?.message).toBe('An FMTI edition is YYYY-MM, e.g. 2023-10.');
    expect(FmtiScoreSchema.safeParse({ ...base, score: 8 }).error?.issues[0]?.message).toBe('An FMTI score cannot exceed its max.');
    const indicators = Array.from({ length: 7 }, (_, i) => ({ name: `i${i}`, score: i === 0 ? 1 : 0 }));
    expect(FmtiScoreSchema.safeParse({ ...base, indicators }).success).toBe(true);
    expect(FmtiScoreSchema.safeParse({ ...base, score: 2, indicators }).error?.issues[0]?.message).toBe(
      'An FMTI score must equal the sum of its indicators.',
    );
  });
});
