/**
 * Builds lib/disclosures/registry.json, the bundled disclosure registry, from the researched data in
 * ../shared/data/disclosures (vendors.json with AUDIT.md's corrections applied, sources.csv, fmti/).
 *
 *   npx tsx scripts/build-registry.ts
 *
 * The statements below are written in our own words; each one names the shared fact (by its number
 * in AUDIT.md, checked against the start of the fact's text) or the source URL it rests on, and the
 * sources are copied from the shared data, so a reordered or edited data file fails the build instead
 * of silently attaching the wrong source. Facts the shared data rates "low" confidence are left out.
 *
 * To publish a change: edit this file, bump VERSION (it only grows) and REVIEWED_AT, run it, and
 * review the diff of registry.json. tests/unit/disclosures/build.test.ts fails when the committed
 * registry.json differs from what this script builds (when ../shared is present).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { SITES } from '../lib/sites/index';
import type { SiteId, VendorId } from '../lib/sites/types';
import {
  REGISTRY_SCHEMA,
  RegistrySchema,
  TOPIC_IDS,
  type DisclosureStatus,
  type FmtiScore,
  type ModelVendorRule,
  type Registry,
  type SiteMapping,
  type Source,
  type SourceKind,
  type Statement,
  type TopicEntry,
  type TopicId,
  type VendorEntry,
} from '../lib/disclosures/schema';

/** Only grows: YYYYMMDDnn. */
export const VERSION = 2026112301;
/** When a person last reviewed the registry. */
export const REVIEWED_AT = '2026-11-23';
/**
 * When the facts were last checked against their sources. The shared data's audit read stored
 * copies captured in 2025-2026 (no live pages), so only the year is claimed.
 */
export const AS_OF = '2026';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DATA_DIR = resolve(ROOT, '../shared/data/disclosures');
export const REGISTRY_PATH = resolve(ROOT, 'lib/disclosures/registry.json');

// ---------------------------------------------------------------------------------------------
// Shared data

interface RawSource {
  title: string;
  url: string;
  publisher: string;
  date: string;
  type: string;
}
interface RawFact {
  topic: string;
  statement: string;
  source: RawSource;
  confidence?: string;
  scope?: string;
}
interface RawFmti {
  edition: string | null;
  flagship_model?: string;
  total_score_out_of_100?: number;
  data_labor_indicators: Record<string, number>;
  scores_source?: RawSource;
}
interface RawVendor {
  vendor: string;
  facts: RawFact[];
  feedback_policy: { sources?: RawSource[] };
  fmti_history: RawFmti[];
}

interface Data {
  vendors: RawVendor[];
  /** Facts numbered 1.. in file order, as AUDIT.md numbers them. */
  facts: { vendor: string; fact: RawFact }[];
  /** Every source by URL: sources.csv plus feedback-policy and FMTI sources. */
  sources: Map<string, RawSource & { vendor: string }>;
}

function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell || row.length) {
    row.push(cell);
    rows.push(row);
  }
  const [head, ...body] = rows.filter((r) => r.some((c) => c !== ''));
  return body.map((r) => Object.fromEntries(head!.map((h, i) => [h, r[i] ?? ''])));
}

export function loadData(dir = DATA_DIR): Data {
  const vendors = JSON.parse(readFileSync(resolve(dir, 'vendors.json'), 'utf8')) as RawVendor[];
  const facts = vendors.flatMap((v) => v.facts.map((fact) => ({ vendor: v.vendor, fact })));
  const sources = new Map<string, RawSource & { vendor: string }>();
  for (const r of parseCsv(readFileSync(resolve(dir, 'sources.csv'), 'utf8'))) {
    sources.set(r.url!, { title: r.title!, url: r.url!, publisher: r.publisher!, date: r.date!, type: r.type!, vendor: r.first_vendor! });
  }
  for (const v of vendors) {
    for (const s of [...(v.feedback_policy.sources ?? []), ...v.facts.map((f) => f.source)]) {
      if (!sources.has(s.url)) sources.set(s.url, { ...s, vendor: v.vendor });
    }
  }
  return { vendors, facts, sources };
}

// ---------------------------------------------------------------------------------------------
// Source conversion

/**
 * FMTI 2025 reports were prepared by the developer for some companies and by the FMTI team for the
 * others (AUDIT.md, "Caveat on source type"): first-person text fits only these four.
 */
const FMTI_2025_SELF_REPORTED = new Set(['OpenAI', 'Anthropic', 'Google', 'Amazon']);

function kindOf(s: RawSource, topic?: string): SourceKind {
  switch (s.type) {
    case 'vendor_primary':
      return 'vendor';
    case 'press_report':
      return 'press';
    case 'supplier_disclosure':
      return 'supplier';
    case 'independent_assessment':
      return 'independent';
    case 'vendor_statement_to_FMTI': {
      if (topic === 'fmti_assessment') return 'independent';
      const dev = /\/Dec2025\/reports\/([A-Za-z]+)_fmtransparencyreport/.exec(s.url)?.[1];
      return dev && !FMTI_2025_SELF_REPORTED.has(dev) ? 'independent' : 'vendor';
    }
    default:
      throw new Error(`Unknown source type '${s.type}' (${s.url})`);
  }
}

const LIVING_NOTE = 'Undated living page; the date is when the copy read was captured (2025-2026).';

function dateOf(raw: string): { date: string; dateNote?: string } {
  const m = /^(\d{4}(?:-\d{2}(?:-\d{2})?)?)\s*(?:\((.*)\))?\s*$/.exec(raw.trim());
  if (m) return m[2] ? { date: m[1]!, dateNote: m[2] } : { date: m[1]! };
  if (raw.startsWith('undated')) return { date: '2025', dateNote: LIVING_NOTE };
  throw new Error(`Cannot read the date '${raw}'`);
}

function toSource(s: RawSource, topic?: string): Source {
  return {
    title: s.title,
    publisher: s.publisher,
    url: s.url,
    ...dateOf(s.date),
    kind: kindOf(s, topic),
  };
}

// ---------------------------------------------------------------------------------------------
// Statement definitions

/** A shared fact by its AUDIT.md number; `starts` must match the beginning of its text. */
interface FactRef {
  fact: number;
  starts: string;
}
/** A source by URL (feedback-policy sources and others without a fact of their own). */
interface UrlRef {
  url: string;
}
type Ref = FactRef | UrlRef;

