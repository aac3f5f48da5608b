/**
 * Settings kept in storage.local, validated on every read (a hand-edited or older value
 * must not break the extension) and migrated by version.
 */
import { z } from 'zod';
import { browser } from 'wxt/browser';
import { MAX_BATCH_REPORTS } from './sync/protocol';
import { SITE_IDS } from './sites/types';
import { tGlobal } from './i18n-core';

export const SETTINGS_KEY = 'settings';
export const SETTINGS_VERSION = 1;

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** Headers the uploader sets itself or the browser forbids. */
const RESERVED = /^(authorization|content-type|content-length|idempotency-key|host|cookie|origin)$/i;

/** https only, except a server on this machine (a team's local collector, tests). */
export function endpointProblem(raw: string): string | null {
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    return tGlobal('settings_notAnAddress');
  }
  const local = u.hostname === 'localhost' || u.hostname === '127.0.0.1';
  if (u.protocol !== 'https:' && !(local && u.protocol === 'http:')) {
    return tGlobal('settings_httpsOnly', `${u.protocol}//`);
  }
  if (u.username || u.password) return tGlobal('settings_noCredentials');
  return null;
}

export const EndpointSchema = z.object({
  url: z.string().superRefine((v, ctx) => {
    const p = endpointProblem(v);
    if (p) ctx.addIssue({ code: 'custom', message: p });
  }),
  token: z.string().max(4096).optional(),
  header: z
    .object({
      name: z
        .string()
        // Messages as functions: put into words when an issue is found, in the language then.
        .regex(HEADER_NAME, { error: () => tGlobal('settings_headerNameChars') })
        .refine((n) => !RESERVED.test(n), { error: () => tGlobal('settings_headerReserved') }),
      value: z.string().max(4096).regex(/^[^\r\n]*$/, { error: () => tGlobal('settings_headerOneLine') }),
    })
    .optional(),
  batchSize: z.number().int().min(1).max(MAX_BATCH_REPORTS).default(MAX_BATCH_REPORTS),
  /** A collector slower than this is treated as unreachable, and the batch is retried. */
  timeoutSeconds: z.number().int().min(1).max(60).default(20),
});
export type Endpoint = z.infer<typeof EndpointSchema>;

/** Where a newer disclosure registry may be published: https only. */
export const RegistryUrlSchema = z
  .string()
  .max(2048)
  .refine((v) => {
    try {
      return new URL(v).protocol === 'https:';
    } catch {
      return false;
    }
  }, { error: () => tGlobal('registry_badUrl') });

/**
 * What a report carries. Defaults are chosen for the person, not the collector: the
 * prompt (often the most personal part) stays out unless they turn it on.
 */
export const PrivacySchema = z.object({
  answerText: z.boolean().default(true),
  prompt: z.boolean().default(false),
  conversationUrl: z.boolean().default(true),
  model: z.boolean().default(true),
  /** Emails, phone numbers, cards, IBANs, IPs and keys replaced before anything is stored. */
  redact: z.boolean().default(true),
});
export type Privacy = z.infer<typeof PrivacySchema>;

export const SettingsSchema = z.object({
  version: z.literal(SETTINGS_VERSION),
  endpoint: EndpointSchema.optional(),
  /** Days a delivered report stays in the outbox's history. */
  keepSentDays: z.number().int().min(0).max(3650).default(30),
  registryUrl: RegistryUrlSchema.optional(),
  privacy: PrivacySchema.prefault({}),
  /** Chatbots the person turned off (absent: on). */
  sitesOff: z.array(z.enum(SITE_IDS)).default([]),
  /** false: the person declined a reporter id their team asked for (unless it is locked). */
  reporterId: z.boolean().optional(),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({ version: SETTINGS_VERSION });

/** Any stored value to current settings; what cannot be read falls back to defaults. */
export function migrateSettings(raw: unknown): Settings {
  const parsed = SettingsSchema.safeParse(raw);
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

/** The origin pattern for the optional host permission of an endpoint. */
export function originPattern(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.hostname}/*`;
}

/** The stored settings, read through the schema every time (background and extension pages). */
export async function loadSettings(): Promise<Settings> {
  return migrateSettings((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]);
}
