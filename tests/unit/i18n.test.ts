/**
 * Every locale carries exactly the English keys, with the same placeholders, and nothing
 * empty; a count sentence (`<base>_other` in English) comes in exactly the plural categories
 * the locale's own rules have. t() answers in English here (the fake browser has no i18n API).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { t, tn } from '../../lib/i18n';
import { english, formatMessage, pluralLookup } from '../../lib/i18n-core';
import { FLAG_LABELS, flagLabel } from '../../lib/flags';

const DIR = join(__dirname, '../../public/_locales');
const LOCALES = ['en', 'es', 'fr', 'de', 'pt_BR', 'hi', 'sw', 'zh_CN', 'ja'];
type Entry = { message: string; description?: string; placeholders?: Record<string, { content: string }> };
type Messages = Record<string, Entry>;

function load(locale: string): Messages {
  return JSON.parse(readFileSync(join(DIR, locale, 'messages.json'), 'utf8')) as Messages;
}

/** Named placeholders used in the message with their contents, and bare $1…$9 outside them. */
function placeholders(e: Entry): string[] {
  const named = [...e.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => {
    const ph = Object.entries(e.placeholders ?? {}).find(([k]) => k.toLowerCase() === m[1]!.toLowerCase());
    return `${m[1]!.toLowerCase()}=${ph?.[1].content ?? '(undefined)'}`;
  });
  const bare = [...e.message.replace(/\$[A-Za-z0-9_@]+\$/g, '').matchAll(/\$([1-9])/g)].map((m) => `$${m[1]}`);
  return [...new Set([...named, ...bare])].sort();
}

const en = load('en');

/** Count sentences, by their base: English has both `<base>_one` and `<base>_other` (flag_other is no count). */
const PLURAL_BASES = Object.keys(en)
  .filter((k) => k.endsWith('_other'))
  .map((k) => k.slice(0, -'_other'.length))
  .filter((b) => `${b}_one` in en);
const CATEGORY = /_(zero|one|two|few|many|other)$/;
const pluralBase = (key: string) => {
  const base = key.replace(CATEGORY, '');
  return base !== key && PLURAL_BASES.includes(base) ? base : null;
};
const categories = (locale: string) => new Intl.PluralRules(locale.replace('_', '-')).resolvedOptions().pluralCategories.slice().sort();

/** What a locale must have: English's plain keys, and each count sentence in its own categories. */
function expectedKeys(locale: string): string[] {
  const plain = Object.keys(en).filter((k) => !pluralBase(k));
  const plural = PLURAL_BASES.flatMap((b) => categories(locale).map((c) => `${b}_${c}`));
  return [...plain, ...plural].sort();
}

