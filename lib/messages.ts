/**
 * Every message between the extension's parts: one zod-validated union per direction.
 * Content scripts import only the types (no zod in the page); the background validates
 * everything it receives, because a content script runs on hostile ground.
 */
import { z } from 'zod';
import { ReportDraftSchema } from './report';
import { EndpointSchema, PrivacySchema, RegistryUrlSchema } from './settings';
import type { PrivacyChoices } from './privacy';
import { REPORT_STATES, type OutboxRecord, type ReportState } from './outbox/db';
import { SITE_IDS, VENDOR_IDS } from './sites/types';
import type { DisclosureView, RegistryStatus } from './disclosures/view';
import type { Registry } from './disclosures/schema';

/** Content script or extension page → background. */
export const ToBackgroundSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('report:save'), draft: ReportDraftSchema }),
  z.object({ type: z.literal('report:undo'), id: z.string().min(1).max(64) }),
  /** Where one report stands (the panel follows its own report until it is delivered). */
  z.object({ type: z.literal('report:state'), id: z.string().min(1).max(64) }),
  z.object({
    type: z.literal('layout:status'),
    site: z.enum(SITE_IDS),
    recognised: z.boolean(),
    url: z.url().max(2048),
  }),
  z.object({ type: z.literal('status:get') }),
  /** What a chatbot page needs to know: is it switched on, and what a report may carry. */
  z.object({ type: z.literal('page:config'), site: z.enum(SITE_IDS) }),
  /** The team configuration, the organisation's policy and what they lock. Extension pages only. */
  z.object({ type: z.literal('team:get') }),
  /** Join or update a team: the background re-validates the configuration itself. */
  z.object({ type: z.literal('team:set'), config: z.unknown() }),
  z.object({ type: z.literal('team:leave') }),
  z.object({ type: z.literal('reporter:rotate') }),
  /** "Delete all my data": outbox, history, settings. Extension pages only. */
  z.object({ type: z.literal('data:delete-all') }),
  /** "Sync now": also clears a pause after the user fixed a refused token. */
  z.object({ type: z.literal('sync:now') }),
  /** Extension pages only (the background checks the sender is not a content script). */
  z.object({ type: z.literal('outbox:list'), state: z.enum(REPORT_STATES).optional(), limit: z.number().int().min(1).max(100_000).optional() }),
  z.object({ type: z.literal('outbox:delete'), ids: z.union([z.array(z.string().max(64)).max(100_000), z.literal('all')]) }),
  z.object({ type: z.literal('settings:get') }),
  /** The page asks for the endpoint's host permission before sending this (a user gesture is needed). */
  z.object({
    type: z.literal('settings:save'),
    /** null stops delivery; absent leaves the endpoint as it is. */
    endpoint: EndpointSchema.nullable().optional(),
    keepSentDays: z.number().int().min(0).max(3650).optional(),
    /** Remote disclosure registry; null removes it, absent leaves it as it is. */
    registryUrl: RegistryUrlSchema.nullable().optional(),
    privacy: PrivacySchema.optional(),
    sitesOff: z.array(z.enum(SITE_IDS)).max(SITE_IDS.length).optional(),
  }),
  /**
   * Sends one real request to an endpoint (not saved) and says what came back. Without one,
   * to the endpoint in force: a locked endpoint's token never reaches the page.
   */
  z.object({ type: z.literal('endpoint:test'), endpoint: EndpointSchema.optional() }),
  /** The disclosure shown beside an answer: by the chatbot, and the model the page names. */
  z.object({ type: z.literal('disclosure:get'), site: z.enum(SITE_IDS), model: z.string().max(200).nullable() }),
  z.object({ type: z.literal('registry:get') }),
  /** Check the remote registry now (after the address changed, or "Check now"). */
  z.object({ type: z.literal('registry:refresh') }),
  /** Open the disclosure directory (from a badge, which cannot link to an extension page itself). */
  z.object({ type: z.literal('open:directory'), vendor: z.enum(VENDOR_IDS).optional() }),
]);
export type ToBackground = z.input<typeof ToBackgroundSchema>;

export type Destination = { kind: 'local' } | { kind: 'endpoint'; host: string };

/** A chatbot page's view of the settings (no tokens, nothing it does not need). */
export interface PageConfig {
  enabled: boolean;
  privacy: PrivacyChoices;
  /** The flag form's categories, in order (the team's, or the built-in ones). */
  categories?: { id: string; label: string; description?: string }[];
  required?: { comment: boolean; correction: boolean; category: boolean };
  team?: string | null;
}

/** The endpoint in force, as a page may show it: whether a token or header value is set, never what. */
export interface EndpointView {
  url: string;
  token: boolean;
  header: { name: string } | null;
  batchSize: number;
  timeoutSeconds: number;
}

export interface TeamStatus {
  team: { id: string; name: string } | null;
  /** What the team or the organisation makes the endpoint, when they lock it. */
  lockedEndpoint: EndpointView | null;
  config: unknown;
  lockedBy: Partial<Record<string, 'organisation' | 'team'>>;
  source: Record<string, string>;
  policyErrors: string[];
  managed: boolean;
  reporterId: string | null;
}

/** What the uploader last did, in words for people. */
export interface SyncStatus {
  destination: Destination;
  lastSuccessAt: string | null;
  lastError: { message: string; at: string } | null;
  /** Delivery stopped until the user acts (a refused token). */
  paused: string | null;
  nextAttemptAt: string | null;
  running: boolean;
}

export interface LayoutWarning {
  site: (typeof SITE_IDS)[number];
  /** Origin + path (no query) of the last page where it happened. */
  url: string;
  lastSeen: string;
  count: number;
}

export interface Status {
  reports: { total: number; pending: number; byState: Record<ReportState, number>; bytes: number };
  sync: SyncStatus;
  layoutWarnings: LayoutWarning[];
}

export interface EndpointTestResult {
  ok: boolean;
  /** Plain words: "The endpoint answered 200 OK and accepted a test batch." */
  message: string;
  status?: number;
}

/** Replies, per request type. Every reply can be a failure with a message for people. */
export type Reply<T extends ToBackground['type']> =
  | ({ ok: true } & (T extends 'report:save'
      ? { id: string; destination: Destination }
      : T extends 'report:undo'
        ? { removed: boolean }
        : T extends 'team:get' | 'team:set' | 'team:leave' | 'reporter:rotate'
          ? { team: TeamStatus }
          : T extends 'page:config'
          ? { config: PageConfig }
          : T extends 'report:state'
          ? { state: ReportState | null }
          : T extends 'status:get'
          ? { status: Status }
          : T extends 'outbox:list'
            ? { records: OutboxRecord[] }
            : T extends 'outbox:delete'
              ? { removed: number }
              : T extends 'settings:get' | 'settings:save'
                ? { settings: import('./settings').Settings }
                : T extends 'endpoint:test'
                  ? { result: EndpointTestResult }
                  : T extends 'sync:now'
                    ? { sync: SyncStatus }
                    : T extends 'disclosure:get'
                      ? { disclosure: DisclosureView }
                      : T extends 'registry:get'
                        ? { registry: Registry; status: RegistryStatus }
                        : T extends 'registry:refresh'
                          ? { status: RegistryStatus }
                          : unknown))
  | { ok: false; error: string };

/** Background → content script. Sent by the extension itself, so not re-validated in the page. */
export type ToContent = { type: 'command:flag-latest' };
