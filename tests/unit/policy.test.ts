/**
 * Enterprise policy: parsing what browser.storage.managed returns, the merge of organisation,
 * team and member settings (precedence and locks), and public/managed_schema.json (generated,
 * not stale, Chrome's keywords only, the same keys and types as ManagedPolicySchema).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { FLAG_CATEGORIES } from '../../lib/flags';
import {
  applyTeamConfigToMember,
  DEFAULT_REQUIRED,
  hasPolicy,
  ManagedPolicySchema,
  mergeSettings,
  parseManagedPolicy,
  teamConfigBlocked,
  type ManagedPolicy,
  type MemberSettings,
} from '../../lib/policy';
import { parseTeamConfig, TEAM_CONFIG_SCHEMA, TEAM_SETTINGS, type TeamConfig } from '../../lib/team';
import { CHROME_SCHEMA_KEYWORDS, CHROME_SCHEMA_TYPES, MANAGED_SCHEMA_PATH, managedSchemaJson } from '../../scripts/managed-schema';

type Json = Record<string, unknown>;
const DOC_PATH = resolve(dirname(MANAGED_SCHEMA_PATH), '../docs/team.md');

function team(patch: Record<string, unknown> = {}): TeamConfig {
  const r = parseTeamConfig({ schema: TEAM_CONFIG_SCHEMA, team: { id: 'factcheck', name: 'Fact-check' }, ...patch });
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.config;
}
function policy(raw: unknown): ManagedPolicy {
  const r = parseManagedPolicy(raw);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.policy;
}
const ORG_ENDPOINT = { url: 'https://collector.corp.example/reports', token: 'org', batchSize: 100, timeoutSeconds: 20 };
const TEAM_ENDPOINT = { url: 'https://team.example.org/reports', token: 'team', batchSize: 100, timeoutSeconds: 20 };
const MY_ENDPOINT = { url: 'http://localhost:8787/reports', batchSize: 10, timeoutSeconds: 5 };

describe('parseManagedPolicy', () => {
  it('treats nothing, an empty object and null values as no policy', () => {
    for (const raw of [undefined, null, {}, { endpoint: null }]) {
      expect(parseManagedPolicy(raw)).toEqual({ ok: true, policy: {} });
    }
    expect(hasPolicy({})).toBe(false);
    expect(hasPolicy(null)).toBe(false);
    expect(hasPolicy({ attachPrompt: false })).toBe(true);
  });

  it('accepts every key, with the defaults filled in', () => {
    expect(
      policy({
        team: { id: 'corp', name: 'Corp' },
        endpoint: { url: ORG_ENDPOINT.url, token: 'org' },
        categories: { mode: 'replace', items: [{ id: 'a', label: 'A' }] },
        required: { comment: true },
        attachPrompt: false,
        reporterId: true,
      }),
    ).toEqual({
      team: { id: 'corp', name: 'Corp' },
      endpoint: ORG_ENDPOINT,
      categories: { mode: 'replace', items: [{ id: 'a', label: 'A' }] },
      required: { comment: true, correction: false, category: true },
      attachPrompt: false,
      reporterId: true,
    });
  });

  it('keeps the valid keys when others are broken, and says what is wrong with each', () => {
    expect(
      parseManagedPolicy({
        team: { id: 'Corp IT', name: 'Corp' },
        endpoint: { url: 'http://collector.corp.example' },
        attachPrompt: 'yes',
        reporterId: true,
        teamConfig: {},
        categories: { mode: 'add', items: [{ id: 'unsafe', label: 'U' }] },
      }),
    ).toEqual({
      ok: false,
      errors: [
        'team.id: use lowercase letters, digits and hyphens (got "Corp IT")',
        'endpoint.url: The address must start with https:// (plain http:// is allowed only for localhost and 127.0.0.1), not http://.',
        'attachPrompt: should be true or false (got "yes")',
        'teamConfig: not a policy of this extension (known: team, endpoint, categories, required, attachPrompt, reporterId)',
        'categories.items.0.id: "unsafe" is already a built-in category; use mode "replace" or another id',
      ],
      policy: { reporterId: true },
    });
  });

  it('refuses what is not an object', () => {
    expect(parseManagedPolicy('x')).toEqual({ ok: false, errors: ["The organisation's policy is not an object (got \"x\")."], policy: {} });
    expect(parseManagedPolicy([])).toEqual({ ok: false, errors: ["The organisation's policy is not an object (got a list)."], policy: {} });
  });

  it('reports misspelt fields inside a policy', () => {
    const r = parseManagedPolicy({ required: { coment: true } });
    expect(r).toEqual({ ok: false, errors: ['required: unknown field "coment" (did you mean "comment"?)'], policy: {} });
  });
});

describe('mergeSettings', () => {
  it('without a team or a policy: the member settings, else the defaults, nothing locked', () => {
    const m = mergeSettings({}, null, null);
    expect(m.effective).toEqual({
      team: null,
      endpoint: undefined,
      categories: undefined,
      categoryList: FLAG_CATEGORIES.map((id) => expect.objectContaining({ id, builtIn: true })),
      required: DEFAULT_REQUIRED,
      attachPrompt: false,
      reporterId: false,
    });
    expect(m.lockedBy).toEqual({});
    expect(m.source).toEqual(Object.fromEntries(TEAM_SETTINGS.map((k) => [k, 'default'])));

    const mine = mergeSettings({ endpoint: MY_ENDPOINT, attachPrompt: true, required: { comment: true, correction: false, category: true } }, null, null);
    expect(mine.effective.endpoint).toEqual(MY_ENDPOINT);
    expect(mine.effective.attachPrompt).toBe(true);
    expect(mine.effective.required.comment).toBe(true);
    expect(mine.source).toMatchObject({ endpoint: 'member', attachPrompt: 'member', required: 'member', team: 'default' });
  });

  it('a member cannot ask for a reporter id nobody asked for', () => {
    expect(mergeSettings({ reporterId: true }, null, null).effective.reporterId).toBe(false);
    expect(mergeSettings({ reporterId: true }, team(), null).effective.reporterId).toBe(false);
  });

  it('team values apply where the member has not chosen; the member wins where unlocked', () => {
    const t = team({
      endpoint: TEAM_ENDPOINT,
      attachPrompt: true,
      required: { comment: true },
      categories: { mode: 'add', items: [{ id: 'misquote', label: 'Misquote' }] },
    });
    const fresh = mergeSettings({}, t, null);
    expect(fresh.effective.team).toEqual({ id: 'factcheck', name: 'Fact-check' });
    expect(fresh.effective.endpoint).toEqual(TEAM_ENDPOINT);
    expect(fresh.effective.attachPrompt).toBe(true);
    expect(fresh.effective.required).toEqual({ comment: true, correction: false, category: true });
    expect(fresh.effective.categoryList.at(-1)).toEqual({ id: 'misquote', label: 'Misquote', builtIn: false });
    expect(fresh.lockedBy).toEqual({});
    expect(fresh.source).toMatchObject({ team: 'team', endpoint: 'team', attachPrompt: 'team', required: 'team', categories: 'team' });

    const changed = mergeSettings({ endpoint: MY_ENDPOINT, attachPrompt: false }, t, null);
    expect(changed.effective.endpoint).toEqual(MY_ENDPOINT);
    expect(changed.effective.attachPrompt).toBe(false);
    expect(changed.source).toMatchObject({ endpoint: 'member', attachPrompt: 'member' });
  });

  it('a setting the team locks beats the member', () => {
    const t = team({ endpoint: TEAM_ENDPOINT, attachPrompt: false, required: { correction: true }, locked: ['endpoint', 'attachPrompt', 'required', 'team'] });
    const m = mergeSettings({ endpoint: MY_ENDPOINT, attachPrompt: true, required: DEFAULT_REQUIRED, team: { id: 'mine', name: 'Mine' } }, t, null);
    expect(m.effective.endpoint).toEqual(TEAM_ENDPOINT);
    expect(m.effective.attachPrompt).toBe(false);
    expect(m.effective.required).toEqual({ comment: false, correction: true, category: true });
    expect(m.effective.team).toEqual({ id: 'factcheck', name: 'Fact-check' });
    expect(m.lockedBy).toEqual({ endpoint: 'team', attachPrompt: 'team', required: 'team', team: 'team' });
  });

  it('the organisation beats the team, locked or not, and the member; everything it sets is locked', () => {
    const t = team({ endpoint: TEAM_ENDPOINT, attachPrompt: true, categories: { mode: 'add', items: [{ id: 'x', label: 'X' }] }, locked: ['endpoint', 'attachPrompt'] });
    const org = policy({ team: { id: 'corp', name: 'Corp' }, endpoint: ORG_ENDPOINT, attachPrompt: false, categories: { mode: 'replace', items: [{ id: 'y', label: 'Y' }] } });
    const m = mergeSettings({ endpoint: MY_ENDPOINT, attachPrompt: true }, t, org);
    expect(m.effective.team).toEqual({ id: 'corp', name: 'Corp' });
    expect(m.effective.endpoint).toEqual(ORG_ENDPOINT);
    expect(m.effective.attachPrompt).toBe(false);
    expect(m.effective.categoryList).toEqual([{ id: 'y', label: 'Y', builtIn: false }]);
    expect(m.lockedBy).toEqual({ team: 'organisation', endpoint: 'organisation', attachPrompt: 'organisation', categories: 'organisation' });
    expect(m.source).toMatchObject({ team: 'organisation', endpoint: 'organisation', required: 'default', reporterId: 'default' });
  });

  it('an organisation policy alone locks what it sets and leaves the rest to the member', () => {
    const m = mergeSettings({ endpoint: MY_ENDPOINT, attachPrompt: true }, null, policy({ attachPrompt: false }));
    expect(m.effective.attachPrompt).toBe(false);
    expect(m.effective.endpoint).toEqual(MY_ENDPOINT);
    expect(m.lockedBy).toEqual({ attachPrompt: 'organisation' });
  });

  it('the reporter id: asked by the team, declinable unless locked; organisation decides when it sets it', () => {
    const asks = team({ reporterId: true });
    expect(mergeSettings({}, asks, null).effective.reporterId).toBe(true);
    const declined = mergeSettings({ reporterId: false }, asks, null);
    expect(declined.effective.reporterId).toBe(false);
    expect(declined.source.reporterId).toBe('member');

    const locked = mergeSettings({ reporterId: false }, team({ reporterId: true, locked: ['reporterId'] }), null);
    expect(locked.effective.reporterId).toBe(true);
    expect(locked.lockedBy.reporterId).toBe('team');

    expect(mergeSettings({ reporterId: true }, team({ reporterId: false }), null).effective.reporterId).toBe(false);
    expect(mergeSettings({ reporterId: false }, asks, policy({ reporterId: true })).effective.reporterId).toBe(true);
    const orgOff = mergeSettings({}, asks, policy({ reporterId: false }));
    expect(orgOff.effective.reporterId).toBe(false);
    expect(orgOff.lockedBy.reporterId).toBe('organisation');
  });

  it('keeps the member team only when neither the organisation nor a team configuration sets one', () => {
    expect(mergeSettings({ team: { id: 'm', name: 'M' } }, null, null).effective.team).toEqual({ id: 'm', name: 'M' });
    expect(mergeSettings({ team: { id: 'm', name: 'M' } }, team(), null).effective.team?.id).toBe('factcheck');
  });
});

describe('joining and switching teams', () => {
  it('applyTeamConfigToMember makes the team values the member starting values', () => {
    const before: MemberSettings = { endpoint: MY_ENDPOINT, attachPrompt: false, reporterId: false };
    const t = team({ endpoint: TEAM_ENDPOINT, attachPrompt: true, reporterId: true });
    const after = applyTeamConfigToMember(before, t);
    expect(after).toEqual({ team: t.team, endpoint: TEAM_ENDPOINT, attachPrompt: true, reporterId: true });
    expect(mergeSettings(after, t, null).effective).toMatchObject({ endpoint: TEAM_ENDPOINT, attachPrompt: true, reporterId: true });
    // What the team does not set stays the member's.
    expect(applyTeamConfigToMember({ attachPrompt: true }, team()).attachPrompt).toBe(true);
  });

  it('teamConfigBlocked: the organisation pins the team; a team can forbid switching, never updating', () => {
    const a = team({ locked: ['team'] });
    const a2 = team({ attachPrompt: true });
    const b = parseTeamConfig({ schema: TEAM_CONFIG_SCHEMA, team: { id: 'other', name: 'Other' } });
    if (!b.ok) throw new Error('fixture');
    expect(teamConfigBlocked(null, null, b.config)).toBeNull();
    expect(teamConfigBlocked(a, null, a2)).toBeNull();
    expect(teamConfigBlocked(a, null, b.config)).toEqual({
      by: 'team',
      message: '"Fact-check" does not let members switch to another team\'s configuration. Leave "Fact-check" first if you want to join "Other".',
    });
    expect(teamConfigBlocked(team(), null, b.config)).toBeNull();
    const org = policy({ team: { id: 'factcheck', name: 'Fact-check' } });
    expect(teamConfigBlocked(null, org, a2)).toBeNull();
    expect(teamConfigBlocked(null, org, b.config)).toEqual({
      by: 'organisation',
      message: 'Your organisation has set the team to "Fact-check" for this browser; a configuration for "Other" cannot replace it.',
    });
  });
});

// ---------------------------------------------------------------------------------------------
// public/managed_schema.json

const STALE = 'public/managed_schema.json is stale: run npx tsx scripts/managed-schema.ts';

/** Every schema node of the document with its path (property names are not keywords). */
function nodes(schema: Json, path = ''): [string, Json][] {
  const out: [string, Json][] = [[path || '(root)', schema]];
  for (const [k, v] of Object.entries((schema.properties ?? {}) as Record<string, Json>)) out.push(...nodes(v, path ? `${path}.${k}` : k));
  if (schema.items) out.push(...nodes(schema.items as Json, `${path}[]`));
  if (schema.additionalProperties && typeof schema.additionalProperties === 'object') out.push(...nodes(schema.additionalProperties as Json, `${path}{}`));
  return out;
}