interface Def {
  text: string;
  from: Ref | Ref[];
  scope?: string;
}
interface TopicDef {
  status: DisclosureStatus;
  missing?: string;
  statements?: Def[];
}
interface VendorDef {
  id: VendorId;
  name: string;
  /** vendors.json's "vendor" value, when the shared data has the vendor. */
  data?: string;
  note?: string;
  topics: Record<TopicId, TopicDef>;
  feedbackPolicy: { text: string; from: Ref[] } | null;
}

const f = (fact: number, starts: string): FactRef => ({ fact, starts });
const u = (url: string): UrlRef => ({ url });
const none = (missing?: string): TopicDef => ({ status: 'not-disclosed', ...(missing ? { missing } : {}) });

const FMTI_DEEPSEEK_2025 =
  'https://github.com/stanford-crfm/fmti/blob/f4500c5f4763966fddf71c468a148533a1236290/Dec2025/reports/DeepSeek_fmtransparencyreport_Dec2025.csv';

const VENDORS: VendorDef[] = [
  {
    id: 'openai',
    name: 'OpenAI',
    data: 'OpenAI',
    topics: {
      'human-labor': {
        status: 'disclosed',
        statements: [
          {
            text: 'OpenAI says the training data of its o3 and o4-mini models includes material provided or generated by human trainers and researchers, alongside public web data, partner data and user data.',
            from: f(12, "OpenAI says its o3 and o4-mini"),
            scope: 'o3 and o4-mini, 2025',
          },
          {
            text: 'GPT-4 was tuned with reinforcement learning from human feedback, using demonstrations and rankings written by human trainers.',
            from: f(7, "GPT-4's launch behaviour"),
            scope: 'GPT-4, 2023',
          },
          {
            text: "OpenAI's InstructGPT research fine-tuned GPT-3 on answers written by people and on people's rankings of model outputs (RLHF).",
            from: f(1, "OpenAI's InstructGPT research"),
            scope: 'InstructGPT, 2022',
          },
        ],
      },
      employers: {
        status: 'partly',
        missing: 'Data-labeling vendors for current models',
        statements: [
          {
            text: 'The InstructGPT labelers were contractors hired on Upwork and through Scale AI.',
            from: f(3, 'The InstructGPT labelers were hired'),
            scope: 'InstructGPT, 2022',
          },
          {
            text: "TIME reported that OpenAI contracted the outsourcing firm Sama, whose workers in Kenya labelled violent, hateful and sexual-abuse text for ChatGPT's safety filter from late 2021; Sama ended the work in February 2022.",
            from: f(13, 'TIME reported that OpenAI contracted'),
          },
          {
            text: 'Bloomberg reported in June 2025 that OpenAI was winding down its work with Scale AI; an OpenAI spokesperson said Scale supplied a small fraction of its data.',
            from: f(15, 'Bloomberg reported (June 2025)'),
          },
        ],
      },
      headcount: {
        status: 'partly',
        missing: 'Number of data workers behind current models',
        statements: [
          {
            text: 'OpenAI hired about 40 contractors to write demonstrations, rank outputs and run evaluations for InstructGPT.',
            from: f(2, 'For InstructGPT, OpenAI hired a team of about 40'),
            scope: 'InstructGPT, 2022',
          },
          {
            text: 'More than 50 outside experts, in fields such as cybersecurity and biorisk, red-teamed GPT-4; recruiting began in August 2022.',
            from: f(9, 'OpenAI engaged more than 50 external experts'),
            scope: 'GPT-4, 2022-2023',
          },
          {
            text: 'More than 100 outside red-teamers, speaking 45 languages, tested GPT-4o between March and June 2024.',
            from: f(10, 'For GPT-4o, OpenAI worked with more than 100'),
            scope: 'GPT-4o, 2024',
          },
        ],
      },
      locations: {
        status: 'partly',
        missing: 'Where the data workers behind current models are',
        statements: [
          {
            text: 'In a voluntary survey of 19 InstructGPT labelers, the largest groups were Filipino (22%), Bangladeshi (22%) and American (17%).',
            from: f(4, 'In a voluntary survey of 19 InstructGPT labelers'),
            scope: 'InstructGPT, 2022 (19 respondents)',
          },
          {
            text: "GPT-4o's outside red-teamers came from 29 countries.",
            from: f(10, 'For GPT-4o, OpenAI worked with more than 100'),
            scope: 'GPT-4o, 2024',
          },
          {
            text: "TIME reported that the Sama workers on OpenAI's safety-filter project were based in Kenya.",
            from: f(13, 'TIME reported that OpenAI contracted'),
          },
        ],
      },
      pay: {
        status: 'partly',
        missing: 'Pay rates (only qualitative claims)',
        statements: [
          {
            text: "The GPT-4 report says annotators were paid 'a market wage' for the work, without giving a figure.",
            from: f(8, 'The GPT-4 report states annotators may opt out'),
            scope: 'GPT-4, 2023',
          },
          {
            text: 'OpenAI said members of its Red Teaming Network are paid for time spent on red-teaming projects; it published no rate.',
            from: f(11, 'OpenAI said members of its Red Teaming Network'),
          },
          {
            text: 'The InstructGPT paper gives no pay rate; in a survey of 19 labelers, 89.5% agreed or strongly agreed that they were paid fairly.',
            from: f(5, 'The InstructGPT paper reports no pay rate'),
            scope: 'InstructGPT, 2022',
          },
          {
            text: 'TIME reported take-home pay of about $1.32 to $2 an hour for the Sama workers in Kenya.',
            from: f(14, 'TIME reported take-home pay'),
          },
        ],
      },
      protections: {
        status: 'partly',
        missing: 'Protections for workers on current models',
        statements: [
          {
            text: 'The GPT-4 report says annotators could opt out of tasks they found unpleasant and raise objections; sensitive-content work used mandated breaks, blurred or greyscale content and clearly labelled projects, and vendor-managed workers got regular wellness surveys.',
            from: f(8, 'The GPT-4 report states annotators may opt out'),
            scope: 'GPT-4, 2023',
          },
        ],
      },
      instructions: {
        status: 'partly',
        missing: 'Instructions for current models',
        statements: [
          {
            text: "OpenAI published its InstructGPT labeling instructions and described onboarding, per-task guidance and a shared chat room for labelers' questions.",
            from: f(6, 'OpenAI published the InstructGPT labeling instructions'),
            scope: 'InstructGPT, 2022',
          },
        ],
      },
      'feedback-use': {
        status: 'disclosed',
        statements: [
          {
            text: 'OpenAI says that if you give feedback, such as a thumbs up or down, the whole conversation may be used to train its models, even if you have turned training off.',
            from: u('https://help.openai.com/en/articles/5722486-how-your-data-is-used-to-improve-model-performance'),
          },
          {
            text: 'OpenAI said its April 2025 GPT-4o update added a training reward based on ChatGPT thumbs-up/down ratings, which with other changes may have made the model more sycophantic; the update was rolled back.',
            from: f(16, 'OpenAI said its April 25, 2025 GPT-4o update'),
          },
          {
            text: "The GPT-5 system card says ChatGPT's model router is continuously trained on real user signals, such as when users switch models and which responses they prefer.",
            from: f(17, 'The GPT-5 system card says'),
          },
          {
            text: "ChatGPT consumer chats may be used for training unless 'Improve the model for everyone' is off; Temporary Chats, and by default Business, Enterprise, Edu and API data, are not used.",
            from: u('https://help.openai.com/en/articles/7730893-data-controls-faq'),
          },
        ],
      },
    },
    feedbackPolicy: {
      text: 'A thumbs up or down lets OpenAI use the whole conversation to train its models, even if you turned training off.',
      from: [
        u('https://help.openai.com/en/articles/5722486-how-your-data-is-used-to-improve-model-performance'),
        u('https://help.openai.com/en/articles/7730893-data-controls-faq'),
      ],
    },
  },
  {
    id: 'anthropic',
    name: 'Anthropic',
    data: 'Anthropic',
    topics: {
      'human-labor': {
        status: 'disclosed',
        statements: [
          {
            text: "Anthropic's Claude 4 system card lists data from data-labeling services and paid contractors among the model's training data.",
            from: f(19, "Anthropic's Claude 4 system card lists"),
            scope: 'Claude Opus 4 and Sonnet 4, 2025',
          },
          {
            text: "Anthropic's Constitutional AI method replaces human labels of harmful outputs with AI feedback guided by written principles, while still using human labels for helpfulness.",
            from: f(30, "Anthropic's Constitutional AI method"),
            scope: 'Constitutional AI paper, 2022',
          },
        ],
      },
      employers: {
        status: 'partly',
        missing: 'Names of its data-labeling vendors and platforms',
        statements: [
          {
            text: "Anthropic says it engages crowd workers through 'data work platforms', which it does not name, for preference selection, safety evaluation and adversarial testing.",
            from: f(20, 'Anthropic says it partners with'),
            scope: 'Claude 4, 2025',
          },
          {
            text: 'Anthropic told FMTI its human-generated data comes from internal teams and several third-party data vendors, and that further details are proprietary.',
            from: f(23, 'Anthropic told the FMTI that it gets'),
          },
          {
            text: "FMTI 2023 noted that Surge AI had announced a data-labeling partnership with Anthropic; Anthropic's own materials did not, though its staff, including co-founder Jared Kaplan, posted about it.",
            from: f(31, 'FMTI 2023 noted that the data-labeling firm Surge AI'),
          },
        ],
      },
      headcount: {
        status: 'partly',
        missing: 'Number of workers behind current Claude models',
        statements: [
          {
            text: "Anthropic's 2022 red-teaming study used 324 US crowdworkers (307 through Amazon Mechanical Turk, 17 through Upwork), who wrote 38,961 attacks.",
            from: f(24, "Anthropic's 2022 red-teaming study used 324"),
            scope: 'Red-teaming study, 2022',
          },
        ],
      },
      locations: {
        status: 'partly',
        missing: 'Where the workers behind current Claude models are',
        statements: [
          {
            text: "The workers in Anthropic's 2022 red-teaming study were US-based; it published a demographic survey of 115 of them.",
            from: f(27, 'The 2022 red-team workers were US-based'),
            scope: 'Red-teaming study, 2022',
          },
        ],
      },
      pay: {
        status: 'partly',
        missing: 'Pay rates for current crowd workers',
        statements: [
          {
            text: 'Anthropic says it works only with data-work platforms committed to fair and ethical compensation, wherever the workers are.',
            from: f(21, 'Anthropic says it only works with data-work platforms'),
            scope: 'Claude 4, 2025',
          },
          {
            text: "In its 2022 red-teaming study Anthropic paid MTurk workers $7.50-$9.50 per set of five conversations (by its estimate at least California's $15/hour minimum) and Upwork workers $20 an hour.",
            from: f(25, 'In that study Anthropic paid MTurk workers'),
            scope: 'Red-teaming study, 2022',
          },
          {
            text: "FMTI 2023 notes that Anthropic's 2022 RLHF paper says MTurk workers were paid per task with frequent bonuses and Upwork annotators well above California's minimum wage.",
            from: f(28, "FMTI 2023 notes that Anthropic's 2022 RLHF paper"),
            scope: 'RLHF paper, 2022',
          },
        ],
      },
      protections: {
        status: 'disclosed',
        statements: [
          {
            text: 'Anthropic says the data-work platforms it uses must follow the crowd-worker wellness standards in its Inbound Services Agreement and safe workplace practices wherever workers are.',
            from: f(21, 'Anthropic says it only works with data-work platforms'),
          },
          {
            text: "Anthropic's Inbound Services Agreement requires contractors providing crowd work to meet its minimum wellbeing standards for crowd-work vendors.",
            from: f(22, "Anthropic's Inbound Services Agreement requires"),
          },
          {
            text: 'FMTI 2025 found significant information from Anthropic on labor protections, such as wellbeing standards, but none on pay.',
            from: f(32, 'FMTI 2025 (flagship: Claude Opus 4) scored Anthropic 0'),
          },
          {
            text: 'In the 2022 red-teaming study, workers were warned about sensitive content and chose topics within their own tolerance.',
            from: f(26, 'For the red-team task Anthropic gave explicit warnings'),
            scope: 'Red-teaming study, 2022',
          },
        ],
      },
      instructions: {
        status: 'partly',
        missing: 'Instructions for Claude 4 and later',
        statements: [
          {
            text: 'Anthropic pointed FMTI to annotator instructions published in its 2022 RLHF and red-teaming papers; FMTI accepted them for Claude 2 and 3, but not for Claude 4.',
            from: f(29, 'Anthropic published annotator instructions'),
            scope: 'Claude 2 and Claude 3',
          },
        ],
      },
      'feedback-use': {
        status: 'disclosed',
        statements: [
          {
            text: 'Anthropic says a thumbs up or down on Claude stores the whole conversation for up to 5 years, separated from your account, and that it may be used to train models.',
            from: u('https://privacy.claude.com/en/articles/10023580-is-my-data-used-for-model-training'),
          },
          {
            text: 'Since its August 2025 consumer terms update, Claude users choose whether their chats may be used for training; chats are kept up to 5 years if allowed, 30 days otherwise.',
            from: [
              u('https://www.anthropic.com/news/updates-to-our-consumer-terms'),
              u('https://privacy.claude.com/en/articles/10023580-is-my-data-used-for-model-training'),
            ],
          },
          {
            text: 'For Claude for Work and the API, chats are not used for training by default, but explicit feedback may be, and enterprise owners can turn the thumbs buttons off.',
            from: u('https://support.anthropic.com/en/articles/7996868-is-my-data-used-for-model-training'),
          },
        ],
      },
    },
    feedbackPolicy: {
      text: 'A thumbs up or down stores the whole conversation for up to 5 years, separated from your account, and it may be used to train models.',
      from: [u('https://privacy.claude.com/en/articles/10023580-is-my-data-used-for-model-training')],
    },
  },
  {
    id: 'google',
    name: 'Google',
    data: 'Google (Google DeepMind)',
    topics: {
      'human-labor': {
        status: 'disclosed',
        statements: [
          {
            text: "Google told FMTI that Gemini 2.5 Pro's post-training data included human preference data, alongside instruction-tuning, instruction/response and tool-use data.",
            from: f(34, "Google told FMTI that Gemini 2.5 Pro's"),
            scope: 'Gemini 2.5 Pro, 2025',
          },
          {
            text: 'Google says human reviewers, including trained reviewers from its service providers, read and annotate Gemini Apps conversations to improve its AI.',
            from: f(39, 'Google says human reviewers'),
          },
          {
            text: "Google's FMTI 2024 submission pointed to human annotation in its Gemini 1.0 work, for example on factuality; FMTI concluded that human labor is used in Gemini 1.0's post-training.",
            from: f(33, 'In its FMTI 2024 submission Google pointed'),
            scope: 'Gemini 1.0, 2023',
          },
        ],
      },
      employers: {
        status: 'partly',
        missing: 'Names of data-labeling vendors (known only from the press)',
        statements: [
          {
            text: 'Google says the people who review Gemini Apps conversations include staff of its service providers, without naming them.',
            from: f(39, 'Google says human reviewers'),
          },
          {
            text: 'Google told FMTI in 2025 that it does not publicly disclose its sources of new human-generated data, for safety and security reasons.',
            from: f(38, 'Google told the FMTI (2025)'),
          },
          {
            text: "Bloomberg reported in July 2023 that Bard's answers were rated by thousands of contractors at firms including Appen and Accenture.",
            from: f(40, 'Bloomberg reported (July 2023)'),
          },
          {
            text: "WIRED reported that more than 200 contractors rating Google AI products, many of them 'super raters' employed through Hitachi-owned GlobalLogic, were laid off in August 2025.",
            from: f(41, 'WIRED reported (Sept 2025)'),
          },
        ],
      },
      headcount: {
        status: 'not-disclosed',
        missing: 'Number of raters and annotators',
        statements: [
          {
            text: "Bloomberg reported in July 2023 that thousands of contractors rated Bard's answers.",
            from: f(40, 'Bloomberg reported (July 2023)'),
          },
        ],
      },
      locations: none('Where raters and annotators are'),
      pay: {
        status: 'partly',
        missing: 'Actual pay rates',
        statements: [
          {
            text: 'Google says its Gemini 1.0 vendor contracts require data-enrichment workers to be paid at least the local living wage; it gives no rates.',
            from: f(35, 'Google says (Gemini 1.0 report'),
            scope: 'Gemini 1.0, 2023',
          },
          {
            text: 'Google says its data-enrichment practice follows Partnership on AI guidelines, which include paying all workers above the local living wage.',
            from: f(37, 'Google says it developed its data-enrichment practices'),
            scope: 'Google DeepMind practice in general',
          },
          {
            text: 'Bloomberg reported in July 2023 that some of the contractors rating Bard were paid as little as $14 an hour.',
            from: f(40, 'Bloomberg reported (July 2023)'),
          },
          {
            text: 'WIRED reported in 2025 that GlobalLogic super raters hired directly earned $28-$32 an hour, against $18-$22 for those hired through subcontractors for the same work.',
            from: f(41, 'WIRED reported (Sept 2025)'),
          },
        ],
      },
      protections: {
        status: 'partly',
        missing: 'Protections for the raters of current Gemini models',
        statements: [
          {
            text: 'For Gemini 1.0, Google says child-safety experts handled that sensitive work and content reviewers had limits on exposure to harmful content and access to wellbeing resources; its Supplier Code of Conduct covers data-labor suppliers.',
            from: f(36, 'Google says it used a dedicated team of child-safety'),
            scope: 'Gemini 1.0, 2023',
          },
          {
            text: 'Google says it follows Partnership on AI sourcing guidelines: piloting projects first, choosing suitable workers, giving verified instructions and keeping clear channels with workers.',
            from: f(37, 'Google says it developed its data-enrichment practices'),
            scope: 'Google DeepMind practice in general',
          },
        ],
      },
      instructions: none('Annotation instructions'),
      'feedback-use': {
        status: 'disclosed',
        statements: [
          {
            text: 'With Gemini Apps Activity on, Google may use your chats and related feedback to improve its AI, including review by people; reviewed chats are kept up to 3 years, apart from your account, even if you delete your activity.',
            from: u('https://support.google.com/gemini/answer/13594961'),
          },
          {
            text: 'With the setting off, new chats are not used for training but are kept up to 72 hours; Temporary Chats are not used to improve models.',
            from: u('https://support.google.com/gemini/answer/13594961'),
          },
        ],
      },
    },
    feedbackPolicy: {
      text: "With Gemini Apps Activity on, your chats and feedback may be read by human reviewers and used to improve Google's AI; reviewed chats are kept up to 3 years.",
      from: [u('https://support.google.com/gemini/answer/13594961')],
    },
  },
  {
    id: 'microsoft',
    name: 'Microsoft',
    data: 'Microsoft',
    topics: {
      'human-labor': {
        status: 'partly',
        missing: "Human labor behind Copilot and Microsoft's own MAI models",
        statements: [
          {
            text: "Microsoft's February 2024 note says Copilot in Bing ran on OpenAI technology, including GPT-4 and DALL-E; the human labor behind those models is OpenAI's.",
            from: f(45, "Microsoft's Copilot in Bing responsible-AI note"),
            scope: 'Copilot in Bing, 2024',
          },
          {
            text: 'For Phi-2, a small open model (not Copilot), Microsoft told FMTI that no human labor was used in its data pipeline.',
            from: f(46, 'For its FMTI 2024 flagship (Phi-2'),
            scope: 'Phi-2, 2024',
          },
          {
            text: 'Microsoft says an independent red team inside the company repeatedly tested Phi-3 during post-training.',
            from: f(47, 'For Phi-3, an independent red team at Microsoft'),
            scope: 'Phi-3, 2024',
          },
        ],
      },
      employers: {
        status: 'partly',
        missing: 'Any vendors or raters used for Copilot or MAI models',
        statements: [
          {
            text: 'Microsoft told FMTI that no third parties were involved in building Phi-2.',
            from: f(46, 'For its FMTI 2024 flagship (Phi-2'),
            scope: 'Phi-2, 2024',
          },
          {
            text: 'Phi-3 was red-teamed by a team inside Microsoft.',
            from: f(47, 'For Phi-3, an independent red team at Microsoft'),
            scope: 'Phi-3, 2024',
          },
        ],
      },
      headcount: none('Any information for Copilot or MAI models'),
      locations: none('Any information for Copilot or MAI models'),
      pay: none('Any information for Copilot or MAI models'),
      protections: none('Any information for Copilot or MAI models'),
      instructions: none('Any information for Copilot or MAI models'),
      'feedback-use': {
        status: 'disclosed',
        statements: [
          {
            text: "Microsoft said in August 2024 it would train Copilot's models on consumer Copilot, Bing and Microsoft Start data, learning for example from aggregated thumbs up/down ratings, with an opt-out.",
            from: f(48, 'Microsoft announced (Aug 2024)'),
          },
          {
            text: 'Microsoft says Microsoft 365 Copilot (work and school accounts) prompts, responses and organisational data are not used to train its foundation models.',
            from: u('https://learn.microsoft.com/en-us/copilot/microsoft-365/microsoft-365-copilot-privacy'),
          },
        ],
      },
    },
    feedbackPolicy: {
      text: 'Consumer Copilot learns from aggregated thumbs up/down ratings and other usage data unless you opt out; Microsoft 365 Copilot data is not used to train foundation models.',
      from: [
        f(48, 'Microsoft announced (Aug 2024)'),
        u('https://learn.microsoft.com/en-us/copilot/microsoft-365/microsoft-365-copilot-privacy'),
      ],
    },
  },
  {
    id: 'meta',
    name: 'Meta',
    data: 'Meta',
    topics: {
      'human-labor': {
        status: 'disclosed',
        statements: [
          {
            text: "Meta's Llama 4 model card says safety fine-tuning data combines human-generated data from its vendors with synthetic data.",
            from: u('https://github.com/meta-llama/llama-models/blob/main/models/llama4/MODEL_CARD.md'),
            scope: 'Llama 4, 2025',
          },
          {
            text: 'Meta says Llama 3 was post-trained over six rounds of new human preference annotations and fine-tuning data, with multilingual annotations from linguists and native speakers; most post-training data was model-generated.',
            from: f(53, 'For Llama 3, Meta collected new human preference'),
            scope: 'Llama 3, 2024',
          },
          {
            text: 'For Llama 2-Chat, Meta collected 27,540 fine-tuning annotations through vendors (no Meta user data) and about 1.4 million human preference comparisons.',
            from: f(49, 'For Llama 2-Chat, Meta collected 27,540'),
            scope: 'Llama 2, 2023',
          },
        ],
      },
      employers: {
        status: 'partly',
        missing: 'Names of annotation and red-teaming vendors',
        statements: [
          {
            text: 'Meta used third-party annotation vendors for Llama 2, without naming them, and noted that different vendors gave markedly different results.',
            from: f(50, 'Meta used third-party annotation vendors'),
            scope: 'Llama 2, 2023',
          },
          {
            text: "Llama 2's red-teamers were Meta employees, contract workers and people from outside vendors.",
            from: f(51, 'Llama 2 was red-teamed by over 350 people'),
            scope: 'Llama 2, 2023',
          },
          {
            text: 'In June 2025 Meta invested in data-labeling firm Scale AI, reported as about $14.3 billion for a 49% stake, saying it would deepen their work producing data for AI models.',
            from: f(54, 'In June 2025 Meta made a major investment'),
          },
          {
            text: 'Business Insider reported in August 2025 that contractors hired through Outlier (Scale AI) and Alignerr review real Meta AI conversations and often see personal details.',
            from: f(55, 'Business Insider reported (Aug 2025)'),
          },
        ],
      },
      headcount: {
        status: 'partly',
        missing: 'Number of workers behind Llama 3/4 and Meta AI',
        statements: [
          {
            text: 'Over 350 people red-teamed Llama 2, including experts in cybersecurity, election fraud, misinformation, law and civil rights.',
            from: f(51, 'Llama 2 was red-teamed by over 350 people'),
            scope: 'Llama 2, 2023',
          },
        ],
      },
      locations: none('Where data workers are'),
      pay: none('Pay of data workers'),
      protections: none('Protections for data workers'),
      instructions: {
        status: 'partly',
        missing: 'Instructions for Llama 3/4',
        statements: [
          {
            text: 'Meta described its Llama 2 annotation guidelines and safety categories and published its annotator selection tests, such as a 42-question test requiring 80% agreement with its criteria.',
            from: f(52, 'Meta described its Llama 2 annotation guidelines'),
            scope: 'Llama 2, 2023',
          },
        ],
      },
      'feedback-use': {
        status: 'partly',
        missing: 'What the Meta AI thumbs buttons do',
        statements: [
          {
            text: "Meta says Llama 4 was trained partly on data from its products, including public Instagram and Facebook posts and people's interactions with Meta AI.",
            from: f(56, 'Meta says Llama 4 was trained partly'),
          },
          {
            text: 'Meta said in April 2025 that it does not train its generative AI on private messages with friends and family, and that people in the EU can object with a form.',
            from: u('https://about.fb.com/news/2025/04/making-ai-work-harder-for-europeans/'),
          },
        ],
      },
    },
    feedbackPolicy: {
      text: 'Meta trains its models on people\'s interactions with Meta AI; what its thumbs buttons do is not documented separately.',
      from: [f(56, 'Meta says Llama 4 was trained partly')],
    },
  },
  {
    id: 'mistral',
    name: 'Mistral AI',
    data: 'Mistral AI',
    topics: {
      'human-labor': {
        status: 'partly',
        missing: 'Whether outside workers are used for current models',
        statements: [
          {
            text: 'Mistral told FMTI that only its in-house scientific staff worked on Mistral 7B, with no external human workers.',
            from: f(58, 'For FMTI 2024 (flagship Mistral 7B)'),
            scope: 'Mistral 7B, 2024',
          },
          {
            text: 'Mistral says Mistral 7B Instruct was fine-tuned on instruction datasets publicly available on Hugging Face, with no proprietary data.',
            from: f(60, 'The Mistral 7B paper says the Instruct model'),
            scope: 'Mistral 7B Instruct, 2023',
          },
          {
            text: "Mistral's help center says it keeps its training datasets proprietary and does not communicate on them.",
            from: f(61, "Mistral's help center says it does not communicate"),
          },
        ],
      },
      employers: {
        status: 'partly',
        missing: 'Who works on current models',
        statements: [
          {
            text: 'Mistral told FMTI that the people who built Mistral 7B were employees of its French company and its subsidiaries.',
            from: f(59, 'Mistral told FMTI 2024 that those workers'),
            scope: 'Mistral 7B, 2024',
          },
        ],
      },
      headcount: none('Number of people working on data'),
      locations: {
        status: 'partly',
        missing: 'Where people working on current models are',
        statements: [
          {
            text: 'Mistral told FMTI that Mistral 7B was built by employees of its French company and its subsidiaries.',
            from: f(59, 'Mistral told FMTI 2024 that those workers'),
            scope: 'Mistral 7B, 2024',
          },
        ],
      },
      pay: none('Pay of anyone working on data'),
      protections: {
        status: 'partly',
        missing: 'Protections for any outside data workers on current models',
        statements: [
          {
            text: 'Mistral told FMTI that those employees work under standard employment contracts with the applicable labor protections.',
            from: f(59, 'Mistral told FMTI 2024 that those workers'),
            scope: 'Mistral 7B, 2024',
          },
        ],
      },
      instructions: none('Annotation instructions for current models'),
      'feedback-use': {
        status: 'disclosed',
        statements: [
          {
            text: "Mistral's terms say it may train on Le Chat feedback you give, such as ratings; on chats on free, Pro and Student plans unless you opt out; and on content flagged by moderation.",
            from: u('https://mistral.ai/terms#terms-of-service'),
          },
        ],
      },
    },
    feedbackPolicy: {
      text: "Feedback you give in Le Chat, such as a rating, may be used to train Mistral's models; free, Pro and Student chats are also used unless you opt out.",
      from: [u('https://mistral.ai/terms#terms-of-service')],
    },
  },
  {
    id: 'xai',
    name: 'xAI',
    data: 'xAI',
    topics: {
      'human-labor': {
        status: 'not-disclosed',
        missing: 'Any model-card statement on human data work',
        statements: [
          {
            text: "xAI said on X in September 2025 that it would grow its specialist 'AI tutor' team tenfold, hiring in areas such as STEM, finance, medicine and safety.",
            from: f(64, 'xAI publicly said (post on X'),
          },
        ],
      },
      employers: none('Whether outside data vendors are used, and which'),
      headcount: {
        status: 'not-disclosed',
        missing: 'Number of AI tutors and other data workers',
        statements: [
          {
            text: "Business Insider reported that xAI's human data team, about 1,500 full-time and contract staff including 'AI tutors', lost about 500 generalist tutors in a layoff on 12 September 2025.",
            from: f(63, 'Business Insider (via LA Times) reported'),
          },
        ],
      },
      locations: none('Where AI tutors are'),
      pay: none('Pay of AI tutors'),
      protections: none('Protections for AI tutors'),
      instructions: none('Annotation instructions'),
      'feedback-use': {
        status: 'partly',
        missing: 'Whether ratings are still used after you opt out',
        statements: [
          {
            text: "xAI's privacy policy says it collects thumbs up/down ratings of Grok's answers as feedback and may use them, with your inputs and outputs, to improve its service and for research.",
            from: f(66, "xAI's privacy policy says it collects Feedback"),
          },
          {
            text: 'X added a setting in mid-2024, on by default, that lets your public posts and Grok conversations be used to train Grok; you can untick it.',
            from: f(67, 'X added a setting'),
          },
        ],
      },
    },
    feedbackPolicy: {
      text: 'xAI collects thumbs up/down ratings and may use them, with the conversation, to improve Grok and for research.',
      from: [f(66, "xAI's privacy policy says it collects Feedback")],
    },
  },
  {
    id: 'deepseek',
    name: 'DeepSeek',
    data: 'DeepSeek',
    topics: {
      'human-labor': {
        status: 'disclosed',
        statements: [
          {
            text: 'DeepSeek said in September 2025 that it combines automated detection with human review to find statistical biases in its training data.',
            from: f(71, "DeepSeek's Sept 2025 model disclosure"),
          },
          {
            text: "For DeepSeek-R1, human annotators post-processed a small 'cold-start' set of step-by-step reasoning examples.",
            from: f(70, 'For DeepSeek-R1, the small'),
            scope: 'DeepSeek-R1, 2025',
          },
          {
            text: 'For DeepSeek-V3, fine-tuning data for tasks such as creative writing and simple Q&A was generated by an earlier model and checked by human annotators.',
            from: f(69, 'For DeepSeek-V3, non-reasoning SFT data'),
            scope: 'DeepSeek-V3, 2024',
          },
        ],
      },
      employers: none('Who the annotators are: staff or vendors'),
      headcount: none('Number of annotators'),
      locations: none('Where annotators are'),
      pay: none('Pay of annotators'),
      protections: none('Protections for annotators'),
      instructions: none('Annotation instructions'),
      'feedback-use': {
        status: 'partly',
        missing: 'What the like/dislike buttons do specifically',
        statements: [
          {
            text: "DeepSeek's terms say it may use de-identified chat inputs and outputs to improve its services and models; you can opt out by turning off 'Improve the model for everyone'.",
            from: u('https://cdn.deepseek.com/policies/en-US/deepseek-terms-of-use.html'),
          },
          {
            text: "FMTI notes that DeepSeek's privacy policy lists feedback and chat history among the data it collects, and that users can like or dislike answers.",
            from: u(FMTI_DEEPSEEK_2025),
          },
        ],
      },
    },
    feedbackPolicy: {
      text: "DeepSeek may use de-identified chats, and the feedback it collects with them, to improve its models unless you turn off 'Improve the model for everyone'.",
      from: [u('https://cdn.deepseek.com/policies/en-US/deepseek-terms-of-use.html'), u(FMTI_DEEPSEEK_2025)],
    },
  },
  {
    id: 'perplexity',
    name: 'Perplexity',
    data: 'Perplexity',
    topics: {
      'human-labor': none('Any statement on human labor behind its own models'),
      employers: {
        status: 'not-disclosed',
        missing: 'Any data vendors, in its own words',
        statements: [
          {
            text: 'Data vendor Toloka says Perplexity used its human evaluators in 2023 to compare the helpfulness, truthfulness and safety of its pplx-70b-online model with GPT-3.5.',
            from: f(73, 'Data vendor Toloka published a case study'),
          },
        ],
      },
      headcount: none('Number of data workers'),
      locations: none('Where data workers are'),
      pay: none('Pay of data workers'),
      protections: none('Protections for data workers'),
      instructions: none('Annotation instructions'),
      'feedback-use': {
        status: 'disclosed',
        statements: [
          {
            text: 'Perplexity says your searches and feedback reports are used to improve its search and AI models, unless you turn off its AI data setting.',
            from: f(74, "Perplexity's FAQ says users' search queries"),
          },
          {
            text: "For Free, Pro and Max users the 'AI data retention' setting is on by default; turning it off applies only to later data, and Enterprise data is never used for training.",
            from: u('https://www.perplexity.ai/help-center/en/articles/11564572-data-collection-at-perplexity'),
          },
        ],
      },
    },
    feedbackPolicy: {
      text: "Perplexity uses your searches and feedback reports to improve its AI models unless you turn off 'AI data retention' (on by default; turning it off is not retroactive).",
      from: [
        f(74, "Perplexity's FAQ says users' search queries"),
        u('https://www.perplexity.ai/help-center/en/articles/11564572-data-collection-at-perplexity'),
      ],
    },
  },
  {
    id: 'alibaba',
    name: 'Alibaba (Qwen)',
    data: 'Alibaba (Qwen)',
    topics: {
      'human-labor': {
        status: 'disclosed',
        statements: [
          {
            text: "While building Qwen3's reasoning training data, human annotators checked the answers to problems the QwQ-32B model kept getting wrong.",
            from: f(82, "In building Qwen3's reasoning cold-start data"),
            scope: 'Qwen3, 2025',
          },
          {
            text: "Qwen3's post-training uses a reward model trained on human preference data.",
            from: f(83, "Qwen3's post-training includes a reward model"),
            scope: 'Qwen3, 2025',
          },
        ],
      },
      employers: none('Who the annotators are and who employs them'),
      headcount: none('Number of annotators'),
      locations: none('Where annotators are'),
      pay: none('Pay of annotators'),
      protections: none('Protections for annotators'),
      instructions: none('Annotation instructions'),
      'feedback-use': {
        status: 'partly',
        missing: 'The full feedback terms, and any opt-out',
        statements: [
          {
            text: "Qwen Chat's privacy policy says Alibaba may use de-identified user content to improve its services, including its AI models.",
            from: u('https://chat.qwen.ai/legal-agreement/privacy-policy'),
          },
          {
            text: "Qwen Chat's terms call thumbs up/down ratings 'User Feedback' and set conditions on giving it.",
            from: u('https://chat.qwen.ai/legal-agreement/terms-of-service'),
          },
        ],
      },
    },
    feedbackPolicy: {
      text: 'Alibaba may use de-identified Qwen Chat content to improve its AI models, and its terms set conditions on thumbs up/down feedback; no opt-out was found.',
      from: [u('https://chat.qwen.ai/legal-agreement/privacy-policy'), u('https://chat.qwen.ai/legal-agreement/terms-of-service')],
    },
  },
  {
    id: 'quora',
    name: 'Quora (Poe)',
    note: "Not researched yet: no source about Quora's own staff or feedback handling has been reviewed, so 'not disclosed' here means nothing has been checked.",
    topics: Object.fromEntries(TOPIC_IDS.map((t) => [t, none()])) as Record<TopicId, TopicDef>,
    feedbackPolicy: null,
  },
  {
    id: 'huggingface',
    name: 'Hugging Face',
    note: "Not researched yet: no source about Hugging Face's own staff or HuggingChat's feedback handling has been reviewed, so 'not disclosed' here means nothing has been checked.",
    topics: Object.fromEntries(TOPIC_IDS.map((t) => [t, none()])) as Record<TopicId, TopicDef>,
    feedbackPolicy: null,
  },
];

