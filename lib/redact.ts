/**
 * Personal details and credentials replaced by typed placeholders ([email], [phone],
 * [card], [iban], [ip], [secret]) before a report is stored or shown in the preview.
 * Framework-free and zod-free: it runs in the background and in the page.
 *
 * How it works
 * - Every detector scans the ORIGINAL text, and each proposed span is claimed on a
 *   per-character mask, in a fixed order of priority:
 *     secret > email > iban > card > ip > phone.
 *   A span that overlaps an already-claimed span is dropped, so nothing is replaced
 *   twice, a placeholder is never re-scanned, and e.g. a card or an IBAN is never
 *   first eaten as a phone number. Detectors may also claim "guard" spans that are
 *   not replaced but protect text from lower-priority detectors (a 16-digit number
 *   in card layout that fails Luhn is neither a card nor a phone number).
 * - All regexes are linear: every repetition is over a character class that is
 *   disjoint from what follows it, candidates only start at a token boundary
 *   (lookbehind), and the fiddly decisions (Luhn, mod-97, IPv6 grammar, phone
 *   layouts) are made in plain code on bounded candidates.
 *
 * Decisions on ambiguous cases (tests/unit/redact.test.ts pins each one)
 * - Email: Unicode letters/marks/digits in the local part and in domain labels; the
 *   domain needs a dot and a top-level label of 2+ letters (or xn--). So `@mentions`,
 *   `user@localhost` and `package@1.2.3` are kept. A run of Chinese/Japanese/Thai
 *   characters is never glued to a Latin local part or label (`邮箱a@b.com的` keeps 邮箱
 *   and 的). A local part written in CJK takes the whole CJK run before the '@' (there
 *   are no spaces to stop at), so `メールは山田@例え.jp` becomes `[email]`.
 * - Phone: ASCII digits only. International numbers start with `+` and have 8–15
 *   digits. National numbers need a known layout with separators: North American
 *   3-3-4 (optionally 1- and a parenthesised area code), trunk-0 numbers of 9–12
 *   digits (UK, FR, DE, AU, JP…), `00` international prefix, Indian 5-5 mobiles,
 *   Chinese 3-4-4 mobiles; unseparated only Chinese mobiles (1[3-9] + 9 digits) and
 *   trunk-0 numbers of 10–11 digits. A bare 10-digit run (4155550132) is NOT a phone
 *   (too many order/ID numbers look like that). Dates, times, versions, prices,
 *   decimals, ISBNs, and digits glued to Latin letters (order numbers) are not
 *   phones. Digits glued to CJK/Thai text are (`电话13800138000`).
 * - Card: 13–19 digits, unseparated or in groups (first group of 4, groups of 3–6,
 *   one kind of separator), first digit 2–6 (all major networks), Luhn-valid.
 * - IBAN: 2 letters + 2 digits + alphanumerics, compact or in groups of 4, any case,
 *   15–34 characters, mod-97 valid. No per-country length table.
 * - IP: IPv4 with octets 0–255 and no leading zeros; IPv6 full/compressed/with an
 *   IPv4 tail, containing at least one decimal digit (so `a::b`, `dead::beef` in code
 *   are kept). Loopback/private addresses are redacted too. A dotted quad right after
 *   `v`/`version` is treated as a version number.
 * - Secret: well-known key shapes (OpenAI/Anthropic `sk-`, GitHub, Slack, AWS, Google,
 *   JWT), which must contain a digit (so `sk-xxxx…` placeholders in docs are kept);
 *   `Bearer`/`Basic` credentials (the word is kept); values labelled api_key / token /
 *   secret / password / … after `:` `=` `:=` `=>` (the label is kept). Unlabelled hex or
 *   base64 (including a bare 40-hex git SHA or a sha256) is NOT redacted. Obvious
 *   placeholders (`YOUR_API_KEY`, `<token>`, `${TOKEN}`, `process.env.X`, `****`) are kept.
 */

export type RedactionKind = 'email' | 'phone' | 'card' | 'iban' | 'ip' | 'secret';

export interface RedactionResult {
  text: string;
  counts: Partial<Record<RedactionKind, number>>;
}

export const REDACTION_KINDS: readonly RedactionKind[] = ['email', 'phone', 'card', 'iban', 'ip', 'secret'];

export function placeholder(kind: RedactionKind): string {
  return `[${kind}]`;
}

// ---------------------------------------------------------------------------------
// Character classes