describe('locales', () => {
  it('has exactly the expected locale folders', () => {
    expect(readdirSync(DIR).sort()).toEqual([...LOCALES].sort());
  });

  it.each(LOCALES)('%s: messages.json is valid JSON of {message} entries', (locale) => {
    const raw = readFileSync(join(DIR, locale, 'messages.json'), 'utf8');
    expect(() => JSON.parse(raw)).not.toThrow();
    for (const [key, e] of Object.entries(load(locale))) {
      expect(key, 'Chrome allows only ASCII letters, digits and _ in keys').toMatch(/^[A-Za-z0-9_]+$/);
      expect(typeof e.message, `${locale}.${key}`).toBe('string');
    }
  });

  it.each(LOCALES)('%s: lacks no key English has', (locale) => {
    const keys = new Set(Object.keys(load(locale)));
    expect(expectedKeys(locale).filter((k) => !keys.has(k))).toEqual([]);
  });

  it.each(LOCALES)('%s: has no key English lacks (beyond its own plural categories)', (locale) => {
    const expected = new Set(expectedKeys(locale));
    expect(Object.keys(load(locale)).filter((k) => !expected.has(k))).toEqual([]);
  });

  it('has count sentences, each with at least an "other" form', () => {
    expect(PLURAL_BASES).toContain('outbox_deleted');
    for (const locale of LOCALES) expect(categories(locale)).toContain('other');
    // The rules the locales rely on: if the runtime's data changed, the files must follow.
    expect(categories('fr')).toEqual(['many', 'one', 'other']);
    expect(categories('ja')).toEqual(['other']);
  });

  it.each(LOCALES)('%s: no empty messages', (locale) => {
    const empty = Object.entries(load(locale))
      .filter(([, e]) => !e.message.trim())
      .map(([k]) => k);
    expect(empty).toEqual([]);
  });

  it.each(LOCALES)('%s: placeholders match English key by key', (locale) => {
    const messages = load(locale);
    // Every form of a count sentence says what English's "other" form says.
    const english = (k: string) => en[pluralBase(k) ? `${pluralBase(k)}_other` : k];
    const wrong = Object.keys(messages)
      .filter((k) => english(k))
      .filter((k) => placeholders(messages[k]!).join() !== placeholders(english(k)!).join())
      .map((k) => `${k}: ${placeholders(messages[k]!).join(' ')} ≠ ${placeholders(english(k)!).join(' ')}`);
    expect(wrong).toEqual([]);
  });

  it.each(LOCALES)('%s: langTag is the folder’s BCP-47 tag', (locale) => {
    expect(load(locale).langTag?.message).toBe(locale.replace('_', '-'));
  });

  it.each(LOCALES)('%s: keeps the product name', (locale) => {
    expect(load(locale).extName?.message).toBe('Behind the Answer');
  });
});

describe('t()', () => {
  it('answers in English in the tests', () => {
    expect(t('panel_undo')).toBe('Undo');
    expect(t('panel_ratingQueued', 'reports.example.org')).toBe('Rating queued for reports.example.org.');
    expect(t('disclosure_badgePartly', 'Acme', 2, 5, 1)).toBe('Human work behind this answer (Acme): 2 of 5 disclosed, 1 in part');
  });

  it('labels the built-in flag categories', () => {
    expect(flagLabel('made-up-source')).toBe('Made-up source or citation');
    expect(FLAG_LABELS.other).toBe('Other');
    expect(Object.keys(FLAG_LABELS)).toHaveLength(9);
  });

  it('picks the count sentence by the language’s plural rules', () => {
    expect(tn('outbox_deleted', 1)).toBe('Deleted 1 report.');
    expect(tn('outbox_deleted', 0)).toBe('Deleted 0 reports.');
    expect(tn('outbox_exported', 4, 'a.csv')).toBe('Exported 4 reports to a.csv.');
    // French: 0 and 1 are "one", millions "many"; a form the locale lacks falls back to "other".
    const fr: Record<string, string> = { outbox_deleted_one: 'un:$1', outbox_deleted_many: 'beaucoup:$1', outbox_deleted_other: 'autre:$1' };
    const get = (k: string, subs?: string | string[]) => (fr[k] ?? '').replace('$1', String([subs].flat()[0]));
    expect(pluralLookup(get, 'fr', 'outbox_deleted', 0, [])).toBe('un:0');
    expect(pluralLookup(get, 'fr', 'outbox_deleted', 2, [])).toBe('autre:2');
    expect(pluralLookup(get, 'fr', 'outbox_deleted', 1_000_000, [])).toBe('beaucoup:1000000');
    expect(pluralLookup(get, 'ja', 'outbox_deleted', 1, [])).toBe('autre:1');
    delete fr.outbox_deleted_many;
    expect(pluralLookup(get, 'fr', 'outbox_deleted', 1_000_000, [])).toBe('autre:1000000');
    // No i18n API at all: English.
    expect(pluralLookup(undefined, 'en', 'outbox_deleted', 1, [])).toBe('Deleted 1 report.');
  });

  it('follows Chrome’s substitution rules', () => {
    expect(formatMessage({ message: 'Pay $$5 to $WHO$', placeholders: { who: { content: '$1' } } }, ['Ana'])).toBe('Pay $5 to Ana');
    expect(formatMessage({ message: '$1 and $2' }, ['a', 'b'])).toBe('a and b');
    expect(english('time_justNow')).toBe('just now');
  });
});