// ---------------------------------------------------------------------------------------------
// Sites: which vendor's entry belongs beside an answer

/** Vendor names as they appear in model names (Poe bots, Perplexity's picker). First match wins. */
const NAME_RULES: [string, VendorId][] = [
  ['claude|anthropic', 'anthropic'],
  ['deepseek', 'deepseek'],
  ['gpt|\\bo[1-9](?:-|\\b)|dall-?e|\\bsora\\b|openai', 'openai'],
  ['gemini|gemma|imagen|\\bveo\\b', 'google'],
  ['llama', 'meta'],
  ['mistral|mixtral|magistral|codestral|pixtral|devstral', 'mistral'],
  ['grok', 'xai'],
  ['qwen|qwq', 'alibaba'],
  ['\\bphi-?\\d|\\bmai-', 'microsoft'],
  ['sonar|perplexity', 'perplexity'],
];
const nameRules = (): ModelVendorRule[] => NAME_RULES.map(([match, vendor]) => ({ match, vendor }));

/** Hugging Face repo ids name the publishing org ("Qwen/Qwen3-235B-A22B"); other orgs' fine-tunes stay unmapped. */
const HF_ORGS: [string, VendorId][] = [
  ['Qwen', 'alibaba'],
  ['meta-llama', 'meta'],
  ['deepseek-ai', 'deepseek'],
  ['mistralai', 'mistral'],
  ['google', 'google'],
  ['microsoft', 'microsoft'],
  ['openai', 'openai'],
  ['xai-org', 'xai'],
  ['HuggingFaceH4|HuggingFaceTB|huggingface', 'huggingface'],
];
const hfRules = (): ModelVendorRule[] => [
  ...HF_ORGS.map(([org, vendor]) => ({ match: `^(?:${org})/`, vendor })),
  // A bare model name (no org): only then guess from the name.
  ...NAME_RULES.map(([match, vendor]) => ({ match: `^[^/]*(?:${match})`, vendor })),
];

