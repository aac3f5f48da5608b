/**
 * A team configuration: the file (or link) a team hands its members so that everyone reports to the
 * same endpoint, with the same flag categories and the same required fields. Framework-free: the
 * options page imports it, the background validates with it, the panel reads what it produces.
 *
 * Three ways in, all through the same schema and the same error messages:
 * - a JSON file imported in the options page (`parseTeamConfig`),
 * - a configuration link (`parseTeamConfigLink`), the config in the URL *fragment*, so it never
 *   reaches a server,
 * - enterprise policy (lib/policy.ts), which reuses the pieces of this schema.
 *
 * docs/team.md is the guide for teams.
 */
import { z } from 'zod';
import { FLAG_CATEGORIES, FLAG_LABELS } from './flags';
import { EndpointSchema } from './settings';

export const TEAM_CONFIG_SCHEMA = 'behind-the-answer.team/1';
/** The largest configuration accepted, as UTF-8 JSON: a real one is a few hundred bytes. */
export const MAX_TEAM_CONFIG_BYTES = 64 * 1024;
/** Where a configuration link points unless the caller says otherwise. */
export const DEFAULT_LINK_BASE = 'https://behindtheanswer.org/join';
export const MAX_TEAM_CATEGORIES = 20;

/** The settings a team (or an organisation) can set, and so the ones it can lock. */
export const TEAM_SETTINGS = ['endpoint', 'categories', 'required', 'attachPrompt', 'reporterId', 'team'] as const;
export type TeamSetting = (typeof TEAM_SETTINGS)[number];

const SLUG = /^[a-z0-9-]{1,64}$/;
const slug = () =>
  z.string().regex(SLUG, { error: (iss) => `use lowercase letters, digits and hyphens (got ${show(iss.input)})` });

export const TeamIdentitySchema = z
  .strictObject({
    id: slug().meta({ description: 'A short id for the team: lowercase letters, digits and hyphens. Sent with every report.' }),
    name: z.string().trim().min(1).max(80).meta({ description: 'The name members see, in any script (1–80 characters).' }),
  })
  .meta({ description: 'Which team the member reports for.' });

export const TeamCategorySchema = z.strictObject({
  id: slug().meta({ description: 'Sent in reports: lowercase letters, digits and hyphens.' }),
  label: z.string().trim().min(1).max(60).meta({ description: 'What the flag form shows (1–60 characters).' }),
  description: z.string().trim().max(200).optional().meta({ description: 'A longer explanation shown under the label (up to 200 characters).' }),
});
export type TeamCategory = z.infer<typeof TeamCategorySchema>;

const BUILT_IN = new Set<string>(FLAG_CATEGORIES);

export const TeamCategoriesSchema = z
  .strictObject({
    mode: z.enum(['add', 'replace']).meta({ description: '"add": after the built-in categories; "replace": only these.' }),
    items: z.array(TeamCategorySchema).min(1).max(MAX_TEAM_CATEGORIES),
  })
  .superRefine((c, ctx) => {
    const seen = new Set<string>();
    c.items.forEach((item, i) => {
      if (seen.has(item.id)) {
        ctx.addIssue({ code: 'custom', path: ['items', i, 'id'], message: `${show(item.id)} is listed twice` });
      }
      seen.add(item.id);
      if (c.mode === 'add' && BUILT_IN.has(item.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['items', i, 'id'],
          message: `${show(item.id)} is already a built-in category; use mode "replace" or another id`,
        });
      }
    });
  })
  .meta({ description: 'Flag categories of the team, added to the built-in ones or replacing them.' });
export type TeamCategories = z.infer<typeof TeamCategoriesSchema>;

export const TeamRequiredSchema = z
  .strictObject({
    comment: z.boolean().default(false).meta({ description: 'Every flag needs a comment.' }),
    correction: z.boolean().default(false).meta({ description: 'Every flag needs the right answer.' }),
    category: z.boolean().default(true).meta({ description: 'Every flag needs at least one category (default true).' }),
  })
  .meta({ description: 'Fields the flag form requires.' });
export type TeamRequired = z.infer<typeof TeamRequiredSchema>;

/** The endpoint, as in the settings, but a misspelt field is an error rather than silently dropped. */
export const TeamEndpointSchema = EndpointSchema.strict().meta({
  description: 'Where reports go: the same fields as the endpoint in the settings (url, token, header, batchSize, timeoutSeconds).',
});

