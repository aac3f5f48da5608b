/**
 * Interface text: keys of public/_locales/en/messages.json, looked up through the extension
 * i18n API, with the bundled English as the fallback (tests, scripts, or an empty answer).
 * Framework-free and free of `wxt/browser`, so lib/flags.ts (read by the zod schemas and by
 * Node scripts) can use it; components use lib/i18n.ts.
 */
import en from '../public/_locales/en/messages.json';

export type MessageKey = keyof typeof en;
export type Sub = string | number;
type Entry = { message: string; placeholders?: Record<string, { content: string }> };

/** Chrome's own rules: $NAME$ → its placeholder's content, then $1…$9 → substitutions, $$ → $. */
export function formatMessage(entry: Entry, subs: readonly Sub[]): string {
  const ph = Object.fromEntries(Object.entries(entry.placeholders ?? {}).map(([k, v]) => [k.toLowerCase(), v.content]));
  const named = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (m, name: string) => ph[name.toLowerCase()] ?? m);
  return named.replace(/\$(\$|[1-9])/g, (_, d: string) => (d === '$' ? '$' : String(subs[Number(d) - 1] ?? '')));
}

export function english(key: MessageKey, subs: readonly Sub[] = []): string {
  const entry = (en as Record<string, Entry>)[key];
  return entry ? formatMessage(entry, subs) : key;
}

type GetMessage = (key: string, subs?: string | string[]) => string;

/** Looks a key up with `getMessage` (when there is one), falling back to English. */
export function lookup(getMessage: GetMessage | undefined, key: MessageKey, subs: readonly Sub[]): string {
  try {
    const got = getMessage?.(key, subs.map(String));
    if (got) return got;
  } catch {
    // No i18n API here (unit tests' fake browser, Node scripts): English.
  }
  return english(key, subs);
}

/** The i18n API without the polyfill: `chrome` exists in every extension context, Firefox's too. */
function globalGetMessage(): GetMessage | undefined {
  const g = globalThis as { chrome?: { i18n?: { getMessage?: GetMessage } } };
  const fn = g.chrome?.i18n?.getMessage;
  return fn ? (key, subs) => fn.call(g.chrome!.i18n, key, subs) : undefined;
}

/** For modules that must not import `wxt/browser` (lib/flags.ts). */
export function tGlobal(key: MessageKey, ...subs: Sub[]): string {
  return lookup(globalGetMessage(), key, subs);
}

/**
 * Count sentences: English has `<base>_one` and `<base>_other`; other languages have their own
 * categories (`_many`, `_few`…). Both English forms are required, so flag_other is no count sentence.
 */
export type PluralKey = { [K in MessageKey]: K extends `${infer B}_other` ? (`${B}_one` extends MessageKey ? B : never) : never }[MessageKey];

/**
 * The message for `count` items: `<base>_<category>` by the language's own plural rules
 * (Intl.PluralRules), `<base>_other` when a locale has no form for that category. `count`
 * is always the first substitution, so every form can say the number.
 */
export function pluralLookup(getMessage: GetMessage | undefined, lang: string, base: PluralKey, count: number, subs: readonly Sub[]): string {
  let category = 'other';
  try {
    category = new Intl.PluralRules(lang).select(count);
  } catch {
    // An unknown tag: 'other' is the one form every locale has.
  }
  const all = [count, ...subs];
  const key = `${base}_${category}` as MessageKey;
  if (key in en) return lookup(getMessage, key, all);
  // English lacks this category (French "many"): the locale may still have it.
  try {
    const got = getMessage?.(key, all.map(String));
    if (got) return got;
  } catch {
    // No i18n API: English below.
  }
  return lookup(getMessage, `${base}_other` as MessageKey, all);
}

/** A message kept as data (stored, or sent between contexts) and put into words where it is shown. */
export interface Localized {
  key: string;
  subs: string[];
}

/** A stored message in today's language; `fallback` when its key is unknown (written by another version). */
export function localized(getMessage: GetMessage | undefined, l: Localized | undefined | null, fallback: string): string {
  return l && typeof l.key === 'string' && l.key in en && Array.isArray(l.subs) ? lookup(getMessage, l.key as MessageKey, l.subs) : fallback;
}

/** For modules that must not import `wxt/browser`: a count sentence (see pluralLookup). */
export function tnGlobal(base: PluralKey, count: number, ...subs: Sub[]): string {
  return pluralLookup(globalGetMessage(), tGlobal('langTag'), base, count, subs);
}

/** An object whose values are looked up each time they are read, so they follow the language. */
export function lazyLabels<K extends string>(keys: readonly K[], label: (k: K) => string): Record<K, string> {
  const out = {} as Record<K, string>;
  for (const k of keys) Object.defineProperty(out, k, { get: () => label(k), enumerable: true });
  return out;
}