const COPILOT_NOTE =
  "Microsoft has said Copilot runs on OpenAI models (GPT-4 and DALL-E in its 2024 note), so OpenAI's disclosures are shown. Microsoft has since also been testing models of its own in Copilot, and the page does not say which model wrote this answer.";

const SITE_DEFS: Record<SiteId, Omit<SiteMapping, 'hosts' | 'sources'> & { sources?: Ref[] }> = {
  chatgpt: { platform: 'openai' },
  claude: { platform: 'anthropic' },
  gemini: { platform: 'google' },
  copilot: {
    platform: 'microsoft',
    modelVendors: [
      { match: '\\bMAI\\b|\\bMAI-', vendor: 'microsoft' },
      { match: 'gpt|\\bo[1-9](?:-|\\b)|dall-?e', vendor: 'openai' },
    ],
    defaultModelVendor: 'openai',
    note: COPILOT_NOTE,
    sources: [f(45, "Microsoft's Copilot in Bing responsible-AI note")],
  },
  perplexity: {
    platform: 'perplexity',
    modelVendors: nameRules(),
    note: "Perplexity serves its own Sonar models and other vendors' models.",
  },
  mistral: { platform: 'mistral' },
  deepseek: { platform: 'deepseek' },
  grok: { platform: 'xai' },
  meta: { platform: 'meta' },
  poe: {
    platform: 'quora',
    modelVendors: nameRules(),
    note: "Poe's bots run models of many vendors; the bot name usually names the model.",
  },
  huggingchat: {
    platform: 'huggingface',
    modelVendors: hfRules(),
    note: 'HuggingChat serves open models of several vendors; the model id names the publishing organisation.',
  },
  qwen: { platform: 'alibaba' },
};

