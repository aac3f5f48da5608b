/**
 * The language of an answer, guessed on this device (franc-min: trigram statistics, no
 * network). Background only: the panel never loads the language data.
 */
import { francAll } from 'franc-min';

/** ISO 639-3 codes franc-min knows → BCP-47 primary tags. Candidates are limited to these. */
const TAGS: Record<string, string> = {
  eng: 'en', spa: 'es', fra: 'fr', deu: 'de', por: 'pt', hin: 'hi', swh: 'sw', cmn: 'zh', jpn: 'ja',
  ita: 'it', nld: 'nl', rus: 'ru', ukr: 'uk', pol: 'pl', tur: 'tr', arb: 'ar', kor: 'ko', vie: 'vi',
  ind: 'id', tha: 'th', ben: 'bn', urd: 'ur', pes: 'fa', ell: 'el', ces: 'cs', ron: 'ro', hun: 'hu',
  swe: 'sv', fin: 'fi', heb: 'he', tam: 'ta', tel: 'te', mar: 'mr', guj: 'gu', kan: 'kn', mal: 'ml',
  pan: 'pa', zlm: 'ms', tgl: 'tl', amh: 'am', hau: 'ha', yor: 'yo', ibo: 'ig', zul: 'zu', cat: 'ca',
};
const ONLY = Object.keys(TAGS);
/** Shorter text is too little to go on. */
const MIN_CHARS = 20;
/** The runner-up must score clearly below the winner (scores are relative: the best is 1). */
const MAX_RUNNER_UP = 0.9;

export function detectLang(text: string): string | undefined {
  const sample = text.replace(/\s+/g, ' ').trim().slice(0, 4000);
  if (sample.length < MIN_CHARS) return undefined;
  const [best, second] = francAll(sample, { only: ONLY, minLength: MIN_CHARS });
  if (!best || best[0] === 'und') return undefined;
  if (second && second[1] > MAX_RUNNER_UP) return undefined;
  return TAGS[best[0]];
}
