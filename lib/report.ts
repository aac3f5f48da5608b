/**
 * A report: one person's rating or flag of one answer. This schema is the contract
 * every layer shares (panel draft → background → outbox → endpoint).
 */
import { z } from 'zod';
import { SITE_IDS, VENDOR_IDS } from './sites/types';
import { FLAG_CATEGORIES } from './flags';

/**
 * A flag category id: a built-in one (FLAG_CATEGORIES) or a team's own (docs/team.md).
 * The background checks it against the categories in effect for the reporter.
 */
const FlagId = z.string().regex(/^[a-z0-9-]{1,64}$/, 'A flag category id has lowercase letters, digits and hyphens.');
const MAX_FLAGS = FLAG_CATEGORIES.length + 20;

export { FLAG_CATEGORIES, FLAG_LABELS, type FlagCategory } from './flags';

export const MAX_TEXT = 200_000;
const text = (max: number) => z.string().max(max);

/** What the panel sends: everything it read from the page plus the person's input. */
export const ReportDraftSchema = z
  .object({
    site: z.enum(SITE_IDS),
    vendor: z.enum(VENDOR_IDS),
    model: text(200).optional(),
    mode: text(200).optional(),
    conversationUrl: z.url({ protocol: /^https$/ }).max(2048).optional(),
    conversationId: text(200).optional(),
    answer: z.object({ key: text(500).min(1), text: text(MAX_TEXT) }),
    prompt: z.object({ text: text(MAX_TEXT) }).optional(),
    rating: z.enum(['up', 'down']).optional(),
    flags: z.array(FlagId).max(MAX_FLAGS).default([]),
    comment: text(10_000).optional(),
    correction: text(MAX_TEXT).optional(),
  })
  .refine((d) => d.rating !== undefined || d.flags.length > 0, {
    message: 'A report needs a rating or at least one flag category.',
    path: ['flags'],
  })
  .refine((d) => new Set(d.flags).size === d.flags.length, {
    message: 'A flag category is listed twice.',
    path: ['flags'],
  });
export type ReportDraft = z.input<typeof ReportDraftSchema>;

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The stored and delivered report. */
export const ReportSchema = z.object({
  id: z.string().regex(UUID_V7, 'not a UUIDv7'),
  createdAt: z.iso.datetime(),
  extensionVersion: text(50),
  site: z.enum(SITE_IDS),
  vendor: z.enum(VENDOR_IDS),
  model: text(200).optional(),
  mode: text(200).optional(),
  conversationUrl: z.url().max(2048).optional(),
  conversationId: text(200).optional(),
  answer: z.object({
    key: text(500).min(1),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    text: text(MAX_TEXT).optional(),
    lang: text(35).optional(),
  }),
  prompt: z.object({ text: text(MAX_TEXT) }).optional(),
  rating: z.enum(['up', 'down']).optional(),
  flags: z.array(FlagId).max(MAX_FLAGS),
  comment: text(10_000).optional(),
  correction: text(MAX_TEXT).optional(),
  team: text(200).optional(),
  reporter: text(200).optional(),
});
export type Report = z.infer<typeof ReportSchema>;

/** UUIDv7: time-ordered, so the outbox and the endpoint sort reports by creation for free. */
export function uuidv7(now = Date.now(), random: (b: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  const b = random(new Uint8Array(16));
  const ms = BigInt(now);
  for (let i = 0; i < 6; i++) b[i] = Number((ms >> BigInt(8 * (5 - i))) & 0xffn);
  b[6] = (b[6]! & 0x0f) | 0x70;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export async function sha256Hex(s: string): Promise<string> {
  const d = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(s));
  return [...new Uint8Array(d)].map((x) => x.toString(16).padStart(2, '0')).join('');
}

/** Turns a validated draft into a report: id, time, fingerprint of the answer text. */
export async function completeReport(
  draft: z.output<typeof ReportDraftSchema>,
  extensionVersion: string,
  now = Date.now(),
): Promise<Report> {
  const { answer, ...rest } = draft;
  return ReportSchema.parse({
    ...rest,
    id: uuidv7(now),
    createdAt: new Date(now).toISOString(),
    extensionVersion,
    answer: { key: answer.key, sha256: await sha256Hex(answer.text), text: answer.text },
  });
}