// ---------------------------------------------------------------------------------------------
// Build

function resolver(data: Data) {
  return (ref: Ref): Source => {
    if ('fact' in ref) {
      const entry = data.facts[ref.fact - 1];
      if (!entry) throw new Error(`Fact #${ref.fact} is not in vendors.json`);
      if (!entry.fact.statement.startsWith(ref.starts)) {
        throw new Error(`Fact #${ref.fact} no longer starts with "${ref.starts}": "${entry.fact.statement.slice(0, 80)}…"`);
      }
      if (entry.fact.confidence === 'low') throw new Error(`Fact #${ref.fact} is low confidence and must not be used`);
      return toSource(entry.fact.source, entry.fact.topic);
    }
    const s = data.sources.get(ref.url);
    if (!s) throw new Error(`No source with URL ${ref.url} in the shared data`);
    return toSource(s);
  };
}

function dedupe(sources: Source[]): Source[] {
  const seen = new Set<string>();
  return sources.filter((s) => (seen.has(s.url) ? false : (seen.add(s.url), true)));
}

function fmtiOf(raw: RawVendor | undefined, id: VendorId): FmtiScore[] {
  if (!raw) return [];
  return raw.fmti_history
    .filter((h) => h.edition && h.scores_source)
    .map((h): FmtiScore => {
      const edition = /2025/.test(h.edition!) ? '2025-12' : /May 2024/.test(h.edition!) ? '2024-05' : /October 2023/.test(h.edition!) ? '2023-10' : null;
      if (!edition) throw new Error(`Unknown FMTI edition '${h.edition}'`);
      const indicators = Object.entries(h.data_labor_indicators).map(([name, score]) => ({ name, score }));
      const v1 = edition !== '2025-12';
      const notes: string[] = [];
      if (!v1) notes.push('The 2025 edition rewrote the indicators; its scores are not comparable with 2023 and 2024.');
      if (id === 'microsoft' && edition === '2024-05') {
        notes.push("Scored for Phi-2, a small open model, not Copilot: Microsoft said no human labor or third parties were involved, which earned every point.");
      }
      if (id === 'mistral' && edition === '2024-05') {
        notes.push('Scored for Mistral 7B on Mistral\'s statement that only in-house staff worked on it.');
      }
      return {
        edition,
        ...(h.flagship_model ? { model: h.flagship_model } : {}),
        label: v1 ? 'Data labor' : 'Data acquisition: data-labor indicators',
        score: indicators.reduce((n, i) => n + i.score, 0),
        max: indicators.length,
        indicators,
        ...(h.total_score_out_of_100 !== undefined ? { total: h.total_score_out_of_100 } : {}),
        ...(notes.length ? { note: notes.join(' ') } : {}),
        source: toSource(h.scores_source!),
      };
    })
    .sort((a, b) => a.edition.localeCompare(b.edition));
}

