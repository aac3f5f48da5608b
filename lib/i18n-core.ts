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

/** An object whose values are looked up each time they are read, so they follow the language. */
export function lazyLabels<K extends string>(keys: readonly K[], label: (k: K) => string): Record<K, string> {
  const out = {} as Record<K, string>;
  for (const k of keys) Object.defineProperty(out, k, { get: () => label(k), enumerable: true });
  return out;
}
