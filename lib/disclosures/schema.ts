/**
 * The disclosure registry: what each chatbot vendor has published about the people behind its
 * models (annotators, raters, red-teamers, moderators), topic by topic, each statement with dated
 * sources. Facts only: "not disclosed" where the vendor has said nothing, and press reports are
 * shown as "reported by", never as the vendor's own disclosure.
 *
 * The bundled copy is `registry.json` (built by scripts/build-registry.ts); a newer copy may be
 * fetched from a configured URL and is used only if it passes this schema and its version is higher.
 */
import { z } from 'zod';
import { SITE_IDS, VENDOR_IDS } from '../sites/types';
import { DISCLOSING_KINDS, DISCLOSURE_STATUS, SOURCE_KINDS, TOPIC_IDS, type TopicId } from './labels';

export const REGISTRY_SCHEMA = 'behind-the-answer.disclosures/1';

export {
  TOPIC_IDS,
  TOPIC_LABELS,
  DISCLOSURE_STATUS,
  STATUS_LABELS,
  SOURCE_KINDS,
  SOURCE_KIND_LABELS,
  DISCLOSING_KINDS,
  type TopicId,
  type DisclosureStatus,
  type SourceKind,
} from './labels';

// ---------------------------------------------------------------------------------------------

function isRealDate(s: string): boolean {
  const [y, m, d] = s.split('-').map(Number);
  if (m === undefined) return true;
  if (m < 1 || m > 12) return false;
  if (d === undefined) return true;
  const last = new Date(Date.UTC(y!, m, 0)).getUTCDate();
  return d >= 1 && d <= last;
}

/** YYYY, YYYY-MM or YYYY-MM-DD: a source is dated as precisely as it is known. */
export const PartialDateSchema = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'A date must be YYYY, YYYY-MM or YYYY-MM-DD.')
  .refine(isRealDate, 'Not a real calendar date.');

/** A full ISO calendar date, YYYY-MM-DD. */
export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'A date must be YYYY-MM-DD.')
  .refine(isRealDate, 'Not a real calendar date.');

export const HttpsUrlSchema = z
  .string()
  .max(2048)
  .refine((v) => {
    try {
      const u = new URL(v);
      return u.protocol === 'https:' && u.hostname.length > 0;
    } catch {
      return false;
    }
  }, 'A source URL must be a full https:// address.');

export const VendorIdSchema = z.enum(VENDOR_IDS);
export const SiteIdSchema = z.enum(SITE_IDS);
export const TopicIdSchema = z.enum(TOPIC_IDS);

export const SourceSchema = z.strictObject({
  title: z.string().min(1).max(300),
  /** Who published it ("OpenAI (arXiv)", "TIME", "Stanford CRFM"). */
  publisher: z.string().min(1).max(200),
  url: HttpsUrlSchema,
  date: PartialDateSchema,
  kind: z.enum(SOURCE_KINDS),
  /** For living pages: what the date means ("undated living page; copy read was captured 2025-26"). */
  dateNote: z.string().min(1).max(200).optional(),
});
export type Source = z.infer<typeof SourceSchema>;

export const StatementSchema = z.strictObject({
  /** A short factual statement in our own words (no long quotations). */
  text: z.string().min(1).max(400, 'A statement must be at most 400 characters: say it in our own words.'),
  sources: z.array(SourceSchema).min(1, 'Every statement needs at least one source.'),
  /** Set when the fact is about an older or specific model, not today's chatbot ("InstructGPT, 2022"). */
  scope: z.string().min(1).max(120).optional(),
});
export type Statement = z.infer<typeof StatementSchema>;

export const TopicEntrySchema = z
  .strictObject({
    status: z.enum(DISCLOSURE_STATUS),
    /** May be empty only when nothing was found ('not-disclosed'). Press and supplier claims may sit here too. */
    statements: z.array(StatementSchema).max(20),
    /** What is still missing, in a few words that read after "Not disclosed:" ("Pay rates for current models"). */
    missing: z.string().min(1).max(200).optional(),
  })
  .superRefine((t, ctx) => {
    if (t.status === 'not-disclosed') return;
    if (t.statements.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['statements'],
        message: `A topic marked '${t.status}' needs at least one statement.`,
      });
      return;
    }
    const backed = t.statements.some((s) => s.sources.some((src) => DISCLOSING_KINDS.includes(src.kind)));
    if (!backed) {
      ctx.addIssue({
        code: 'custom',
        path: ['statements'],
        message: `A topic marked '${t.status}' needs a statement with a vendor's own or independent source; press reports and supplier claims alone leave it 'not-disclosed'.`,
      });
    }
  });
export type TopicEntry = z.infer<typeof TopicEntrySchema>;

/** One FMTI edition's data-labor result for a vendor. */
export const FmtiScoreSchema = z
  .strictObject({
    /** Edition as YYYY-MM: '2023-10', '2024-05', '2025-12'. */
    edition: z.string().regex(/^\d{4}-\d{2}$/, 'An FMTI edition is YYYY-MM, e.g. 2023-10.'),
    /** The flagship model FMTI assessed ("GPT-4", "Phi-2"). */
    model: z.string().min(1).max(120).optional(),
    /** The subdomain or indicator group scored ("Data labor", "Data acquisition: data-labor indicators"). */
    label: z.string().min(1).max(120),
    score: z.number().int().min(0),
    max: z.number().int().positive(),
    /** The individual indicators (1 = disclosed, 0 = not). */
    indicators: z
      .array(z.strictObject({ name: z.string().min(1).max(120), score: z.number().int().min(0).max(1) }))
      .optional(),
    /** Overall FMTI score out of 100, for context. */
    total: z.number().int().min(0).max(100).optional(),
    /** Caveats: editions not comparable, a point earned for a model that is not the chatbot's. */
    note: z.string().min(1).max(300).optional(),
    source: SourceSchema,
  })
  .superRefine((f, ctx) => {
    if (f.score > f.max) ctx.addIssue({ code: 'custom', path: ['score'], message: 'An FMTI score cannot exceed its max.' });
    if (f.indicators) {
      if (f.indicators.length !== f.max) {
        ctx.addIssue({ code: 'custom', path: ['indicators'], message: 'FMTI indicators must number exactly max.' });
      }
      const sum = f.indicators.reduce((n, i) => n + i.score, 0);
      if (sum !== f.score) {
        ctx.addIssue({ code: 'custom', path: ['score'], message: 'An FMTI score must equal the sum of its indicators.' });
      }
    }
  });
