/**
 * The one way extension pages talk to the background. Components take a `Send` as a
 * prop, so tests pass a fake and no component touches the browser global.
 */
import { browser } from 'wxt/browser';
import type { Reply, ToBackground } from '@/lib/messages';
import { t } from '@/lib/i18n';

export type Send = <T extends ToBackground['type']>(msg: ToBackground & { type: T }) => Promise<Reply<T>>;

export const send: Send = (msg) => browser.runtime.sendMessage(msg);

/**
 * Like `send`, but a background that is not there (updating, crashed) becomes an
 * ordinary failed reply, so every caller has a single path for showing errors.
 */
export async function ask<T extends ToBackground['type']>(
  sendFn: Send,
  msg: ToBackground & { type: T },
): Promise<Reply<T>> {
  try {
    const reply = await sendFn<T>(msg);
    // No listener answered: the background returned nothing at all.
    if (!reply || typeof reply !== 'object') return { ok: false, error: t('send_noAnswer') };
    return reply;
  } catch (e) {
    return { ok: false, error: t('send_noAnswerDetail', e instanceof Error ? e.message : String(e)) };
  }
}
