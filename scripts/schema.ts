/**
 * Generates docs/endpoint.schema.json, the published JSON Schema of the endpoint protocol,
 * from the zod schemas the extension itself validates with (lib/sync/protocol.ts,
 * lib/report.ts). tests/unit/schema.test.ts fails when the committed file is stale.
 *
 *   npm run schema
 */
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';
import { ReportSchema } from '../lib/report';
import { BatchResponseSchema, BatchSchema, PROTOCOL } from '../lib/sync/protocol';

// Built from a path, not `new URL(…, import.meta.url)`: under vitest's happy-dom, URL is not Node's.
export const SCHEMA_PATH = resolve(dirname(fileURLToPath(import.meta.url)), '../docs/endpoint.schema.json');

type Json = Record<string, unknown>;

/** The whole document as a value: `$defs` Batch, BatchResponse and Report; the root validates a Batch. */
export function endpointSchema(): Json {
  // A registry of our own, used only to name the schemas that become $defs. Titles and
  // descriptions still come from `.meta()` (the global registry), which toJSONSchema reads by default.
  const ids = z.registry<{ id: string }>();
  ids.add(BatchSchema, { id: 'Batch' });
  ids.add(BatchResponseSchema, { id: 'BatchResponse' });
  ids.add(ReportSchema, { id: 'Report' });

  const { schemas } = z.toJSONSchema(ids, {
    target: 'draft-2020-12',
    // 'input', deliberately: the document describes the JSON that crosses the wire, which is what
    // zod *parses* (the input side), not what parsing returns. Two things differ:
    // - BatchResponse's lists are `.default([])`: in 'output' mode they would be required, but an
    //   endpoint may leave any of them out (or send no body at all); 'input' makes them optional
    //   and still shows `"default": []`.
    // - z.object() strips unknown keys when parsing, so its input accepts them; 'output' mode would
    //   emit `additionalProperties: false`, telling collectors to refuse fields that a later version
    //   1.x of the extension may add. 'input' leaves additional properties allowed.
    // None of these schemas uses a refine or transform (the draft's refines live in
    // ReportDraftSchema, which is not part of the wire format), so nothing unrepresentable is lost:
    // 'throw' makes sure it stays that way.
    io: 'input',
    unrepresentable: 'throw',
    // Every schema of the registry is emitted as a $def of one document.
    uri: (id) => `#/$defs/${id}`,
  });

  const defs: Record<string, Json> = {};
  for (const id of ['Batch', 'BatchResponse', 'Report'] as const) {
    const def = schemas[id];
    if (!def) throw new Error(`zod emitted no schema for ${id}`);
    // Each emitted schema is a standalone document: drop its own $schema/$id so that its
    // "#/$defs/…" references resolve against the one document they now live in.
    const { $schema: _schema, $id: _id, ...rest } = def as Json;
    defs[id] = rest;
  }
  if (Object.keys(schemas).some((k) => !(k in defs))) {
    throw new Error(`zod emitted unexpected schemas: ${Object.keys(schemas).join(', ')}`);
  }
  // ReportSchema has no .meta() (lib/ is not ours to edit here): name it in the document.
  defs.Report = {
    ...defs.Report,
    title: defs.Report!.title ?? 'Report',
    description: defs.Report!.description ?? "One person's rating or flag of one chatbot answer. `id` is the key to deduplicate on.",
  };

  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    // No web address is published for the schema, so the protocol's own name identifies it.
    $id: `urn:behind-the-answer:schema:${PROTOCOL}`,
    title: `Behind the Answer endpoint protocol ${PROTOCOL}`,
    description:
      `The request body (Batch) and the 2xx response body (BatchResponse) of POST {endpoint}, protocol "${PROTOCOL}" ` +
      '(the value of Batch.schema). The document itself validates a Batch. Generated from the zod schemas by ' +
      'scripts/schema.ts; see docs/endpoint.md for the rest of the contract (headers, status codes, retries, deduplication).',
    $ref: '#/$defs/Batch',
    $defs: defs,
  };
}

/** The file's exact contents: 2-space indent, trailing newline. */
export function endpointSchemaJson(): string {
  return `${JSON.stringify(endpointSchema(), null, 2)}\n`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(SCHEMA_PATH, endpointSchemaJson());
  console.log(`Wrote ${SCHEMA_PATH} (${PROTOCOL}).`);
}
