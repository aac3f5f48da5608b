/**
 * The person's privacy choices applied to a report: the same function runs in the
 * panel's preview and in the background before storing, so the preview shows exactly
 * what is kept and sent. zod-free: it runs in the page.
 */
import { redact } from './redact';

export interface PrivacyChoices {
  answerText: boolean;
  prompt: boolean;
  conversationUrl: boolean;
  model: boolean;
  redact: boolean;
}

export const DEFAULT_PRIVACY: PrivacyChoices = { answerText: true, prompt: false, conversationUrl: true, model: true, redact: true };

/** The fields privacy choices touch; drafts and stored reports both have them. */
interface Shaped {
  answer: { text?: string };
  prompt?: { text: string };
  conversationUrl?: string;
  conversationId?: string;
  model?: string;
  mode?: string;
  comment?: string;
  correction?: string;
}

export function applyPrivacy<T extends Shaped>(r: T, p: PrivacyChoices): T {
  const clean = (s: string) => (p.redact ? redact(s).text : s);
  const out: T = { ...r, answer: { ...r.answer } };
  if (!p.answerText) delete out.answer.text;
  else if (out.answer.text !== undefined) out.answer.text = clean(out.answer.text);
  if (!p.prompt || !r.prompt) delete out.prompt;
  else out.prompt = { text: clean(r.prompt.text) };
  if (!p.conversationUrl) {
    delete out.conversationUrl;
    delete out.conversationId;
  }
  if (!p.model) {
    delete out.model;
    delete out.mode;
  }
  // What the person typed is theirs to keep, but redaction still protects others named in it.
  if (out.comment !== undefined) out.comment = clean(out.comment);
  if (out.correction !== undefined) out.correction = clean(out.correction);
  return out;
}
