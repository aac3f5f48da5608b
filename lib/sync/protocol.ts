/**
 * The endpoint protocol: what a batch looks like on the wire and what the endpoint may
 * answer. docs/endpoint.schema.json is generated from these schemas (scripts/schema.ts)
 * and a test fails when it is stale, so the published contract cannot drift.
 */
import { z } from 'zod';
import { ReportSchema } from '../report';

export const PROTOCOL = 'behind-the-answer.reports/1';
export const MAX_BATCH_REPORTS = 100;
export const MAX_BATCH_BYTES = 1_000_000;

export const BatchSchema = z
  .object({
    schema: z.literal(PROTOCOL),
    sentAt: z.iso.datetime(),
    client: z.object({
      name: z.literal('behind-the-answer'),
      version: z.string().max(50),
      browser: z.string().max(100),
    }),
    /** Empty only in a connection test ("Test connection" in the settings). */
    reports: z.array(ReportSchema).max(MAX_BATCH_REPORTS),
  })
  .meta({ title: 'Batch', description: 'The body of POST {endpoint}.' });
export type Batch = z.infer<typeof BatchSchema>;

const Id = z.string().min(1).max(64);

/** A 2xx body. Every id of the batch should appear in exactly one list; one that appears in none counts as accepted. */
export const BatchResponseSchema = z
  .object({
    accepted: z.array(Id).default([]),
    duplicate: z.array(Id).default([]),
    // Lenient on purpose: a rejection without a reason (or with a long one) is still a rejection.
    rejected: z.array(z.object({ id: z.string(), reason: z.string().optional() })).default([]),
  })
  .meta({ title: 'BatchResponse', description: 'A 2xx answer. An empty or non-JSON 2xx body means every report was accepted.' });
export type BatchResponse = z.infer<typeof BatchResponseSchema>;
