/**
 * `t('key', …substitutions)`: interface text in the browser's language, from
 * public/_locales/<locale>/messages.json; English when the API is missing or has no answer.
 */
import { browser } from 'wxt/browser';
import { localized, lookup, pluralLookup, type Localized, type MessageKey, type PluralKey, type Sub } from './i18n-core';

export type { Localized, MessageKey, PluralKey } from './i18n-core';

function getMessage(key: string, subs?: string | string[]): string {
  return browser.i18n.getMessage(key as never, subs);
}

export function t(key: MessageKey, ...subs: Sub[]): string {
  // lookup() catches a missing API (browser undefined, or the tests' fake that throws).
  return lookup(getMessage, key, subs);
}


/** A count sentence: `tn('outbox_deleted', 3)` reads outbox_deleted_<category> with 3 as $1. */
export function tn(base: PluralKey, count: number, ...subs: Sub[]): string {
  return pluralLookup(getMessage, t('langTag'), base, count, subs);
}

/** A message stored as key and substitutions, in today's language. */
export function tl(l: Localized | undefined | null, fallback: string): string {
  return localized(getMessage, l, fallback);
}