/** Scripts written without spaces between words: digits and Latin text may touch them. */
// Script_Extensions, so the Japanese long-vowel mark ー and iteration marks count too.
const NOSPACE = String.raw`\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul}\p{scx=Thai}\p{scx=Lao}\p{scx=Khmer}\p{scx=Myanmar}`;
/** A "word" character that glues a number or address into a longer token. */
const WORD = String.raw`[[\p{L}\p{N}\p{M}_]--[${NOSPACE}]]`;
const WORD_RE = new RegExp(`^${WORD}$`, 'v');

function cpBefore(text: string, i: number): string {
  if (i <= 0) return '';
  const lo = text.charCodeAt(i - 1);
  if (lo >= 0xdc00 && lo <= 0xdfff && i >= 2) {
    const hi = text.charCodeAt(i - 2);
    if (hi >= 0xd800 && hi <= 0xdbff) return text.slice(i - 2, i);
  }
  return text[i - 1]!;
}

function cpAt(text: string, i: number): string {
  if (i >= text.length) return '';
  const cp = text.codePointAt(i)!;
  return String.fromCodePoint(cp);
}

function isWord(ch: string): boolean {
  return ch !== '' && WORD_RE.test(ch);
}

const isDigit = (ch: string | undefined) => ch !== undefined && ch >= '0' && ch <= '9';

// ---------------------------------------------------------------------------------
// Claims: who owns which characters

class Claims {
  private readonly mask: Uint8Array;
  readonly spans: { start: number; end: number; kind: RedactionKind }[] = [];

  constructor(length: number) {
    this.mask = new Uint8Array(length);
  }

  isFree(start: number, end: number): boolean {
    for (let k = start; k < end; k++) if (this.mask[k]) return false;
    return true;
  }

  /** Claims [start, end) if free; kind null claims without replacing (a guard). */
  claim(start: number, end: number, kind: RedactionKind | null): boolean {
    if (end <= start || !this.isFree(start, end)) return false;
    this.mask.fill(1, start, end);
    if (kind) this.spans.push({ start, end, kind });
    return true;
  }
}

// ---------------------------------------------------------------------------------
// Secrets

const KEY_SHAPES = new RegExp(
  String.raw`(?<![A-Za-z0-9_\-])(?:` +
    [
      String.raw`sk-[A-Za-z0-9_\-]{20,}`, // OpenAI sk-…, sk-proj-…, sk-svcacct-…; Anthropic sk-ant-…
      String.raw`gh[pousr]_[A-Za-z0-9]{30,}`, // GitHub tokens
      String.raw`github_pat_[A-Za-z0-9_]{30,}`, // GitHub fine-grained tokens
      String.raw`xox[abposr]-[A-Za-z0-9\-]{10,}`, // Slack
      String.raw`(?:AKIA|ASIA)[0-9A-Z]{16}`, // AWS access key id
      String.raw`AIza[0-9A-Za-z_\-]{35}`, // Google API key
      String.raw`eyJ[A-Za-z0-9_\-]{5,}\.eyJ[A-Za-z0-9_\-]{5,}\.[A-Za-z0-9_\-]*`, // JWT
    ].join('|') +
    String.raw`)(?![A-Za-z0-9_\-])`,
  'g',
);

/** `Bearer <token>` / `Basic <base64>`: the scheme word stays, the credential goes. */
const AUTH_SCHEME = /(?<![A-Za-z0-9_])([Bb]earer|Basic)[ \t]+([A-Za-z0-9\-._~+/]+=*)/g;

/**
 * `label: value`, `label = "value"`, `"label": "value"`, `--label=value`. The label is an
 * identifier; whether it names a secret is decided in code (LABEL_KEYWORD).
 */
