/**
 * A translated sentence with markup inside: `rich('team_inTeam', <strong>{name}</strong>, id)`.
 * The message keeps its $1-style placeholders; each element goes where its placeholder is,
 * wherever the translation puts it.
 */
import type { ComponentChild } from 'preact';
import { t, type MessageKey } from '@/lib/i18n';

// A private-use character: Chrome's getMessage cuts a substitution at a NUL, which lost the markup.
const MARK = '\uE000';

export function rich(key: MessageKey, ...parts: ComponentChild[]): ComponentChild[] {
  const text = t(key, ...parts.map((p, i) => (typeof p === 'string' || typeof p === 'number' ? p : `${MARK}${i}${MARK}`)));
  return text.split(MARK).map((piece, i) => (i % 2 === 1 ? parts[Number(piece)] : piece));
}
