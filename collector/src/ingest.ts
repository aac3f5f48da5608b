/**
 * One batch in, per-report answers out (docs/endpoint.md). The envelope is checked as a whole;
 * each report is checked on its own, so one bad report is rejected with its reason while the
 * others are stored. Storage is a single INSERT … ON CONFLICT (id) DO NOTHING RETURNING id: a
 * report already held (or being stored by a concurrent request) comes back as a duplicate.
 */
import { z } from 'zod';
import { BatchSchema, MAX_BATCH_REPORTS, PROTOCOL, type BatchResponse } from '../../lib/sync/protocol';
import { ReportSchema, type Report } from '../../lib/report';
import { issuesText } from '../../lib/team';
import type { Queryable } from './db';

/**
 * The shared report schema, with one deliberate widening: docs/endpoint.md (Versioning) asks a
 * collector to store `site` and `vendor` values it does not know yet, since a newer extension
 * may add chatbots within version 1 of the protocol.
 */
const OPEN_ID = z.string().regex(/^[a-z0-9-]{1,64}$/, 'use lowercase letters, digits and hyphens');
export const CollectorReportSchema = ReportSchema.extend({ site: OPEN_ID, vendor: OPEN_ID });

/** The envelope without its reports, which are judged one by one. */
const EnvelopeSchema = BatchSchema.extend({ reports: z.array(z.unknown()).max(MAX_BATCH_REPORTS) });
export type Envelope = z.infer<typeof EnvelopeSchema>;

export type Parsed =
  | { ok: true; envelope: Envelope; valid: Report[]; rejected: BatchResponse['rejected'] }
  | { ok: false; status: 400 | 503; error: string };

export function parseBatch(text: string): Parsed {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { ok: false, status: 400, error: 'The body is not JSON. Send a batch as described in docs/endpoint.md.' };
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body) || !('schema' in body) || !('reports' in body)) {
    return { ok: false, status: 400, error: 'The body is not a batch: a JSON object with "schema" and "reports" is expected.' };
  }
  const schema = (body as { schema: unknown }).schema;
  if (schema !== PROTOCOL) {
    // Not the batch's fault: the reports must wait on the devices until this collector is updated.
    return { ok: false, status: 503, error: `This collector speaks ${PROTOCOL}, not ${JSON.stringify(schema)}: the collector must be updated.` };
  }
  const env = EnvelopeSchema.safeParse(body);
  if (!env.success) {
    return { ok: false, status: 400, error: `The batch is malformed: ${issuesText(env.error, EnvelopeSchema).join('; ')}` };
  }

  const valid: Report[] = [];
  const rejected: BatchResponse['rejected'] = [];
  const seen = new Set<string>();
  for (const raw of env.data.reports) {
    const id = typeof raw === 'object' && raw !== null && typeof (raw as { id?: unknown }).id === 'string' ? (raw as { id: string }).id : '';
    // The same report twice in one batch is one report: answer for it once.
    if (id && seen.has(id)) continue;
    if (id) seen.add(id);
    const r = CollectorReportSchema.safeParse(raw);
    if (!r.success) {
      rejected.push({ id, reason: `Invalid report: ${issuesText(r.error, CollectorReportSchema).join('; ')}` });
      continue;
    }
    const unstorable = unstorableText(r.data);
    if (unstorable) {
      rejected.push({ id, reason: `Invalid report: ${unstorable} contains text the database cannot store (a NUL character or a lone UTF-16 surrogate).` });
      continue;
    }
    // Stored as received, unknown fields included: a newer extension's additions are kept.
    valid.push(raw as Report);
  }
  return { ok: true, envelope: env.data, valid, rejected };
}

/** PostgreSQL text and jsonb refuse U+0000 and unpaired surrogates; say where, instead of failing the batch. */
function unstorableText(v: unknown, path = 'report'): string | null {
  if (typeof v === 'string') return v.includes('\u0000') || !v.isWellFormed() ? path : null;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const p = unstorableText(v[i], `${path}[${i}]`);
      if (p) return p;
    }
  } else if (typeof v === 'object' && v !== null) {
    for (const [k, x] of Object.entries(v)) {
      const p = unstorableText(x, path === 'report' ? k : `${path}.${k}`);
      if (p) return p;
    }
  }
  return null;
}

/** Stores the valid reports under the token's team; returns the ids that were new. */
export async function storeReports(
  db: Queryable,
  who: { team: string; tokenId: string },
  envelope: Pick<Envelope, 'client'>,
  reports: Report[],
): Promise<Set<string>> {
  if (reports.length === 0) return new Set();
  const rows = await db.query<{ id: string }>(
    `INSERT INTO reports (id, team, token_id, created_at, site, vendor, model, mode, rating, flags,
        answer_key, answer_sha256, report_team, reporter, extension_version, client_version, client_browser, report)
     SELECT r->>'id', $2, $3, (r->>'createdAt')::timestamptz, r->>'site', r->>'vendor', r->>'model', r->>'mode', r->>'rating',
        ARRAY(SELECT jsonb_array_elements_text(r->'flags')),
        r->'answer'->>'key', r->'answer'->>'sha256', r->>'team', r->>'reporter', r->>'extensionVersion', $4, $5, r
     FROM jsonb_array_elements($1::jsonb) AS r
     ON CONFLICT (id) DO NOTHING
     RETURNING id`,
    [JSON.stringify(reports), who.team, who.tokenId, envelope.client.version, envelope.client.browser],
  );
  return new Set(rows.map((r) => r.id));
}

/** SQLSTATE class 22: the database refused a value (a date out of its range, say), not the request. */
const isDataError = (e: unknown) => typeof (e as { code?: unknown })?.code === 'string' && (e as { code: string }).code.startsWith('22');

/**
 * Stores the batch in one statement; if the database refuses a value in it, stores the reports one
 * by one and rejects the ones it refuses, so that one odd report cannot hold back the others (a
 * 503 would make the extension resend the same batch forever).
 */
export async function storeEach(
  db: Queryable,
  who: { team: string; tokenId: string },
  envelope: Pick<Envelope, 'client'>,
  reports: Report[],
): Promise<{ inserted: Set<string>; refused: BatchResponse['rejected'] }> {
  try {
    return { inserted: await storeReports(db, who, envelope, reports), refused: [] };
  } catch (e) {
    if (!isDataError(e) || reports.length === 1) {
      if (isDataError(e)) return { inserted: new Set(), refused: [{ id: reports[0]!.id, reason: `Invalid report: the database refused a value in it (${(e as Error).message}).` }] };
      throw e;
    }
  }
  const inserted = new Set<string>();
  const refused: BatchResponse['rejected'] = [];
  for (const r of reports) {
    const one = await storeEach(db, who, envelope, [r]);
    for (const id of one.inserted) inserted.add(id);
    refused.push(...one.refused);
  }
  return { inserted, refused };
}

/** The three lists of the answer, every report of the batch in exactly one. */
export function batchResponse(valid: Report[], inserted: Set<string>, rejected: BatchResponse['rejected']): BatchResponse {
  const out = new Set(rejected.map((r) => r.id));
  const kept = valid.filter((r) => !out.has(r.id));
  return {
    accepted: kept.filter((r) => inserted.has(r.id)).map((r) => r.id),
    duplicate: kept.filter((r) => !inserted.has(r.id)).map((r) => r.id),
    rejected,
  };
}