/** Chrome's validation of a policy value against the schema (the subset it implements). */
function chromeValidate(value: unknown, schema: Json, path = ''): string[] {
  const t = schema.type as string;
  const ok =
    t === 'object' ? typeof value === 'object' && value !== null && !Array.isArray(value)
    : t === 'array' ? Array.isArray(value)
    : t === 'integer' ? Number.isInteger(value)
    : t === 'number' ? typeof value === 'number'
    : typeof value === t;
  if (!ok) return [`${path}: not ${t}`];
  const errs: string[] = [];
  if (t === 'object') {
    const v = value as Json;
    for (const r of (schema.required ?? []) as string[]) if (!(r in v)) errs.push(`${path}.${r}: required`);
    for (const [k, sub] of Object.entries((schema.properties ?? {}) as Record<string, Json>)) {
      if (k in v) errs.push(...chromeValidate(v[k], sub, `${path}.${k}`));
    }
  }
  if (t === 'array') (value as unknown[]).forEach((x, i) => errs.push(...chromeValidate(x, schema.items as Json, `${path}[${i}]`)));
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) errs.push(`${path}: not in enum`);
  // RE2 PartialMatch: unanchored, like RegExp#test.
  if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern).test(value as string)) errs.push(`${path}: pattern`);
  if (typeof schema.minimum === 'number' && (value as number) < schema.minimum) errs.push(`${path}: minimum`);
  if (typeof schema.maximum === 'number' && (value as number) > schema.maximum) errs.push(`${path}: maximum`);
  return errs;
}