export const AttachPromptSchema = z.boolean().meta({ description: 'Reports include the prompt that led to the answer.' });
export const ReporterIdSchema = z.boolean().meta({
  description: 'Reports carry a pseudonymous reporter id (random, rotatable by the member, never derived from the person).',
});

export const TeamConfigSchema = z
  .strictObject({
    schema: z.literal(TEAM_CONFIG_SCHEMA),
    team: TeamIdentitySchema,
    endpoint: TeamEndpointSchema.optional(),
    categories: TeamCategoriesSchema.optional(),
    required: TeamRequiredSchema.optional(),
    attachPrompt: AttachPromptSchema.optional(),
    reporterId: ReporterIdSchema.optional(),
    /** Settings the member may not change. A locked setting must be set by the configuration. */
    locked: z.array(z.enum(TEAM_SETTINGS)).default([]),
  })
  .superRefine((c, ctx) => {
    const seen = new Set<string>();
    c.locked.forEach((name, i) => {
      if (seen.has(name)) ctx.addIssue({ code: 'custom', path: ['locked', i], message: `${show(name)} is listed twice` });
      seen.add(name);
      if (c[name] === undefined) {
        ctx.addIssue({ code: 'custom', path: ['locked', i], message: `${show(name)} is locked but this configuration does not set it` });
      }
    });
  });
/** A validated configuration (defaults filled in). */
export type TeamConfig = z.infer<typeof TeamConfigSchema>;
/** What a team writes (defaults may be left out). */
export type TeamConfigInput = z.input<typeof TeamConfigSchema>;

export type ParseResult<T> = { ok: true; config: T } | { ok: false; errors: string[] };

// ---------------------------------------------------------------------------------------------
// Errors in words

/** A value as it appears in an error: strings quoted, long ones cut. */
export function show(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (typeof v === 'string') return JSON.stringify(v.length > 60 ? `${v.slice(0, 57)}…` : v);
  if (Array.isArray(v)) return 'a list';
  if (v === null) return 'null';
  if (typeof v === 'object') return 'an object';
  return String(v);
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object { … }',
  array: 'a list [ … ]',
};

function editDistance(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0]!;
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = d[j]!;
      d[j] = Math.min(d[j]! + 1, d[j - 1]! + 1, prev + (a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1));
      prev = tmp;
    }
  }
  return d[b.length]!;
}

/** Keys the object at `path` knows, for "did you mean". */
function knownKeys(schema: z.ZodType, path: PropertyKey[]): string[] {
  let s: z.ZodType | undefined = schema;
  for (const p of path) {
    if (!s) return [];
    s = unwrap(s);
    if (s instanceof z.ZodObject) s = (s.shape as Record<string, z.ZodType>)[String(p)];
    else if (s instanceof z.ZodArray) s = s.element as z.ZodType;
    else return [];
  }
  s = s && unwrap(s);
  return s instanceof z.ZodObject ? Object.keys(s.shape) : [];
}

function unwrap(s: z.ZodType): z.ZodType {
  let cur = s;
  for (let i = 0; i < 10; i++) {
    if (cur instanceof z.ZodOptional || cur instanceof z.ZodDefault || cur instanceof z.ZodNullable) cur = cur.unwrap() as z.ZodType;
    else if (cur instanceof z.ZodPipe) cur = cur.in as z.ZodType;
    else break;
  }
  return cur;
}

function sizeWords(iss: { origin?: string }, n: number | bigint): string {
  const count = Number(n);
  if (iss.origin === 'string') return `${count} character${count === 1 ? '' : 's'}`;
  if (iss.origin === 'array') return `${count} item${count === 1 ? '' : 's'}`;
  return String(count);
}

