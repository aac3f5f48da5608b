/**
 * Generates public/managed_schema.json, the schema of the extension's enterprise policy
 * (browser.storage.managed), from ManagedPolicySchema in lib/policy.ts. WXT copies public/ into
 * the build; the manifest names the file in `storage.managed_schema`.
 * tests/unit/policy.test.ts fails when the committed file is stale.
 *
 *   npx tsx scripts/managed-schema.ts
 *
 * Chrome reads a subset of JSON Schema (components/policy/core/common/schema.cc): the top level is
 * an object with no additionalProperties; every schema has exactly one "type" (or a "$ref" to an
 * "id" in the same file); and the keywords it knows are those in CHROME_SCHEMA_KEYWORDS. A schema
 * Chrome cannot parse stops the extension from loading, so everything else zod emits is dropped
 * here rather than left for Chrome to judge. What the subset cannot say (string lengths, list
 * sizes, a valid endpoint address, unique category ids) lib/policy.ts checks again at runtime.
 */
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';
import { ManagedPolicySchema } from '../lib/policy';

// Built from a path, not `new URL(…, import.meta.url)`: under vitest's happy-dom, URL is not Node's.
export const MANAGED_SCHEMA_PATH = resolve(dirname(fileURLToPath(import.meta.url)), '../public/managed_schema.json');

/** The keywords Chrome's policy schema parser knows. */
export const CHROME_SCHEMA_KEYWORDS = [
  'type',
  'title',
  'description',
  'properties',
  'additionalProperties',
  'patternProperties',
  'items',
  'required',
  'enum',
  'minimum',
  'maximum',
  'pattern',
  'id',
  '$ref',
  'sensitiveValue',
] as const;
export const CHROME_SCHEMA_TYPES = ['object', 'array', 'string', 'integer', 'number', 'boolean'] as const;

type Json = Record<string, unknown>;

/** Titles of the policies (shown by admin tools) and descriptions zod has no `.meta()` for. */
const EXTRA: Record<string, { title?: string; description?: string; sensitiveValue?: true }> = {
  team: { title: 'Team' },
  endpoint: { title: 'Report endpoint' },
  'endpoint.url': {
    description: 'The collector\'s address: https://, or http:// only for localhost and 127.0.0.1. See docs/endpoint.md.',
  },
  'endpoint.token': { description: 'Sent as "Authorization: Bearer <token>".', sensitiveValue: true },
  'endpoint.header': { description: 'One extra request header, for collectors behind a gateway.' },
  'endpoint.header.value': { sensitiveValue: true },
  'endpoint.batchSize': { description: 'Reports per request (1–100, default 100).' },
  'endpoint.timeoutSeconds': { description: 'Seconds before a request counts as failed (1–60, default 20).' },
  categories: { title: 'Flag categories' },
  'categories.items': { description: 'The team\'s categories (1–20), each with a unique id.' },
  required: { title: 'Required fields of a flag' },
  attachPrompt: { title: 'Attach the prompt' },
  reporterId: { title: 'Pseudonymous reporter id' },
};

const INT32_MAX = 2 ** 31 - 1;

/** One zod-emitted schema to Chrome's subset, recursively. `path` names the property ("endpoint.url"). */
function toChrome(s: Json, path: string): Json {
  const out: Json = {};
  if (typeof s.type !== 'string' || !(CHROME_SCHEMA_TYPES as readonly string[]).includes(s.type)) {
    throw new Error(`${path || 'root'}: Chrome needs exactly one supported type, zod emitted ${JSON.stringify(s.type ?? s)}`);
  }
  for (const unsupported of ['anyOf', 'oneOf', 'allOf', 'not', 'const', '$ref']) {
    if (unsupported in s) throw new Error(`${path}: "${unsupported}" cannot be expressed for Chrome`);
  }
  const extra = EXTRA[path] ?? {};
  if (extra.title) out.title = extra.title;
  out.type = s.type;
  const description = (s.description as string | undefined) ?? extra.description;
  if (description) out.description = description;
  if (extra.sensitiveValue) out.sensitiveValue = true;

  if (s.type === 'object') {
    const props = (s.properties ?? {}) as Record<string, Json>;
    out.properties = Object.fromEntries(Object.entries(props).map(([k, v]) => [k, toChrome(v, path ? `${path}.${k}` : k)]));
    if (Array.isArray(s.required) && s.required.length) out.required = s.required;
    // `additionalProperties: false` (zod's strict objects) is not a schema: Chrome would refuse it.
    // Unknown properties are dropped by Chrome and reported by lib/policy.ts instead.
  }
  if (s.type === 'array') out.items = toChrome(s.items as Json, `${path}[]`);
  if (s.type === 'string') {
    if (Array.isArray(s.enum)) out.enum = s.enum;
    // Chrome matches with RE2, unanchored: zod's patterns are anchored already.
    if (typeof s.pattern === 'string') out.pattern = s.pattern;
  }
  if (s.type === 'integer' || s.type === 'number') {
    if (typeof s.minimum === 'number' && Math.abs(s.minimum) <= INT32_MAX) out.minimum = s.minimum;
    if (typeof s.maximum === 'number' && Math.abs(s.maximum) <= INT32_MAX) out.maximum = s.maximum;
  }
  return out;
}

/** The whole document as a value. */
export function managedSchema(): Json {
  const emitted = z.toJSONSchema(ManagedPolicySchema, {
    target: 'draft-2020-12',
    // 'input': fields with defaults are optional, which is what an administrator may leave out.
    io: 'input',
    // Refinements (a valid address, unique ids) are not representable and are checked at runtime.
    unrepresentable: 'any',
    // No $defs: Chrome resolves "$ref" only against "id"s, so every schema is written inline.
    reused: 'inline',
    cycles: 'throw',
  }) as Json;
  const root = toChrome(emitted, '');
  // Chrome: the top level is an object whose properties are the policies; nothing else.
  return { type: 'object', properties: root.properties };
}

/** The file's exact contents: 2-space indent, trailing newline. */
export function managedSchemaJson(): string {
  return `${JSON.stringify(managedSchema(), null, 2)}\n`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(MANAGED_SCHEMA_PATH, managedSchemaJson());
  console.log(`Wrote ${MANAGED_SCHEMA_PATH}.`);
}