export type FmtiScore = z.infer<typeof FmtiScoreSchema>;

export const FeedbackPolicySchema = z.strictObject({
  /** One line: what the vendor does with conversations its own thumbs/feedback buttons send. */
  text: z.string().min(1).max(400),
  sources: z.array(SourceSchema).min(1, 'A feedback policy needs at least one source.'),
});
export type FeedbackPolicy = z.infer<typeof FeedbackPolicySchema>;

const topicsShape = Object.fromEntries(TOPIC_IDS.map((t) => [t, TopicEntrySchema])) as {
  [K in TopicId]: typeof TopicEntrySchema;
};

export const VendorEntrySchema = z.strictObject({
  id: VendorIdSchema,
  name: z.string().min(1).max(80),
  /** Shown with the entry, e.g. when the vendor has not been researched yet. */
  note: z.string().min(1).max(300).optional(),
  /** Every topic is present; 'not-disclosed' with no statements is allowed. */
  topics: z.strictObject(topicsShape),
  fmti: z.array(FmtiScoreSchema),
  /** null when no source about the vendor's feedback buttons has been reviewed. */
  feedbackPolicy: FeedbackPolicySchema.nullable(),
});
export type VendorEntry = z.infer<typeof VendorEntrySchema>;

function compiles(source: string): boolean {
  try {
    new RegExp(source, 'i');
    return true;
  } catch {
    return false;
  }
}

export const ModelVendorRuleSchema = z.strictObject({
  /** A RegExp source, matched case-insensitively against the model name the page shows. */
  match: z.string().min(1).max(200).refine(compiles, 'A model rule must be a valid regular expression.'),
  vendor: VendorIdSchema,
});
export type ModelVendorRule = z.infer<typeof ModelVendorRuleSchema>;

export const SiteMappingSchema = z.strictObject({
  /** The chatbot's own vendor (Poe → quora). */
  platform: VendorIdSchema,
  /** The chat hosts of this site (from the adapters). */
  hosts: z.array(z.string().min(1).max(253)).min(1),
  /** First matching rule wins. */
  modelVendors: z.array(ModelVendorRuleSchema).optional(),
  /** When no rule matches: the vendor whose models the site is known to serve (Copilot → openai). */
  defaultModelVendor: VendorIdSchema.optional(),
  /** Plain words shown with the mapping (required with defaultModelVendor). */
  note: z.string().min(1).max(400).optional(),
  /** Sources for the mapping itself (e.g. Microsoft saying Copilot runs on OpenAI models). */
  sources: z.array(SourceSchema).optional(),
});
export type SiteMapping = z.infer<typeof SiteMappingSchema>;

const sitesShape = Object.fromEntries(SITE_IDS.map((s) => [s, SiteMappingSchema])) as {
  [K in (typeof SITE_IDS)[number]]: typeof SiteMappingSchema;
};

export const RegistrySchema = z
  .strictObject({
    schema: z.literal(REGISTRY_SCHEMA),
    /** Only grows; a remote copy is used only if its version is higher (e.g. 2026112301). */
    version: z.number().int('The registry version must be an integer.').positive('The registry version must be positive.'),
    /** When a person last reviewed this document. */
    reviewedAt: IsoDateSchema,
    /** When the facts were last checked against their sources (as precisely as known). */
    asOf: PartialDateSchema,
    vendors: z.array(VendorEntrySchema).min(1),
    /** Every SiteId has a mapping. */
    sites: z.strictObject(sitesShape),
  })
  .superRefine((r, ctx) => {
    const ids = new Set<string>();
    r.vendors.forEach((v, i) => {
      if (ids.has(v.id)) {
        ctx.addIssue({ code: 'custom', path: ['vendors', i, 'id'], message: `Vendor '${v.id}' appears twice.` });
      }
      ids.add(v.id);
    });
    for (const site of SITE_IDS) {
      const m = r.sites[site];
      const missing = (vendor: string, path: (string | number)[]) => {
        if (!ids.has(vendor)) {
          ctx.addIssue({
            code: 'custom',
            path: ['sites', site, ...path],
            message: `Site '${site}' refers to vendor '${vendor}', which is not in vendors.`,
          });
        }
      };
      missing(m.platform, ['platform']);
      m.modelVendors?.forEach((rule, i) => missing(rule.vendor, ['modelVendors', i, 'vendor']));
      if (m.defaultModelVendor) {
        missing(m.defaultModelVendor, ['defaultModelVendor']);
        if (!m.note) {
          ctx.addIssue({
            code: 'custom',
            path: ['sites', site, 'note'],
            message: `Site '${site}' has a defaultModelVendor and must say why in a note.`,
          });
        }
      }
    }
  });
export type Registry = z.infer<typeof RegistrySchema>;
