/**
 * Builds a report draft in the page. Kept apart from the zod schemas so the content
 * script does not carry a validator it has no use for (the background validates).
 */
import type { AnswerInfo } from './sites/types';
import type { ReportDraft } from './report';

/** What the person chose in the panel. */
export interface ReportInput {
  rating?: 'up' | 'down';
  /** Built-in category ids or a team's own. */
  flags?: string[];
  comment?: string;
  correction?: string;
}

/** The draft for one answer: what the page showed plus what the person chose, nothing else. */
export function draftFor(info: AnswerInfo, pageUrl: string, input: ReportInput): ReportDraft {
  const u = new URL(pageUrl);
  const filled = (s: string | null | undefined) => (s && s.trim() ? s.trim() : undefined);
  return {
    site: info.site,
    vendor: info.vendor,
    model: filled(info.model),
    mode: filled(info.mode),
    // No query or fragment: they can carry tokens, and they never name the conversation.
    conversationUrl: u.protocol === 'https:' ? u.origin + u.pathname : undefined,
    conversationId: filled(info.conversationId),
    answer: { key: info.key, text: info.text },
    prompt: info.prompt === null ? undefined : { text: info.prompt },
    rating: input.rating,
    flags: input.flags ?? [],
    comment: filled(input.comment),
    correction: filled(input.correction),
  };
}
