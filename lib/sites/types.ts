/**
 * A chatbot adapter is data: selector chains plus the few facts a site needs.
 * The shared engine (`parse.ts`, `watcher.ts`) does the work for every site.
 */

export const SITE_IDS = [
  'chatgpt',
  'claude',
  'gemini',
  'copilot',
  'perplexity',
  'mistral',
  'deepseek',
  'grok',
  'meta',
  'poe',
  'huggingchat',
  'qwen',
] as const;
export type SiteId = (typeof SITE_IDS)[number];

export const VENDOR_IDS = [
  'openai',
  'anthropic',
  'google',
  'microsoft',
  'perplexity',
  'mistral',
  'deepseek',
  'xai',
  'meta',
  'quora',
  'huggingface',
  'alibaba',
] as const;
export type VendorId = (typeof VENDOR_IDS)[number];

/** CSS selectors tried in order; the first one that matches anything wins. */
export type Chain = readonly string[];

/**
 * Where a piece of text lives. `attr` reads an attribute instead of text content;
 * `pattern` keeps capture group 1 (e.g. the model out of "current model is 5.2").
 */
export interface ValueSource {
  selector: string;
  attr?: string;
  pattern?: RegExp;
  /** "mode" for pickers that name a speed/effort tier ("Flash", "Expert"), not a model. */
  kind: 'model' | 'mode';
  /** Search inside the answer (or its turn) instead of the whole document. */
  scope?: 'answer' | 'document';
}

/** An attribute that identifies an answer, looked up on the answer, its ancestors, then inside it. */
export interface KeySource {
  selector: string;
  attr: string;
  where: 'self' | 'closest' | 'inside';
}

/** A per-answer streaming attribute (e.g. Claude's data-is-streaming). */
export interface StreamingMarker {
  /** Element carrying the attribute: the answer itself, an ancestor, or a descendant. */
  selector: string;
  attr: string;
  /** Values that mean "finished". Any other value means "still writing". */
  done: readonly string[];
}

export interface SiteSelectors {
  /** The answer element; the panel is mounted right after it. Resolved once per page. */
  answer: Chain;
  /** The narrowest element holding the answer's text, searched inside the answer. Falls back to the answer. */
  body: Chain;
  /** User prompts; the last one before an answer (document order) is its prompt. */
  prompt: Chain;
  /** The narrowest element holding a prompt's text, searched inside the prompt. Falls back to the prompt. */
  promptBody?: Chain;
  /** Inside answers and prompts, subtrees that are not the text (thinking, tool output, site labels). */
  strip?: Chain;
  /** Formulas drawn as images whose alt text is the TeX (Meta AI); read as `$alt$`. */
  mathImage?: string;
  /** The turn container, where a site keeps the action bar or the key beside the answer. */
  turn?: string;
  /** Per-answer streaming markers; the first one present on an answer decides. */
  streaming?: readonly StreamingMarker[];
  /** Anything here in the document means the site is generating. */
  generating?: Chain;
  /** Present in a finished answer (or its turn): copy / thumbs buttons. */
  actionBar?: Chain;
  /** Stable answer ids. Without one, the key is a hash of prompt and answer text. */
  key?: readonly KeySource[];
  /** Model or mode names; the first source found of each kind wins. */
  model?: readonly ValueSource[];
}

export interface SiteAdapter {
  id: SiteId;
  /** Display name ("Le Chat"). */
  name: string;
  /** The platform's own vendor; a model named on the page may map to another (lib/sites/vendor.ts). */
  vendor: VendorId;
  /** Hostnames served (exact). */
  hosts: readonly string[];
  /** Only pages under this path are chat pages (HuggingChat lives in huggingface.co/chat). */
  pathPrefix?: string;
  /** Capture group 1 of this, applied to `location.pathname`, is the conversation id. */
  conversationId: RegExp;
  selectors: SiteSelectors;
  /** Answer text cleanup the generic walker cannot do (rare). */
  cleanText?: (text: string) => string;
}

/** What the engine yields for each answer on the page. */
export interface AnswerInfo {
  key: string;
  text: string;
  prompt: string | null;
  model: string | null;
  mode: string | null;
  conversationId: string | null;
  site: SiteId;
  vendor: VendorId;
}