const LABELLED = /(?<![A-Za-z0-9_\-.])([A-Za-z_\-][A-Za-z0-9_\-.]{0,63})["']?[ \t]*(?::=|=>|:|=)[ \t]*/g;
/**
 * The value after a secret label, read (sticky) only once the label qualifies, and not
 * consumed by LABELLED, so `?a=1&token=…` still finds the second label.
 */
const LABEL_VALUE = /"([^"\n]{1,200})"|'([^'\n]{1,200})'|([^\s"'\x60,;<>(){}\[\]]{1,200})/y;
/** In a URL query (label after '?' or '&') the value also ends at '&' or '#'. */
const QUERY_VALUE = /([^\s"'\x60,;<>(){}\[\]&#]{1,200})/y;

const PASSWORD_KEYWORD = /(?:password|passwd|passphrase|pwd)$/i;
const LABEL_KEYWORD =
  /(?:api[_\-.]?key|apikey|secret|secret[_\-.]?key|access[_\-.]?key|private[_\-.]?key|signing[_\-.]?key|encryption[_\-.]?key|key|token|auth|authorization|credentials?|session[_\-.]?id|cookie|password|passwd|passphrase|pwd)$/i;

function isSecretLabel(label: string): { ok: boolean; password: boolean } {
  const m = LABEL_KEYWORD.exec(label);
  if (!m) return { ok: false, password: false };
  const at = m.index;
  // The keyword must start at an identifier boundary: start, after _ - ., or camelCase.
  const prev = at > 0 ? label[at - 1]! : '';
  const first = label[at]!;
  const boundary = at === 0 || prev === '_' || prev === '-' || prev === '.' || (/[a-z0-9]/.test(prev) && /[A-Z]/.test(first));
  return { ok: boundary, password: PASSWORD_KEYWORD.test(label) };
}

const PLACEHOLDER_VALUE =
  /^(?:<[^>]*>|\$.*|\{\{.*\}\}|%[A-Za-z_]+%|\*+|[xX.•]+|…|\[[a-z]+\]|[A-Z_]+|(?:your|my|the|an?|some)[_\- ].*|(?:process\.env|os\.environ|env)\b.*|null|none|undefined|true|false|example|changeme|redacted|hidden|secret|password|token)$/i;

function looksLikeSecretValue(value: string, password: boolean, quoted: boolean): boolean {
  if (PLACEHOLDER_VALUE.test(value)) return false;
  if (password) {
    if (/\s/.test(value)) return quoted && value.length >= 4 && value.length <= 64;
    if (quoted) return value.length >= 4;
    return value.length >= 6 && /[^\p{L}]/u.test(value);
  }
  if (/\s/.test(value)) return false;
  if (value.length >= 24) return true;
  return value.length >= 12 && /[0-9]/.test(value) && /[A-Za-z]/.test(value);
}

function detectSecrets(text: string, claims: Claims): void {
  for (const m of text.matchAll(KEY_SHAPES)) {
    if (/[0-9]/.test(m[0])) claims.claim(m.index, m.index + m[0].length, 'secret');
  }
  for (const m of text.matchAll(AUTH_SCHEME)) {
    const scheme = m[1]!;
    const token = m[2]!.replace(/\.+$/, '');
    const start = m.index + m[0].length - m[2]!.length;
    const ok =
      scheme === 'Basic'
        ? token.length >= 8 && /^[A-Za-z0-9+/]+=*$/.test(token) && token.length % 4 === 0
        : !PLACEHOLDER_VALUE.test(token) && (token.length >= 16 || (token.length >= 8 && /[0-9]/.test(token) && /[A-Za-z]/.test(token)));
    if (ok) claims.claim(start, start + token.length, 'secret');
  }
  for (const m of text.matchAll(LABELLED)) {
    const label = isSecretLabel(m[1]!);
    if (!label.ok) continue;
    const re = text[m.index - 1] === '?' || text[m.index - 1] === '&' ? QUERY_VALUE : LABEL_VALUE;
    re.lastIndex = m.index + m[0].length;
    const v = re.exec(text);
    if (!v) continue;
    const quoted = re === LABEL_VALUE ? (v[1] ?? v[2]) : undefined;
    let value = (quoted ?? (re === LABEL_VALUE ? v[3] : v[1]))!;
    if (quoted === undefined) value = value.replace(/[.,:]+$/, ''); // sentence punctuation
    if (!looksLikeSecretValue(value, label.password, quoted !== undefined)) continue;
    const start = m.index + m[0].length + (quoted !== undefined ? 1 : 0);
    claims.claim(start, start + value.length, 'secret');
  }
}

// ---------------------------------------------------------------------------------
// Email

const LOCAL_RE = new RegExp(String.raw`^[[\p{L}\p{N}\p{M}._%+\-]--[${NOSPACE}]]$`, 'v');
const NOSPACE_L = String.raw`[[${NOSPACE}]&&[\p{L}\p{N}\p{M}]]`;
const NOSPACE_L_RE = new RegExp(`^${NOSPACE_L}$`, 'v');
const LABEL_CH = String.raw`[[\p{L}\p{N}\p{M}\-]--[${NOSPACE}]]`;
/** The domain, matched forwards from just after the '@' (sticky). */
const DOMAIN = new RegExp(String.raw`(?:${LABEL_CH}+|${NOSPACE_L}+)(?:\.(?:${LABEL_CH}+|${NOSPACE_L}+))+`, 'vy');
const TLD = /^(?:[\p{L}][\p{L}\p{M}]+|xn--[a-z0-9\-]+)$/iu;
const MAX_LOCAL = 64;

/** 1: may be in a (Latin-style) local part; 2: a letter of a script written without spaces; 0: neither. */
function localClass(ch: string): 0 | 1 | 2 {
  if (ch === '') return 0;
  const c = ch.charCodeAt(0);
  if (c < 128) return /[A-Za-z0-9._%+\-]/.test(ch) ? 1 : 0;
  if (LOCAL_RE.test(ch)) return 1;
  return NOSPACE_L_RE.test(ch) ? 2 : 0;
}

/**
 * Anchored on each '@' (a regex that has to find the local part first would retry it at
 * every character). The local part is scanned backwards: one run of Latin-style
 * characters, or one run of CJK/Thai letters, never both.
 */
function detectEmails(text: string, claims: Claims): void {
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    const kind = localClass(cpBefore(text, at));
    if (kind === 0) continue;
    let start = at;
    while (start > 0 && at - start <= MAX_LOCAL) {
      const ch = cpBefore(text, start);
      if (localClass(ch) !== kind) break;
      start -= ch.length;
    }
    if (at - start > MAX_LOCAL) continue;
    if (kind === 2 && localClass(cpBefore(text, start)) === 1) continue;
    while (text[start] === '.') start++; // ".a@b.co" at a sentence start
    if (start === at) continue;
    DOMAIN.lastIndex = at + 1;
    const m = DOMAIN.exec(text);
    if (!m) continue;
    const labels = m[0].split('.');
    if (!TLD.test(labels[labels.length - 1]!)) continue;
    if (labels.some((l) => l.startsWith('-') || l.endsWith('-'))) continue;
    claims.claim(start, at + 1 + m[0].length, 'email');
  }
}

// ---------------------------------------------------------------------------------
// IBAN

// ASCII boundaries here; non-ASCII word characters around it are checked in code.
const IBAN = /(?<![A-Za-z0-9_])[A-Za-z]{2}[0-9]{2}(?: ?[A-Za-z0-9]{4}){2,7}(?: ?[A-Za-z0-9]{1,3})?(?![A-Za-z0-9_])/g;

function mod97(iban: string): boolean {
  const s = iban.slice(4) + iban.slice(0, 4);
  let r = 0;
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (c >= 48 && c <= 57) r = (r * 10 + (c - 48)) % 97;
    else if (c >= 65 && c <= 90) r = (r * 100 + (c - 55)) % 97;
    else return false;
  }
  return r === 1;
}

