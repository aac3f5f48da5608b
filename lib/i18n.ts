/**
 * `t('key', …substitutions)`: interface text in the browser's language, from
 * public/_locales/<locale>/messages.json; English when the API is missing or has no answer.
 */
import { browser } from 'wxt/browser';
import { lookup, type MessageKey, type Sub } from './i18n-core';

export type { MessageKey } from './i18n-core';

function getMessage(key: string, subs?: string | string[]): string {
  return browser.i18n.getMessage(key as never, subs);
}

export function t(key: MessageKey, ...subs: Sub[]): string {
  // lookup() catches a missing API (browser undefined, or the tests' fake that throws).
  return lookup(getMessage, key, subs);
}