export function buildRegistry(dir = DATA_DIR): Registry {
  const data = loadData(dir);
  const src = resolver(data);
  const statement = (d: Def): Statement => ({
    text: d.text,
    sources: dedupe((Array.isArray(d.from) ? d.from : [d.from]).map(src)),
    ...(d.scope ? { scope: d.scope } : {}),
  });

  const vendors: VendorEntry[] = VENDORS.map((v) => {
    const raw = v.data ? data.vendors.find((x) => x.vendor === v.data) : undefined;
    if (v.data && !raw) throw new Error(`Vendor '${v.data}' is not in vendors.json`);
    const topics = Object.fromEntries(
      TOPIC_IDS.map((t): [TopicId, TopicEntry] => {
        const def = v.topics[t];
        return [
          t,
          {
            status: def.status,
            statements: (def.statements ?? []).map(statement),
            ...(def.missing ? { missing: def.missing } : {}),
          },
        ];
      }),
    ) as Record<TopicId, TopicEntry>;
    return {
      id: v.id,
      name: v.name,
      ...(v.note ? { note: v.note } : {}),
      topics,
      fmti: fmtiOf(raw, v.id),
      feedbackPolicy: v.feedbackPolicy
        ? { text: v.feedbackPolicy.text, sources: dedupe(v.feedbackPolicy.from.map(src)) }
        : null,
    };
  });

  const sites = Object.fromEntries(
    SITES.map((s): [SiteId, SiteMapping] => {
      const def = SITE_DEFS[s.id];
      if (def.platform !== s.vendor) throw new Error(`Site '${s.id}': adapter vendor '${s.vendor}' ≠ registry '${def.platform}'`);
      const { sources, ...rest } = def;
      return [s.id, { ...rest, hosts: [...s.hosts], ...(sources ? { sources: dedupe(sources.map(src)) } : {}) }];
    }),
  ) as Record<SiteId, SiteMapping>;

  return RegistrySchema.parse({
    schema: REGISTRY_SCHEMA,
    version: VERSION,
    reviewedAt: REVIEWED_AT,
    asOf: AS_OF,
    vendors,
    sites,
  });
}

export function registryJson(registry: Registry): string {
  return `${JSON.stringify(registry, null, 2)}\n`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (!existsSync(DATA_DIR)) {
    console.error(`No shared data at ${DATA_DIR}`);
    process.exit(1);
  }
  const registry = buildRegistry();
  writeFileSync(REGISTRY_PATH, registryJson(registry));
  const n = registry.vendors.reduce((a, v) => a + TOPIC_IDS.reduce((b, t) => b + v.topics[t].statements.length, 0), 0);
  console.log(`Wrote ${REGISTRY_PATH}: version ${registry.version}, ${registry.vendors.length} vendors, ${n} statements.`);
}