function detectIbans(text: string, claims: Claims): void {
  for (const m of text.matchAll(IBAN)) {
    if (isWord(cpBefore(text, m.index)) || isWord(cpAt(text, m.index + m[0].length))) continue;
    // Spaced form: the last group(s) may be a neighbouring word; drop them until valid.
    let candidate = m[0];
    for (;;) {
      const compact = candidate.replace(/ /g, '').toUpperCase();
      if (compact.length < 15) break;
      if (compact.length <= 34 && /^[A-Z]{2}[0-9]{2}/.test(compact) && mod97(compact)) {
        claims.claim(m.index, m.index + candidate.length, 'iban');
        break;
      }
      const cut = candidate.lastIndexOf(' ');
      if (cut < 0) break;
      candidate = candidate.slice(0, cut);
    }
  }
}

// ---------------------------------------------------------------------------------
// Payment cards

const DIGIT_RUN = /(?<![0-9])[0-9]+(?:[ \-][0-9]+)*/g;

interface Group {
  start: number;
  end: number;
  sep: string; // separator before this group ('' for the first)
}

function splitGroups(start: number, run: string): Group[] {
  const groups: Group[] = [];
  let i = 0;
  while (i < run.length) {
    let sep = '';
    while (i < run.length && !isDigit(run[i])) sep += run[i++];
    if (i >= run.length) break; // trailing ')'
    const gs = i;
    while (i < run.length && isDigit(run[i])) i++;
    groups.push({ start: start + gs, end: start + i, sep });
  }
  return groups;
}