/** One zod issue as one line: "path: what is wrong (got …)". Exported for lib/policy.ts. */
export function issueText(iss: z.core.$ZodIssue, schema: z.ZodType): string {
  const path = iss.path.map(String).join('.');
  const at = (msg: string) => (path ? `${path}: ${msg}` : msg);
  const input = (iss as { input?: unknown }).input;
  switch (iss.code) {
    case 'invalid_type': {
      const expected = TYPE_WORDS[iss.expected] ?? iss.expected;
      if (input === undefined) return at(`missing (it should be ${expected})`);
      return at(`should be ${expected} (got ${show(input)})`);
    }
    case 'too_small': {
      if (iss.origin === 'string' && Number(iss.minimum) === 1) return at('must not be empty');
      if (iss.origin === 'array') return at(`needs at least ${sizeWords(iss, iss.minimum)}`);
      const len = typeof input === 'string' || Array.isArray(input) ? ` (got ${input.length})` : input !== undefined ? ` (got ${show(input)})` : '';
      return at(`at least ${sizeWords(iss, iss.minimum)}${len}`);
    }
    case 'too_big': {
      const len = typeof input === 'string' || Array.isArray(input) ? ` (got ${input.length})` : input !== undefined ? ` (got ${show(input)})` : '';
      return at(`at most ${sizeWords(iss, iss.maximum)}${len}`);
    }
    case 'invalid_value':
      return at(
        `should be ${iss.values.length > 2 ? 'one of ' : ''}${iss.values.map((v) => show(v)).join(iss.values.length > 2 ? ', ' : ' or ')} (got ${show(input)})`,
      );
    case 'unrecognized_keys':
      return iss.keys
        .map((key) => {
          const known = knownKeys(schema, iss.path);
          const near = known.find((k) => editDistance(k, key) <= 2);
          return at(`unknown field ${show(key)}${near ? ` (did you mean ${show(near)}?)` : ''}`);
        })
        .join('\n');
    case 'not_multiple_of':
      return at(`should be a whole number (got ${show(input)})`);
    default:
      return at(iss.message);
  }
}

/** All issues as lines, in order, without repeats. */
export function issuesText(error: z.ZodError, schema: z.ZodType): string[] {
  const lines = error.issues.flatMap((i) => issueText(i, schema).split('\n'));
  return [...new Set(lines)];
}

// ---------------------------------------------------------------------------------------------
// Parsing

function utf8Bytes(s: string): number {
  return new TextEncoder().encode(s).length;
}

function tooBig(bytes: number): string {
  return `The configuration is ${(bytes / 1024).toFixed(1)} KB; the limit is ${MAX_TEAM_CONFIG_BYTES / 1024} KB. A team configuration is a few hundred bytes: is this the right file?`;
}

/**
 * A team configuration from a JSON string (an imported file) or an already parsed value.
 * Errors are whole sentences or "path: problem" lines, ready to show as a list.
 */
export function parseTeamConfig(raw: unknown): ParseResult<TeamConfig> {
  let value: unknown = raw;
  if (typeof raw === 'string') {
    const bytes = utf8Bytes(raw);
    if (bytes > MAX_TEAM_CONFIG_BYTES) return { ok: false, errors: [tooBig(bytes)] };
    // A file saved by some editors starts with a byte order mark.
    const text = raw.replace(/^\uFEFF/, '');
    if (!text.trim()) return { ok: false, errors: ['The file is empty.'] };
    try {
      value = JSON.parse(text);
    } catch (e) {
      return { ok: false, errors: [`Not JSON: ${(e as Error).message}`] };
    }
  } else {
    let json: string | undefined;
    try {
      json = JSON.stringify(raw);
    } catch {
      return { ok: false, errors: ['The configuration cannot be written as JSON.'] };
    }
    const bytes = json === undefined ? 0 : utf8Bytes(json);
    if (bytes > MAX_TEAM_CONFIG_BYTES) return { ok: false, errors: [tooBig(bytes)] };
  }

  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, errors: [`A team configuration is a JSON object { … } (got ${show(value)}).`] };
  }
  // The schema first: a file of another kind or version would otherwise produce a list of
  // irrelevant errors.
  const schema = (value as { schema?: unknown }).schema;
  if (schema !== TEAM_CONFIG_SCHEMA) {
    const other = typeof schema === 'string' && schema.startsWith('behind-the-answer.team/')
      ? '; it was written for another version of the extension: update the extension, or ask the team for a version 1 file'
      : '';
    return { ok: false, errors: [`schema: this file is for ${TEAM_CONFIG_SCHEMA} (got ${show(schema)})${other}`] };
  }
  const parsed = TeamConfigSchema.safeParse(value, { reportInput: true });
  if (parsed.success) return { ok: true, config: parsed.data };
  return { ok: false, errors: issuesText(parsed.error, TeamConfigSchema) };
}

// ---------------------------------------------------------------------------------------------
// Configuration links

