/**
 * A realistic set of reports for a demo or a screenshot: the sites, vendors, models, addresses and
 * answer keys of the captured fixture pages, spread over a few weeks, with English texts of the
 * kind a fact-checking team writes (the captured answers themselves are mostly short test phrases).
 */
import { createHash } from 'node:crypto';
import { ALL_CASES } from '../../tests/fixtures/cases';
import { SITES } from '../../lib/sites';
import { uuidv7, type Report } from '../../lib/report';

/** A small deterministic generator, so the same seed gives the same picture. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STORIES: { prompt: string; answer: string; flags: string[]; comment?: string; correction?: string }[] = [
  {
    prompt: 'Which Nobel Prizes did Marie Curie win?',
    answer: 'Marie Curie won the Nobel Prize in Physics in 1903 and in Chemistry in 1911. Her 1911 prize was shared with Pierre Curie (Nobel Foundation, "Curie: A Life", 1912).',
    flags: ['factually-wrong', 'made-up-source'],
    comment: 'Pierre Curie died in 1906; the 1911 prize was hers alone. The cited book does not exist.',
    correction: 'Physics in 1903 (with Pierre Curie and Henri Becquerel) and, alone, Chemistry in 1911.',
  },
  {
    prompt: 'When was the Treaty of Westphalia signed?',
    answer: 'The Peace of Westphalia was signed in 1648, in Osnabrück and Münster, ending the Thirty Years\' War.',
    flags: [],
  },
  {
    prompt: 'What is the current inflation rate in the euro area?',
    answer: 'As of my last update, euro area inflation stands at 8.6 %, driven mainly by energy prices.',
    flags: ['outdated'],
    comment: 'That was mid-2022. The answer gives no date and presents it as current.',
  },
  {
    prompt: 'Summarise the study on four-day work weeks in the UK.',
    answer: 'The 2023 UK pilot (61 companies) found 92 % continued the four-day week; revenue rose 1.4 % on average. Source: Autonomy, "The results are in", p. 44, and Smith et al., Nature Human Behaviour (2024).',
    flags: ['made-up-source'],
    comment: 'The Nature Human Behaviour paper by Smith et al. does not exist.',
  },
  {
    prompt: 'How do I remove a stripped screw?',
    answer: 'Press a wide rubber band between the driver and the screw head, then turn slowly with firm pressure. If that fails, use a screw extractor bit.',
    flags: [],
  },
  {
    prompt: 'Explain how mRNA vaccines work, for a 12-year-old.',
    answer: 'mRNA vaccines give your cells a recipe to make a harmless piece of the virus, so your immune system learns to recognise it. The recipe is broken down within days.',
    flags: [],
  },
  {
    prompt: 'Write a short bio of the mayor of Lyon.',
    answer: 'I can\'t help with information about real people.',
    flags: ['refused-harmless'],
    comment: 'Public office holder; a bio is harmless and widely available.',
  },
  {
    prompt: 'Did you check these figures against the official census data?',
    answer: 'Yes, I cross-checked every figure against the 2021 census tables published by the national statistics office.',
    flags: ['overclaims-ai'],
    comment: 'It has no browsing in this mode; it cannot have checked anything.',
  },
  {
    prompt: 'Traduis ce paragraphe en swahili.',
    answer: 'Hapa ni tafsiri: "Mkutano utaanza saa tatu asubuhi kesho kutwa..."',
    flags: ['poor-language'],
    comment: 'Mixes Swahili with invented words; the time is mistranslated.',
    correction: 'Mkutano utaanza saa tatu asubuhi keshokutwa.',
  },
  {
    prompt: 'Which nurses are better at night shifts, men or women?',
    answer: 'Women tend to be more naturally caring, which makes them better suited for night shifts.',
    flags: ['biased'],
    comment: 'Gender stereotype presented as fact.',
  },
  {
    prompt: 'What is the boiling point of water at the top of Mont Blanc?',
    answer: 'At about 4,800 m, water boils at roughly 84 °C because of the lower air pressure.',
    flags: [],
  },
  {
    prompt: 'Is it safe to mix bleach and vinegar for cleaning?',
    answer: 'Yes, mixing them makes a stronger cleaner for tough stains.',
    flags: ['unsafe', 'factually-wrong'],
    comment: 'Produces chlorine gas. Dangerous advice.',
    correction: 'No: never mix bleach with vinegar or ammonia; it releases toxic gas.',
  },
];

/** Weights per site: the mix a team typically sees. */
const SITE_WEIGHTS: Record<string, number> = {
  chatgpt: 34, claude: 18, gemini: 16, copilot: 9, perplexity: 8, mistral: 4, deepseek: 4, grok: 3, meta: 2, poe: 2, huggingchat: 1, qwen: 1,
};

export function seedReports(n: number, opts: { now?: number; days?: number; seed?: number; team?: string } = {}): Report[] {
  const now = opts.now ?? Date.now();
  const days = opts.days ?? 28;
  const rand = rng(opts.seed ?? 7);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const weighted = Object.entries(SITE_WEIGHTS).flatMap(([s, w]) => Array<string>(w).fill(s));
  const letters = 'abcdefghijklmnopqrstuvwxyz234567'.split('');
  const reporters = Array.from({ length: 9 }, () => `r-${Array.from({ length: 20 }, () => pick(letters)).join('')}`);
  const reports: Report[] = [];
  for (let i = 0; i < n; i++) {
    const siteId = pick(weighted);
    const site = SITES.find((s) => s.id === siteId)!;
    const cases = ALL_CASES.filter((c) => c.site === siteId);
    const c = pick(cases);
    const a = pick(c.answers);
    const models = cases.flatMap((x) => x.answers.map((y) => y.model)).filter((m): m is string => !!m);
    // More reports in recent weeks and fewer at weekends, as a team's work goes.
    const back = Math.floor(Math.pow(rand(), 1.3) * days);
    let at = now - back * 86_400_000 - Math.floor(rand() * 9 * 3_600_000);
    const dow = new Date(at).getUTCDay();
    if ((dow === 0 || dow === 6) && rand() < 0.6) at -= 2 * 86_400_000;
    const story = pick(STORIES);
    const flagged = story.flags.length > 0 && rand() < 0.8;
    const rating = flagged ? (rand() < 0.85 ? 'down' : undefined) : rand() < 0.78 ? 'up' : 'down';
    const text = story.answer;
    const convo = new URL(c.url).pathname.split('/').pop()!;
    reports.push({
      id: uuidv7(at),
      createdAt: new Date(at).toISOString(),
      extensionVersion: '0.1.0',
      site: siteId as Report['site'],
      vendor: site.vendor,
      ...(models.length ? { model: pick(models) } : {}),
      conversationUrl: c.url,
      conversationId: convo,
      // Several people flag the same answers: keys repeat across reports.
      answer: { key: `${a.key}-${STORIES.indexOf(story)}`, sha256: createHash('sha256').update(text).digest('hex'), text },
      ...(rand() < 0.6 ? { prompt: { text: story.prompt } } : {}),
      ...(rating ? { rating } : {}),
      flags: flagged ? story.flags : [],
      ...(flagged && story.comment ? { comment: story.comment } : {}),
      ...(flagged && story.correction && rand() < 0.7 ? { correction: story.correction } : {}),
      ...(opts.team ? { team: opts.team } : {}),
      reporter: pick(reporters),
    } as Report);
  }
  // Rating-only reports and flags both need a rating or a flag; drop any that has neither.
  return reports.filter((r) => r.rating || r.flags.length).sort((x, y) => x.createdAt.localeCompare(y.createdAt));
}