function unwrapZod(s: z.ZodType): { inner: z.ZodType; optional: boolean } {
  let cur = s;
  let optional = false;
  for (;;) {
    if (cur instanceof z.ZodOptional) optional = true, (cur = cur.unwrap() as z.ZodType);
    else if (cur instanceof z.ZodDefault) optional = true, (cur = cur.unwrap() as z.ZodType);
    else return { inner: cur, optional };
  }
}

/** The zod schema and the JSON schema agree: same properties, compatible types, same required keys, same enums. */
function compare(zs: z.ZodType, js: Json, path: string): string[] {
  const { inner } = unwrapZod(zs);
  const t = js.type;
  const at = path || '(root)';
  if (inner instanceof z.ZodObject) {
    if (t !== 'object') return [`${at}: zod object, JSON ${String(t)}`];
    const shape = inner.shape as Record<string, z.ZodType>;
    const props = (js.properties ?? {}) as Record<string, Json>;
    const errs: string[] = [];
    for (const k of Object.keys(shape)) if (!(k in props)) errs.push(`${path}.${k}: in ManagedPolicySchema, missing from managed_schema.json`);
    for (const k of Object.keys(props)) if (!(k in shape)) errs.push(`${path}.${k}: in managed_schema.json, not in ManagedPolicySchema`);
    const required = Object.keys(shape).filter((k) => !unwrapZod(shape[k]!).optional).sort();
    // The top level has no "required" in Chrome's format: every policy is optional.
    if (path && JSON.stringify(required) !== JSON.stringify([...((js.required ?? []) as string[])].sort())) {
      errs.push(`${at}: required ${JSON.stringify(required)} in zod, ${JSON.stringify(js.required ?? [])} in JSON`);
    }
    if (!path && required.length) errs.push('(root): every policy must be optional');
    for (const k of Object.keys(shape)) if (k in props) errs.push(...compare(shape[k]!, props[k]!, path ? `${path}.${k}` : k));
    return errs;
  }
  if (inner instanceof z.ZodArray) {
    if (t !== 'array') return [`${at}: zod array, JSON ${String(t)}`];
    return compare(inner.element as z.ZodType, js.items as Json, `${path}[]`);
  }
  if (inner instanceof z.ZodEnum) {
    if (t !== 'string') return [`${at}: zod enum, JSON ${String(t)}`];
    return JSON.stringify(inner.options) === JSON.stringify(js.enum) ? [] : [`${at}: enum differs`];
  }
  if (inner instanceof z.ZodString) return t === 'string' ? [] : [`${at}: zod string, JSON ${String(t)}`];
  if (inner instanceof z.ZodBoolean) return t === 'boolean' ? [] : [`${at}: zod boolean, JSON ${String(t)}`];
  if (inner instanceof z.ZodNumber) {
    const int = inner.format === 'safeint' || inner.format === 'int32';
    return t === (int ? 'integer' : 'number') ? [] : [`${at}: zod ${int ? 'integer' : 'number'}, JSON ${String(t)}`];
  }
  return [`${at}: a zod type the managed schema cannot express (${inner.constructor.name})`];
}

