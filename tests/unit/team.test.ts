/**
 * Team configurations: the schema, its errors in words (exact texts: they are the UI), the
 * configuration link, the categories the flag form offers, and the reporter id.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FLAG_CATEGORIES, FLAG_LABELS } from '../../lib/flags';
import {
  DEFAULT_LINK_BASE,
  effectiveCategories,
  MAX_TEAM_CONFIG_BYTES,
  newReporterId,
  parseTeamConfig,
  parseTeamConfigLink,
  REPORTER_ID_PATTERN,
  TEAM_CONFIG_SCHEMA,
  teamConfigLink,
  type TeamConfig,
} from '../../lib/team';

const S = TEAM_CONFIG_SCHEMA;
const minimal = { schema: S, team: { id: 'qa-team', name: 'QA team' } };
const full = {
  schema: S,
  team: { id: 'newsroom-factcheck', name: 'Newsroom fact-check' },
  endpoint: {
    url: 'https://reports.example.org/api/reports',
    token: 'team-token-123',
    header: { name: 'X-Team', value: 'factcheck' },
    batchSize: 50,
    timeoutSeconds: 30,
  },
  categories: {
    mode: 'add',
    items: [
      { id: 'wrong-date', label: 'Wrong date', description: 'A date or a time that is not right.' },
      { id: 'misquote', label: 'Misquotes someone' },
    ],
  },
  required: { comment: true },
  attachPrompt: true,
  reporterId: true,
  locked: ['endpoint', 'categories'],
};

function errorsOf(raw: unknown): string[] {
  const r = parseTeamConfig(raw);
  if (r.ok) throw new Error(`expected errors, got a config: ${JSON.stringify(r.config)}`);
  return r.errors;
}
function configOf(raw: unknown): TeamConfig {
  const r = parseTeamConfig(raw);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.config;
}
const withField = (patch: Record<string, unknown>) => ({ ...minimal, ...patch });

describe('parseTeamConfig: valid configurations', () => {
  it('accepts the smallest configuration and fills the defaults', () => {
    expect(configOf(minimal)).toEqual({ ...minimal, locked: [] });
  });

  it('accepts a full configuration, as an object or as the text of a file', () => {
    const a = configOf(full);
    const b = configOf(JSON.stringify(full, null, 2));
    expect(a).toEqual(b);
    expect(a.endpoint).toEqual(full.endpoint);
    expect(a.required).toEqual({ comment: true, correction: false, category: true });
    expect(a.locked).toEqual(['endpoint', 'categories']);
  });

  it('fills the endpoint defaults like the settings do', () => {
    expect(configOf(withField({ endpoint: { url: 'https://r.example.org/x' } })).endpoint).toEqual({
      url: 'https://r.example.org/x',
      batchSize: 100,
      timeoutSeconds: 20,
    });
  });

  it('accepts a byte order mark, http://localhost, replace mode with built-in ids, and names in any script', () => {
    const c = configOf(
      `\uFEFF${JSON.stringify({
        schema: S,
        team: { id: 'ru-1', name: 'Команда проверки 事实核查 فريق' },
        endpoint: { url: 'http://localhost:8787/reports' },
        categories: { mode: 'replace', items: [{ id: 'unsafe', label: 'Небезопасно' }, { id: 'other', label: 'Другое' }] },
        required: { comment: true, correction: true, category: false },
        locked: ['team', 'required'],
      })}`,
    );
    expect(c.team.name).toBe('Команда проверки 事实核查 فريق');
    expect(c.categories?.items.map((i) => i.id)).toEqual(['unsafe', 'other']);
  });

  it('trims names and labels', () => {
    const c = configOf(withField({ team: { id: 'a', name: '  A team ' }, categories: { mode: 'add', items: [{ id: 'x', label: ' X ' }] } }));
    expect(c.team.name).toBe('A team');
    expect(c.categories?.items[0]?.label).toBe('X');
  });
});

describe('parseTeamConfig: errors, word for word', () => {
  const cases: [string, unknown, string[]][] = [
    ['an empty file', '   ', ['The file is empty.']],
    ['a list', '[1, 2]', ['A team configuration is a JSON object { … } (got a list).']],
    ['a number', 42, ['A team configuration is a JSON object { … } (got 42).']],
    ['null', null, ['A team configuration is a JSON object { … } (got null).']],
    ['no schema', { team: minimal.team }, ['schema: this file is for behind-the-answer.team/1 (got nothing)']],
    [
      'another kind of file',
      { schema: 'behind-the-answer.reports/1', reports: [] },
      ['schema: this file is for behind-the-answer.team/1 (got "behind-the-answer.reports/1")'],
    ],
    [
      'a later version (and nothing else is reported)',
      { schema: 'behind-the-answer.team/2', team: { id: 'BAD ID' } },
      [
        'schema: this file is for behind-the-answer.team/1 (got "behind-the-answer.team/2"); it was written for another version of the extension: update the extension, or ask the team for a version 1 file',
      ],
    ],
    ['no team', { schema: S }, ['team: missing (it should be an object { … })']],
    [
      'a team id with capitals and spaces',
      withField({ team: { id: 'QA Team', name: 'QA' } }),
      ['team.id: use lowercase letters, digits and hyphens (got "QA Team")'],
    ],
    [
      'a team id too long',
      withField({ team: { id: 'a'.repeat(65), name: 'QA' } }),
      [`team.id: use lowercase letters, digits and hyphens (got "${'a'.repeat(57)}…")`],
    ],
    ['an empty team name', withField({ team: { id: 'qa', name: '  ' } }), ['team.name: must not be empty']],
    ['a team name too long', withField({ team: { id: 'qa', name: 'n'.repeat(81) } }), ['team.name: at most 80 characters (got 81)']],
    ['a team name that is a number', withField({ team: { id: 'qa', name: 7 } }), ['team.name: should be text (got 7)']],
    ['a team id missing', withField({ team: { name: 'QA' } }), ['team.id: missing (it should be text)']],
    [
      'a misspelt field',
      withField({ attachPromt: true }),
      ['unknown field "attachPromt" (did you mean "attachPrompt"?)'],
    ],
    ['an unknown field', withField({ colour: 'red' }), ['unknown field "colour"']],
    [
      'a plain http endpoint',
      withField({ endpoint: { url: 'http://reports.example.org' } }),
      ['endpoint.url: The address must start with https:// (plain http:// is allowed only for localhost and 127.0.0.1), not http://.'],
    ],
    [
      'an endpoint that is not an address',
      withField({ endpoint: { url: 'reports' } }),
      ['endpoint.url: This is not a web address. It should look like https://reports.example.org/api/reports.'],
    ],
    [
      'credentials in the endpoint address',
      withField({ endpoint: { url: 'https://u:p@reports.example.org' } }),
      ['endpoint.url: Put credentials in the token field, not in the address.'],
    ],
    [
      'endpoint numbers out of range, a misspelt token and a reserved header',
      withField({
        endpoint: { url: 'https://r.example.org', batchSize: 2.5, timeoutSeconds: 0, tokn: 'x', header: { name: 'Authorization', value: 'x' } },
      }),
      [
        'endpoint.header.name: This header is set by the extension itself.',
        'endpoint.batchSize: should be a whole number (got 2.5)',
        'endpoint.timeoutSeconds: at least 1 (got 0)',
        'endpoint: unknown field "tokn" (did you mean "token"?)',
      ],
    ],
    [
      'a built-in category id in add mode',
      withField({ categories: { mode: 'add', items: [{ id: 'ok', label: 'OK' }, { id: 'fine', label: 'Fine' }, { id: 'unsafe', label: 'Unsafe' }] } }),
      ['categories.items.2.id: "unsafe" is already a built-in category; use mode "replace" or another id'],
    ],
    [
      'a category listed twice',
      withField({ categories: { mode: 'replace', items: [{ id: 'a', label: 'A' }, { id: 'a', label: 'Also A' }] } }),
      ['categories.items.1.id: "a" is listed twice'],
    ],
    [
      'an unknown mode and no categories',
      withField({ categories: { mode: 'merge', items: [] } }),
      ['categories.mode: should be "add" or "replace" (got "merge")', 'categories.items: needs at least 1 item'],
    ],
    [
      'too many categories',
      withField({ categories: { mode: 'replace', items: Array.from({ length: 21 }, (_, i) => ({ id: `c${i}`, label: `C${i}` })) } }),
      ['categories.items: at most 20 items (got 21)'],
    ],
    [
      'a category without a label, one with a bad id, and a long description',
      withField({ categories: { mode: 'add', items: [{ id: 'x' }, { id: 'Wrong Date', label: 'Wrong date' }, { id: 'y', label: 'Y', description: 'd'.repeat(201) }] } }),
      [
        'categories.items.0.label: missing (it should be text)',
        'categories.items.1.id: use lowercase letters, digits and hyphens (got "Wrong Date")',
        'categories.items.2.description: at most 200 characters (got 201)',
      ],
    ],
    [
      'required fields that are not true or false',
      withField({ required: { comment: 'yes', title: true } }),
      ['required.comment: should be true or false (got "yes")', 'required: unknown field "title"'],
    ],
    ['attachPrompt as a string', withField({ attachPrompt: 'true' }), ['attachPrompt: should be true or false (got "true")']],
    [
      'an unknown locked setting',
      withField({ locked: ['team', 'privacy'] }),
      ['locked.1: should be one of "endpoint", "categories", "required", "attachPrompt", "reporterId", "team" (got "privacy")'],
    ],
    [
      'a locked setting the configuration does not set',
      withField({ locked: ['attachPrompt'] }),
      ['locked.0: "attachPrompt" is locked but this configuration does not set it'],
    ],
    ['a setting locked twice', withField({ locked: ['team', 'team'] }), ['locked.1: "team" is listed twice']],
    ['locked as a string', withField({ locked: 'endpoint' }), ['locked: should be a list [ … ] (got "endpoint")']],
  ];

  for (const [what, raw, expected] of cases) {
    it(what, () => {
      expect(errorsOf(raw)).toEqual(expected);
    });
  }

  it('says where the JSON is broken', () => {
    const [err, ...rest] = errorsOf('{"schema": "behind-the-answer.team/1", }');
    expect(rest).toEqual([]);
    expect(err).toMatch(/^Not JSON: /);
    let native = '';
    try {
      JSON.parse('{"schema": "behind-the-answer.team/1", }');
    } catch (e) {
      native = (e as Error).message;
    }
    expect(err).toBe(`Not JSON: ${native}`);
  });

  it('refuses more than 64 KB, as text or as an object, before parsing', () => {
    const big = JSON.stringify({ ...minimal, padding: 'x'.repeat(MAX_TEAM_CONFIG_BYTES) });
    expect(errorsOf(big)).toEqual([
      'The configuration is 64.1 KB; the limit is 64 KB. A team configuration is a few hundred bytes: is this the right file?',
    ]);
    expect(errorsOf(JSON.parse(big))[0]).toMatch(/^The configuration is 64\.1 KB; the limit is 64 KB\./);
    // Counted in UTF-8 bytes, not characters: 30,000 three-byte characters are 88 KB.
    expect(errorsOf(`"${'事'.repeat(30_000)}"`)[0]).toMatch(/^The configuration is 87\.9 KB/);
  });
});

describe('configuration links', () => {
  const config = configOf(full);

  it('puts the configuration in the fragment, never in the query', () => {
    const link = teamConfigLink(config);
    expect(link.startsWith(`${DEFAULT_LINK_BASE}#config=`)).toBe(true);
    const u = new URL(link);
    expect(u.search).toBe('');
    expect(u.hash.slice('#config='.length)).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('round-trips, with the default base, a team page, and the options page', () => {
    for (const base of [undefined, 'https://factcheck.example.org/join-us', 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/options.html']) {
      expect(parseTeamConfigLink(teamConfigLink(config, base))).toEqual({ ok: true, config });
    }
  });

  it('replaces a fragment the base already has', () => {
    expect(teamConfigLink(config, 'https://x.example/join#old').startsWith('https://x.example/join#config=')).toBe(true);
  });

  it('round-trips Unicode in every script, including characters outside the BMP', () => {
    const names = ['Équipe vérification', 'Команда', '事实核查小组', 'فريق التحقق', 'צוות', 'टीम जाँच', 'チーム🔎✅', 'Ελληνικά'];
    for (const name of names) {
      const c = configOf({ ...minimal, team: { id: 'intl', name }, categories: { mode: 'replace', items: [{ id: 'x', label: `${name} ✓` }] } });
      const r = parseTeamConfigLink(teamConfigLink(c));
      expect(r).toEqual({ ok: true, config: c });
    }
  });

  it('accepts a percent-encoded fragment, other fragment parameters, padding and a trailing full stop', () => {
    const link = teamConfigLink(config);
    const code = link.split('#config=')[1]!;
    const padded = code + '='.repeat((4 - (code.length % 4)) % 4);
    const std = code.replace(/-/g, '+').replace(/_/g, '/');
    for (const l of [
      `${DEFAULT_LINK_BASE}#from=chat&config=${encodeURIComponent(code)}`,
      `${DEFAULT_LINK_BASE}#config=${padded}`,
      `${DEFAULT_LINK_BASE}#config=${encodeURIComponent(std)}`,
      `${link}.`,
      `  ${link}\n`,
    ]) {
      expect(parseTeamConfigLink(l)).toEqual({ ok: true, config });
    }
  });

  it('explains links without a configuration', () => {
    const none = ['This link has no configuration in it. A configuration link ends with #config= followed by a long code.'];
    expect(parseTeamConfigLink('https://behindtheanswer.org/join')).toEqual({ ok: false, errors: none });
    expect(parseTeamConfigLink('https://behindtheanswer.org/join#config=')).toEqual({ ok: false, errors: none });
    expect(parseTeamConfigLink('https://behindtheanswer.org/join#section-2')).toEqual({ ok: false, errors: none });
    expect(parseTeamConfigLink('https://behindtheanswer.org/join?config=abc')).toEqual({
      ok: false,
      errors: ['The configuration is in the wrong part of this link (after ? instead of #). Ask the team for a new link.'],
    });
    expect(parseTeamConfigLink('team config please')).toEqual({
      ok: false,
      errors: ['This is not a link. Paste the whole address, starting with https://.'],
    });
    expect(parseTeamConfigLink('javascript:alert(1)#config=e30')).toEqual({
      ok: false,
      errors: ['This is not a configuration link (it starts with javascript:, not https:).'],
    });
  });

  it('says a damaged link is damaged: cut short, not base64url, not UTF-8, not JSON', () => {
    const damaged = {
      ok: false,
      errors: ['The configuration in this link is damaged (not base64url JSON). Ask for the link again, and copy all of it.'],
    };
    const link = teamConfigLink(config);
    const b64 = (s: string) => btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    expect(parseTeamConfigLink(link.slice(0, -10))).toEqual(damaged);
    expect(parseTeamConfigLink(`${DEFAULT_LINK_BASE}#config=not*base64!`)).toEqual(damaged);
    expect(parseTeamConfigLink(`${DEFAULT_LINK_BASE}#config=A`)).toEqual(damaged);
    expect(parseTeamConfigLink(`${DEFAULT_LINK_BASE}#config=${b64('\xff\xfe{}')}`)).toEqual(damaged);
    expect(parseTeamConfigLink(`${DEFAULT_LINK_BASE}#config=${b64('{"schema":')}`)).toEqual(damaged);
    expect(parseTeamConfigLink(`${DEFAULT_LINK_BASE}#config=%E0%A4%A`)).toEqual(damaged);
  });

  it('validates the configuration in a link like a file', () => {
    const link = teamConfigLink({ ...minimal, team: { id: 'Bad', name: 'x' } } as never);
    expect(parseTeamConfigLink(link)).toEqual({
      ok: false,
      errors: ['team.id: use lowercase letters, digits and hyphens (got "Bad")'],
    });
    expect(parseTeamConfigLink(teamConfigLink({ schema: 'x' } as never))).toEqual({
      ok: false,
      errors: ['schema: this file is for behind-the-answer.team/1 (got "x")'],
    });
  });

  it('refuses an oversized link before decoding it', () => {
    const r = parseTeamConfigLink(`${DEFAULT_LINK_BASE}#config=${'A'.repeat(100_000)}`);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors[0]).toMatch(/^The configuration is 73\.2 KB; the limit is 64 KB\./);
  });
});

describe('effectiveCategories', () => {
  const builtIn = FLAG_CATEGORIES.map((id) => ({ id, label: FLAG_LABELS[id], builtIn: true }));

  it('is the built-in list without a team, or when the team sets no categories', () => {
    expect(effectiveCategories(null)).toEqual(builtIn);
    expect(effectiveCategories(configOf(minimal))).toEqual(builtIn);
  });

  it('appends the team categories in add mode, with their descriptions', () => {
    expect(effectiveCategories(configOf(full))).toEqual([
      ...builtIn,
      { id: 'wrong-date', label: 'Wrong date', description: 'A date or a time that is not right.', builtIn: false },
      { id: 'misquote', label: 'Misquotes someone', builtIn: false },
    ]);
  });

  it('uses only the team categories in replace mode, even ids that are built in', () => {
    const c = configOf(withField({ categories: { mode: 'replace', items: [{ id: 'unsafe', label: 'Dangerous' }, { id: 'ok', label: 'OK' }] } }));
    expect(effectiveCategories(c)).toEqual([
      { id: 'unsafe', label: 'Dangerous', builtIn: false },
      { id: 'ok', label: 'OK', builtIn: false },
    ]);
  });
});

describe('newReporterId', () => {
  it('is "r-" and 20 base32 characters', () => {
    for (let i = 0; i < 50; i++) expect(newReporterId()).toMatch(REPORTER_ID_PATTERN);
  });

  it('is random every time (rotation gives a new one)', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newReporterId()));
    expect(ids.size).toBe(1000);
  });

  it('comes only from the random source, byte for byte', () => {
    const zeros = newReporterId((b) => b.fill(0));
    expect(zeros).toBe(`r-${'a'.repeat(20)}`);
    const ramp = newReporterId((b) => b.map((_, i) => i + 32 * 5));
    expect(ramp).toBe('r-abcdefghijklmnopqrst');
    let asked = 0;
    newReporterId((b) => ((asked = b.length), b));
    expect(asked).toBe(20);
  });

  it('takes no input about the person', () => {
    // Its only parameter is the random source: nothing to derive an id from.
    expect(newReporterId.length).toBe(0);
    const src = readFileSync(resolve(dirname(fileURLToPath(import.meta.url)), '../../lib/team.ts'), 'utf8');
    const body = src.slice(src.indexOf('export function newReporterId'));
    expect(body).not.toMatch(/navigator|Date\.now|storage|runtime\.id|userAgent/);
  });
});
