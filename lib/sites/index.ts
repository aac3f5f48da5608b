import type { SiteAdapter } from './types';
import { chatgpt } from './chatgpt';
import { claude } from './claude';
import { gemini } from './gemini';
import { copilot } from './copilot';
import { perplexity } from './perplexity';
import { mistral } from './mistral';
import { deepseek } from './deepseek';
import { grok } from './grok';
import { meta } from './meta';
import { poe } from './poe';
import { huggingchat } from './huggingchat';
import { qwen } from './qwen';

export const SITES: readonly SiteAdapter[] = [
  chatgpt, claude, gemini, copilot, perplexity, mistral, deepseek, grok, meta, poe, huggingchat, qwen,
];

/** The adapter for a page, or null when the extension has nothing to do there. */
export function siteFor(url: URL | Location): SiteAdapter | null {
  return (
    SITES.find(
      (s) => s.hosts.includes(url.hostname) && (!s.pathPrefix || url.pathname.startsWith(s.pathPrefix)),
    ) ?? null
  );
}

/** Match patterns for the content script: every host of every adapter. */
export const CHAT_MATCHES: string[] = SITES.flatMap((s) =>
  s.hosts.map((h) => `https://${h}${s.pathPrefix ? `${s.pathPrefix}*` : '/*'}`),
);