function bytesToBase64url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** base64url (standard base64 and padding tolerated) to bytes; null when it is not. */
function base64urlToBytes(s: string): Uint8Array | null {
  const b64 = s.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
  if (!/^[A-Za-z0-9+/]*$/.test(b64) || b64.length % 4 === 1) return null;
  try {
    const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
    return Uint8Array.from(bin, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

/**
 * The link a team shares: `<base>#config=<base64url of the JSON>`. The configuration is in the
 * fragment, which browsers never send to a server. `base` may be any http(s) page (the team's own
 * page works as well as the default) or the extension's options page.
 */
export function teamConfigLink(config: TeamConfig | TeamConfigInput, base: string = DEFAULT_LINK_BASE): string {
  const payload = bytesToBase64url(new TextEncoder().encode(JSON.stringify(config)));
  return `${base.replace(/#.*$/, '')}#config=${payload}`;
}

const LINK_PROTOCOLS = new Set(['https:', 'http:', 'chrome-extension:', 'moz-extension:', 'extension:']);
const DAMAGED = 'The configuration in this link is damaged (not base64url JSON). Ask for the link again, and copy all of it.';
const NO_CONFIG = 'This link has no configuration in it. A configuration link ends with #config= followed by a long code.';

/**
 * The configuration in a link: the team's page, behindtheanswer.org/join, or the extension's own
 * options page, each with `#config=…`. The result still has to be shown to the person and
 * confirmed before it applies.
 */
export function parseTeamConfigLink(url: string): ParseResult<TeamConfig> {
  const text = url.trim();
  let fragment: string;
  try {
    const u = new URL(text);
    if (!LINK_PROTOCOLS.has(u.protocol)) {
      return { ok: false, errors: [`This is not a configuration link (it starts with ${u.protocol}, not https:).`] };
    }
    fragment = u.hash.replace(/^#/, '');
    if (!fragment && /[?&]config=/.test(u.search)) {
      return { ok: false, errors: ['The configuration is in the wrong part of this link (after ? instead of #). Ask the team for a new link.'] };
    }
  } catch {
    return { ok: false, errors: ['This is not a link. Paste the whole address, starting with https://.'] };
  }
  // The fragment is `config=…`, possibly among other `key=value` pairs.
  const payload = fragment
    .split('&')
    .find((part) => part.startsWith('config='))
    ?.slice('config='.length);
  if (payload === undefined || payload === '') return { ok: false, errors: [NO_CONFIG] };
  // Some chat apps percent-encode the fragment, or add a trailing full stop.
  let code: string;
  try {
    code = decodeURIComponent(payload).replace(/[.,;)\]]+$/, '');
  } catch {
    return { ok: false, errors: [DAMAGED] };
  }
  // base64 grows by 4/3; refuse early what cannot be within the size limit.
  if (code.length > Math.ceil((MAX_TEAM_CONFIG_BYTES * 4) / 3) + 4) return { ok: false, errors: [tooBig(Math.floor((code.length * 3) / 4))] };
  const bytes = base64urlToBytes(code);
  if (!bytes) return { ok: false, errors: [DAMAGED] };
  let json: string;
  let value: unknown;
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    value = JSON.parse(json);
  } catch {
    return { ok: false, errors: [DAMAGED] };
  }
  return parseTeamConfig(value);
}

// ---------------------------------------------------------------------------------------------
// Categories and the reporter id

export interface EffectiveCategory {
  id: string;
  label: string;
  description?: string;
  builtIn: boolean;
}

/**
 * The categories the flag form offers: the built-in ones (no team, or mode "add", which appends the
 * team's after them) or only the team's (mode "replace").
 */
export function effectiveCategories(config: { categories?: TeamCategories | undefined } | null): EffectiveCategory[] {
  const builtIn: EffectiveCategory[] = FLAG_CATEGORIES.map((id) => ({ id, label: FLAG_LABELS[id], builtIn: true }));
  const c = config?.categories;
  if (!c) return builtIn;
  const team = c.items.map((i): EffectiveCategory => ({
    id: i.id,
    label: i.label,
    ...(i.description ? { description: i.description } : {}),
    builtIn: false,
  }));
  return c.mode === 'replace' ? team : [...builtIn, ...team];
}

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';
export const REPORTER_ID_PATTERN = /^r-[a-z2-7]{20}$/;

/**
 * A pseudonymous reporter id: "r-" and 20 random base32 characters (100 bits). Nothing about the
 * person goes in: not the browser, not the time, not an account. A new one can be made at any time
 * (rotation), and the old one is simply forgotten.
 */
export function newReporterId(random: (b: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  const bytes = random(new Uint8Array(20));
  // 256 is a multiple of 32, so the low five bits of a uniform byte are uniform.
  return `r-${[...bytes].map((b) => BASE32[b & 31]).join('')}`;
}