function luhn(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

function digitsOf(text: string, groups: Group[], from: number, to: number): string {
  let s = '';
  for (let k = from; k <= to; k++) s += text.slice(groups[k]!.start, groups[k]!.end);
  return s;
}

/** Card layouts: 4-4-4-4 (last group 1–4, 13–19 digits in all), 4-6-5, 4-6-4, 4-4-5; one separator. */
function cardLayout(groups: Group[], i: number, k: number, size: (g: number) => number): boolean {
  if (i === k) return true;
  for (let g = i + 2; g <= k; g++) if (groups[g]!.sep !== groups[i + 1]!.sep) return false;
  let fours = true;
  for (let g = i; g < k; g++) if (size(g) !== 4) fours = false;
  if (fours && size(k) <= 4) return true;
  const key = `${size(i)}-${k - i === 2 ? `${size(i + 1)}-${size(k)}` : ''}`;
  return key === '4-6-5' || key === '4-6-4' || key === '4-4-5';
}

function detectCards(text: string, claims: Claims): void {
  for (const m of text.matchAll(DIGIT_RUN)) {
    const run = m[0];
    const runStart = m.index;
    const runEnd = m.index + run.length;
    let total = 0;
    for (let k = 0; k < run.length; k++) if (isDigit(run[k])) total++;
    if (total < 13) continue;
    const before = cpBefore(text, runStart);
    const after = cpAt(text, runEnd);
    const runOpen = !isWord(before) && before !== '+' && !(before === '.' && isDigit(text[runStart - 2]));
    const runClose = !isWord(after) && !((after === '.' || after === ',') && isDigit(text[runEnd + 1]));
    const groups = splitGroups(runStart, run);
    const size = (k: number) => groups[k]!.end - groups[k]!.start;
    let i = 0;
    while (i < groups.length) {
      let matched = -1;
      const gi = groups[i]!;
      const leftOk = i === 0 ? runOpen : gi.sep === ' ';
      // A window of several groups starts with a group of 4; a single group is 13–19 digits.
      if (leftOk && (size(i) === 4 || size(i) >= 13)) {
        // Windows i..k of 13–19 digits in a card layout, longest first, but the classic
        // 4-4-4-4 first of all (so a number right after a card is not taken into it).
        const others: number[] = [];
        let four = -1;
        let guard = -1;
        let digits = 0;
        for (let k = i; k < groups.length && digits + size(k) <= 19; k++) {
          digits += size(k);
          if (digits < 13) continue;
          const rightOk = k === groups.length - 1 ? runClose : groups[k + 1]!.sep === ' ';
          if (!rightOk || !cardLayout(groups, i, k, size)) continue;
          const fours = k - i === 3 && size(k) === 4;
          if (fours || i === k) guard = k;
          if (fours) four = k;
          else others.unshift(k);
        }
        for (const k of four >= 0 ? [four, ...others] : others) {
          const ds = digitsOf(text, groups, i, k);
          if (ds[0]! >= '2' && ds[0]! <= '6' && luhn(ds) && claims.claim(gi.start, groups[k]!.end, 'card')) {
            matched = k;
            break;
          }
        }
        // Card-shaped but not a card: keep it away from the phone detector.
        if (matched < 0 && guard >= 0 && claims.claim(gi.start, groups[guard]!.end, null)) matched = guard;
      }
      i = matched >= 0 ? matched + 1 : i + 1;
    }
  }
}

// ---------------------------------------------------------------------------------
// IP addresses

const OCTET = String.raw`(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])`;
const IPV4 = new RegExp(String.raw`(?<![A-Za-z0-9_.])${OCTET}(?:\.${OCTET}){3}(?![A-Za-z0-9_]|\.[0-9])`, 'g');
const IPV4_EXACT = new RegExp(String.raw`^${OCTET}(?:\.${OCTET}){3}$`);
const IPV6 = /(?<![A-Za-z0-9_:.])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,8}(?:\.[0-9]{1,3}){0,3}(?![A-Za-z0-9_:])/g;
const HEXGROUP = /^[0-9A-Fa-f]{1,4}$/;

