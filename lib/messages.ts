/**
 * Every message between the extension's parts: one zod-validated union per direction.
 * Content scripts import only the types (no zod in the page); the background validates
 * everything it receives, because a content script runs on hostile ground.
 */
import { z } from 'zod';
import { ReportDraftSchema } from './report';
import { SITE_IDS } from './sites/types';

/** Content script or extension page → background. */
export const ToBackgroundSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('report:save'), draft: ReportDraftSchema }),
  z.object({ type: z.literal('report:undo'), id: z.string().min(1).max(64) }),
  z.object({
    type: z.literal('layout:status'),
    site: z.enum(SITE_IDS),
    recognised: z.boolean(),
    url: z.url().max(2048),
  }),
  z.object({ type: z.literal('status:get') }),
]);
export type ToBackground = z.input<typeof ToBackgroundSchema>;

export type Destination = { kind: 'local' } | { kind: 'endpoint'; host: string };

export interface LayoutWarning {
  site: (typeof SITE_IDS)[number];
  /** Origin + path (no query) of the last page where it happened. */
  url: string;
  lastSeen: string;
  count: number;
}

export interface Status {
  reports: { total: number; pending: number };
  layoutWarnings: LayoutWarning[];
}

/** Replies, per request type. Every reply can be a failure with a message for people. */
export type Reply<T extends ToBackground['type']> =
  | ({ ok: true } & (T extends 'report:save'
      ? { id: string; destination: Destination }
      : T extends 'report:undo'
        ? { removed: boolean }
        : T extends 'status:get'
          ? { status: Status }
          : unknown))
  | { ok: false; error: string };

/** Background → content script. Sent by the extension itself, so not re-validated in the page. */
export type ToContent = { type: 'command:flag-latest' };