/** The committed file, which is what ships: the checks below run on it, not on the generator's output. */
function shipped(): Json {
  if (!existsSync(MANAGED_SCHEMA_PATH)) expect.fail(`${STALE} (the file is missing)`);
  return JSON.parse(readFileSync(MANAGED_SCHEMA_PATH, 'utf8')) as Json;
}

describe('public/managed_schema.json', () => {
  const file = existsSync(MANAGED_SCHEMA_PATH) ? shipped() : null;

  it('is what scripts/managed-schema.ts generates from ManagedPolicySchema', () => {
    if (!file) expect.fail(`${STALE} (the file is missing)`);
    expect(readFileSync(MANAGED_SCHEMA_PATH, 'utf8'), STALE).toBe(managedSchemaJson());
  });

  it('follows Chrome’s rules: a top-level object without additionalProperties, one supported type per schema, known keywords only', () => {
    const doc = shipped();
    expect(doc.type).toBe('object');
    expect(doc).not.toHaveProperty('additionalProperties');
    expect(doc).not.toHaveProperty('required');
    for (const [path, node] of nodes(doc)) {
      for (const key of Object.keys(node)) expect(CHROME_SCHEMA_KEYWORDS, `${path}: "${key}"`).toContain(key);
      if ('$ref' in node) expect(node, `${path}: $ref must point at an id in this file`).not.toHaveProperty('type');
      else expect(CHROME_SCHEMA_TYPES, `${path}: type`).toContain(node.type);
      if ('additionalProperties' in node) expect(typeof node.additionalProperties, path).toBe('object');
      if ('properties' in node) expect(node.type, path).toBe('object');
      if ('items' in node) expect(node.type, path).toBe('array');
      if ('pattern' in node) {
        expect(node.type, path).toBe('string');
        // Anchored (Chrome's RE2 match is partial), and no syntax RE2 lacks (lookaround, backreferences).
        expect(node.pattern, path).toMatch(/^\^.*\$$/);
        expect(node.pattern, path).not.toMatch(/\(\?[=!<]|\\[1-9]/);
      }
      if ('enum' in node) expect((node.enum as unknown[]).every((v) => typeof v === 'string' || Number.isInteger(v)), path).toBe(true);
      if ('minimum' in node || 'maximum' in node) expect(['integer', 'number'], path).toContain(node.type);
      if ('sensitiveValue' in node) expect(node.sensitiveValue, path).toBe(true);
      if ('required' in node) expect(Array.isArray(node.required), path).toBe(true);
    }
    expect(JSON.stringify(doc)).not.toMatch(/"\$schema"|"\$defs"|"definitions"/);
  });

  it('has every key of ManagedPolicySchema with a compatible type, and nothing else', () => {
    expect(compare(ManagedPolicySchema, shipped(), '')).toEqual([]);
    expect(Object.keys(shipped().properties as Json).sort()).toEqual([...TEAM_SETTINGS].sort());
  });

  it('marks the token and the header value as sensitive (hidden in chrome://policy)', () => {
    const endpoint = (shipped().properties as Record<string, Json>).endpoint!;
    const props = endpoint.properties as Record<string, Json>;
    expect(props.token!.sensitiveValue).toBe(true);
    expect(((props.header!.properties as Record<string, Json>).value as Json).sensitiveValue).toBe(true);
  });

  it('agrees with the zod schema on sample policies Chrome would publish or drop', () => {
    const doc = shipped();
    const good = {
      team: { id: 'corp-it', name: 'Corp IT' },
      endpoint: { url: 'https://c.example/r', token: 't', header: { name: 'X-Org', value: 'v' }, batchSize: 10, timeoutSeconds: 60 },
      categories: { mode: 'add', items: [{ id: 'x', label: 'X', description: 'd' }] },
      required: { comment: true, correction: false, category: true },
      attachPrompt: false,
      reporterId: true,
    };
    expect(chromeValidate(good, doc)).toEqual([]);
    expect(parseManagedPolicy(good).ok).toBe(true);
    // Values Chrome refuses are refused by the zod schema too.
    for (const bad of [
      { team: { id: 'Corp IT', name: 'x' } },
      { team: { id: 'corp' } },
      { endpoint: { url: 'https://c.example', batchSize: 0 } },
      { endpoint: { url: 'https://c.example', timeoutSeconds: 61 } },
      { endpoint: { url: 'https://c.example', header: { name: 'Bad Name', value: 'v' } } },
      { endpoint: { token: 't' } },
      { categories: { mode: 'merge', items: [{ id: 'x', label: 'X' }] } },
      { categories: { mode: 'add', items: [{ id: 'X', label: 'X' }] } },
      { required: { comment: 'yes' } },
      { attachPrompt: 1 },
      { reporterId: 'true' },
    ]) {
      expect(chromeValidate(bad, doc), JSON.stringify(bad)).not.toEqual([]);
      expect(parseManagedPolicy(bad).ok, JSON.stringify(bad)).toBe(false);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// docs/team.md examples

/** The ```json block after each `<!-- example: kind -->` marker. */
function examples(markdown: string): { kind: string; json: string }[] {
  const marker = /<!--\s*example:\s*([\w-]+)\s*-->\s*\n```json\n([\s\S]*?)\n```/g;
  return [...markdown.matchAll(marker)].map((m) => ({ kind: m[1]!, json: m[2]! }));
}

describe('docs/team.md', () => {
  const doc = readFileSync(DOC_PATH, 'utf8');
  const all = examples(doc);

  it('has a team configuration example that parses with every setting', () => {
    const configs = all.filter((e) => e.kind === 'team-config');
    expect(configs.length).toBeGreaterThan(0);
    for (const e of configs) {
      const r = parseTeamConfig(e.json);
      expect(r.ok ? [] : r.errors).toEqual([]);
    }
    const first = JSON.parse(configs[0]!.json) as Json;
    for (const k of TEAM_SETTINGS) expect(first, `the full example sets ${k}`).toHaveProperty(k);
  });

  it('has Chrome policy examples that Chrome and the extension both accept', () => {
    const policies = all.filter((e) => e.kind === 'chrome-policy');
    expect(policies.length).toBeGreaterThan(0);
    for (const e of policies) {
      const file = JSON.parse(e.json) as { '3rdparty': { extensions: Record<string, unknown> } };
      const values = Object.values(file['3rdparty'].extensions);
      expect(values.length).toBe(1);
      expect(chromeValidate(values[0], shipped())).toEqual([]);
      expect(parseManagedPolicy(values[0])).toMatchObject({ ok: true });
    }
  });

  it('has a Firefox policies.json example the extension accepts', () => {
    for (const e of all.filter((x) => x.kind === 'firefox-policy')) {
      const file = JSON.parse(e.json) as { policies: { '3rdparty': { Extensions: Record<string, unknown> } } };
      const [id, value] = Object.entries(file.policies['3rdparty'].Extensions)[0]!;
      expect(id).toBe('behind-the-answer@behindtheanswer.org');
      expect(parseManagedPolicy(value)).toMatchObject({ ok: true });
    }
  });
});
