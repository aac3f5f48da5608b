/**
 * Every locale carries exactly the English keys, with the same placeholders, and nothing
 * empty; t() answers in English here (the fake browser has no i18n API).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { t } from '../../lib/i18n';
import { english, formatMessage } from '../../lib/i18n-core';
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

  it.each(LOCALES.filter((l) => l !== 'en'))('%s: has exactly the English keys', (locale) => {
    const keys = new Set(Object.keys(load(locale)));
    const missing = Object.keys(en).filter((k) => !keys.has(k));
    const extra = [...keys].filter((k) => !(k in en));
    expect({ locale, missing, extra }).toEqual({ locale, missing: [], extra: [] });
  });

  it.each(LOCALES)('%s: no empty messages', (locale) => {
    const empty = Object.entries(load(locale))
      .filter(([, e]) => !e.message.trim())
      .map(([k]) => k);
    expect(empty).toEqual([]);
  });

  it.each(LOCALES.filter((l) => l !== 'en'))('%s: placeholders match English key by key', (locale) => {
    const messages = load(locale);
    const wrong = Object.keys(en)
      .filter((k) => messages[k])
      .filter((k) => placeholders(messages[k]!).join() !== placeholders(en[k]!).join())
      .map((k) => `${k}: ${placeholders(messages[k]!).join(' ')} ≠ ${placeholders(en[k]!).join(' ')}`);
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

  it('follows Chrome’s substitution rules', () => {
    expect(formatMessage({ message: 'Pay $$5 to $WHO$', placeholders: { who: { content: '$1' } } }, ['Ana'])).toBe('Pay $5 to Ana');
    expect(formatMessage({ message: '$1 and $2' }, ['a', 'b'])).toBe('a and b');
    expect(english('time_justNow')).toBe('just now');
  });
});