function validIPv6(s: string): boolean {
  if (!/[0-9]/.test(s)) return false;
  let groupsWanted = 8;
  let body = s;
  const lastColon = s.lastIndexOf(':');
  const tail = s.slice(lastColon + 1);
  if (tail.includes('.')) {
    if (!IPV4_EXACT.test(tail)) return false;
    body = s.slice(0, lastColon + 1);
    groupsWanted = 6;
    if (body.endsWith('::')) body = body.slice(0, -1) + ':'; // keep '::' intact
    else body = body.slice(0, -1); // drop the single ':' before the v4 tail
    if (body === '') return false;
  }
  const parts = body.split('::');
  if (parts.length > 2) return false;
  const toGroups = (p: string) => (p === '' ? [] : p.split(':'));
  if (parts.length === 2) {
    const left = toGroups(parts[0]!);
    const right = toGroups(parts[1]!);
    if (![...left, ...right].every((g) => HEXGROUP.test(g))) return false;
    return left.length + right.length <= groupsWanted - 1;
  }
  const groups = toGroups(body);
  return groups.length === groupsWanted && groups.every((g) => HEXGROUP.test(g));
}

function detectIps(text: string, claims: Claims): void {
  // IPv6 first: it claims its own IPv4 tail (::ffff:192.0.2.1).
  if (text.includes(':')) {
    for (const m of text.matchAll(IPV6)) {
      if (validIPv6(m[0])) claims.claim(m.index, m.index + m[0].length, 'ip');
    }
  }
  if (text.includes('.')) {
    for (const m of text.matchAll(IPV4)) {
      if (isWord(cpBefore(text, m.index)) || isWord(cpAt(text, m.index + m[0].length))) continue;
      // A dotted quad right after "v" or "version" is a version number.
      const lead = text.slice(Math.max(0, m.index - 10), m.index);
      if (/(?:\bversion[:\s]*|\bv)$/i.test(lead)) continue;
      claims.claim(m.index, m.index + m[0].length, 'ip');
    }
  }
}

// ---------------------------------------------------------------------------------
// Phone numbers

/**
 * A run of digit groups joined by one separator: space, no-break space, dot, hyphen,
 * or a parenthesis (with an optional space or hyphen), optionally led by '+'.
 */
const PHONE_RUN = /(?<![0-9+])\+?\(?[0-9]+(?:(?:\)[ \u00A0.\-]?\(?|[ \u00A0.\-]\(?|\()[0-9]+)*\)?/g;

/** Separators that bind numbers into one token (dates, versions): a phone may not be cut there. */
const isSpaceSep = (sep: string) => sep === ' ' || sep === '\u00A0';

function parensBalanced(s: string): boolean {
  let open = 0;
  for (const ch of s) {
    if (ch === '(') {
      if (open) return false;
      open = 1;
    } else if (ch === ')') {
      if (!open) return false;
      open = 0;
    }
  }
  return open === 0;
}

const DATE_LIKE = /^(?:[0-9]{1,2}[.\-/][0-9]{1,2}[.\-/][0-9]{2,4}|[0-9]{4}[.\-/][0-9]{1,2}[.\-/][0-9]{1,2})(?:$|[^0-9.\-/])/;

function phoneShape(win: string, sizes: number[], digits: string, intl: boolean, separated: boolean): boolean {
  if (!parensBalanced(win)) return false;
  if (intl) return digits.length >= 8 && digits.length <= 15 && !/\)$/.test(win);
  if (DATE_LIKE.test(win)) return false;
  if (!separated) {
    if (/^1[3-9][0-9]{9}$/.test(digits)) return true; // Chinese mobile
    return /^0[1-9][0-9]{8,9}$/.test(digits); // trunk-0 national, 10–11 digits
  }
  const key = sizes.join('-');
  // North American 3-3-4, optionally 1-3-3-4.
  if (key === '3-3-4' && /^[2-9]/.test(digits)) return true;
  if (key === '1-3-3-4' && /^1[2-9]/.test(digits)) return true;
  // Chinese mobile 3-4-4.
  if (key === '3-4-4' && /^1[3-9]/.test(digits)) return true;
  // Indian mobile 5-5.
  if (key === '5-5' && /^[6-9]/.test(digits)) return true;
  // International prefix 00.
  if (digits.startsWith('00') && sizes[0]! >= 2) return digits.length >= 10 && digits.length <= 15 && sizes.every((n) => n >= 1);
  // Trunk 0: 020 7946 0958, 06 12 34 56 78, 030 901820, (02) 9876 5432.
  if (digits.startsWith('0') && sizes[0]! >= 2 && sizes.every((n) => n >= 2)) return digits.length >= 9 && digits.length <= 12;
  return false;
}

/** Cheap test on group sizes before phoneShape builds any string (see phoneShape). */
function plausibleNational(d0: string, d1: string, digits: number, g: number, k: number, size: (i: number) => number): boolean {
  const n = k - g + 1;
  if (d0 === '0') {
    if (d1 === '0') return digits >= 10;
    if (digits < 9 || digits > 12) return false;
    if (n === 1) return digits <= 11;
    for (let i = g; i <= k; i++) if (size(i) < 2) return false;
    return true;
  }
  if (n === 1) return d0 === '1' && digits === 11;
  if (n === 2) return size(g) === 5 && size(k) === 5;
  if (n === 3) return size(g) === 3 && size(k) === 4 && (size(g + 1) === 3 || size(g + 1) === 4);
  if (n === 4) return d0 === '1' && size(g) === 1 && size(g + 1) === 3 && size(g + 2) === 3 && size(k) === 4;
  return false;
}

function detectPhones(text: string, claims: Claims): void {
  for (const m of text.matchAll(PHONE_RUN)) {
    const run = m[0];
    const runStart = m.index;
    const runEnd = runStart + run.length;
    let total = 0;
    for (let k = 0; k < run.length; k++) if (isDigit(run[k])) total++;
    if (total < 8) continue; // every accepted layout has 8+ digits
    const before = cpBefore(text, runStart);
    const after = cpAt(text, runEnd);
    const runOpen = !isWord(before) && !(/[.\-/:,]/.test(before) && isDigit(text[runStart - 2]));
    const runClose = !isWord(after) && !(/[.\-/:,]/.test(after) && isDigit(text[runEnd + 1]));

    const groups = splitGroups(runStart, run);
    const trailingParen = run.endsWith(')');

    let g = 0;
    while (g < groups.length) {
      const first = groups[g]!;
      const intl = g === 0 && first.sep.startsWith('+');
      const leftOk = g === 0 ? runOpen : isSpaceSep(first.sep);
      let matched = -1;
      if (leftOk) {
        const size = (k: number) => groups[k]!.end - groups[k]!.start;
        let digitCount = 0;
        let last = g;
        for (; last < groups.length && digitCount + size(last) <= 15; last++) digitCount += size(last);
        // Longest window first: groups g..k.
        for (let k = last - 1; k >= g; k--, digitCount -= size(k + 1)) {
          if (digitCount < 8) break;
          if (!intl && !plausibleNational(text[groups[g]!.start]!, text[groups[g]!.start + 1]!, digitCount, g, k, size)) continue;
          const isLast = k === groups.length - 1;
          const rightOk = isLast ? runClose : isSpaceSep(groups[k + 1]!.sep);
          if (!rightOk) continue;
          // The window's text: from its opening '+'/'(' to its last digit (plus a closing ')').
          const start = g === 0 ? runStart : first.start - (first.sep.endsWith('(') ? 1 : 0);
          let end = groups[k]!.end;
          if (isLast && trailingParen) end = runEnd;
          else if (!isLast && groups[k + 1]!.sep.startsWith(')')) end += 1;
          const win = text.slice(start, end);
          const win0 = groups.slice(g, k + 1);
          const digits = digitsOf(text, groups, g, k);
          const sizes = win0.map((x) => x.end - x.start);
          if (!phoneShape(win, sizes, digits, intl, win0.length > 1)) continue;
          if (claims.claim(start, end, 'phone')) {
            matched = k;
            break;
          }
        }
      }
      g = matched >= 0 ? matched + 1 : g + 1;
    }
  }
}

// ---------------------------------------------------------------------------------

export function redact(text: string): RedactionResult {
  const counts: Partial<Record<RedactionKind, number>> = {};
  if (!text) return { text, counts };
  const claims = new Claims(text.length);
  detectSecrets(text, claims);
  detectEmails(text, claims);
  const hasDigit = /[0-9]/.test(text);
  if (hasDigit) {
    detectIbans(text, claims);
    detectCards(text, claims);
    detectIps(text, claims);
    detectPhones(text, claims);
  }
  if (claims.spans.length === 0) return { text, counts };
  const spans = claims.spans.sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const s of spans) {
    out += text.slice(at, s.start) + placeholder(s.kind);
    at = s.end;
    counts[s.kind] = (counts[s.kind] ?? 0) + 1;
  }
  out += text.slice(at);
  return { text: out, counts };
}
