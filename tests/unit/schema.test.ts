/**
 * The published contract cannot drift from the code: docs/endpoint.schema.json must be what
 * scripts/schema.ts generates now, and every example marked in docs/endpoint.md
 * (`<!-- example: batch -->` / `<!-- example: response -->` before a ```json block) must parse
 * with the extension's own schemas, with no field the schemas do not know.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { endpointSchema, endpointSchemaJson, SCHEMA_PATH } from '../../scripts/schema';
import { sha256Hex } from '../../lib/report';
import { BatchResponseSchema, BatchSchema, PROTOCOL, type Batch } from '../../lib/sync/protocol';

const STALE = 'docs/endpoint.schema.json is stale: run npm run schema';
const DOC_PATH = resolve(dirname(SCHEMA_PATH), 'endpoint.md');

describe('docs/endpoint.schema.json', () => {
  it('is what scripts/schema.ts generates from the zod schemas', () => {
    const expected = endpointSchemaJson();
    if (!existsSync(SCHEMA_PATH)) expect.fail(`${STALE} (the file is missing)`);
    const committed = readFileSync(SCHEMA_PATH, 'utf8');
    if (committed === expected) return;
    // Say where, without dumping two 300-line documents.
    const a = committed.split('\n');
    const b = expected.split('\n');
    let line = 0;
    while (line < a.length && line < b.length && a[line] === b[line]) line++;
    expect.fail(
      `${STALE}\n  first difference at line ${line + 1}:\n    file:      ${a[line] ?? '(end of file)'}\n    generated: ${b[line] ?? '(end of file)'}`,
    );
  });

  it('is stable and names the protocol version', () => {
    expect(endpointSchemaJson()).toBe(endpointSchemaJson());
    expect(endpointSchemaJson().endsWith('}\n')).toBe(true);
    const doc = endpointSchema() as { $id: string; title: string; $defs: Record<string, Record<string, unknown>> };
    expect(doc.$id).toContain(PROTOCOL);
    expect(doc.title).toContain(PROTOCOL);
    expect(Object.keys(doc.$defs).sort()).toEqual(['Batch', 'BatchResponse', 'Report']);
    expect(JSON.stringify(doc.$defs.Batch)).toContain('"$ref":"#/$defs/Report"');
    const report = doc.$defs.Report as { properties: Record<string, { pattern?: string; format?: string }> };
    expect(report.properties.id!.pattern).toMatch(/-7\[0-9a-f\]\{3\}-\[89ab\]/);
    expect(report.properties.createdAt!.format).toBe('date-time');
  });

  it('has only patterns that are valid ECMA-262 regular expressions (what JSON Schema requires)', () => {
    const patterns: string[] = [];
    JSON.stringify(endpointSchema(), (k, v) => (k === 'pattern' && typeof v === 'string' && patterns.push(v), v));
    expect(patterns.length).toBeGreaterThan(0);
    for (const p of patterns) expect(() => new RegExp(p, 'u'), p).not.toThrow();
  });
});

/** The ```json block after each `<!-- example: kind -->` marker, with its line for messages. */
function examples(markdown: string): { kind: string; line: number; json: string }[] {
  const out: { kind: string; line: number; json: string }[] = [];
  const marker = /<!--\s*example:\s*([\w-]+)\s*-->\s*\n```json\n([\s\S]*?)\n```/g;
  for (const m of markdown.matchAll(marker)) {
    out.push({ kind: m[1]!, line: markdown.slice(0, m.index).split('\n').length, json: m[2]! });
  }
  const markers = [...markdown.matchAll(/<!--\s*example:/g)].length;
  if (markers !== out.length) throw new Error(`docs/endpoint.md: ${markers} example markers, but only ${out.length} are directly followed by a \`\`\`json block`);
  return out;
}

describe('docs/endpoint.md examples', () => {
  const all = examples(readFileSync(DOC_PATH, 'utf8'));
  const batches = all.filter((e) => e.kind === 'batch');
  const responses = all.filter((e) => e.kind === 'response');
  const parse = (e: { line: number; json: string }) => {
    try {
      return JSON.parse(e.json) as unknown;
    } catch (err) {
      throw new Error(`docs/endpoint.md line ${e.line}: not JSON (${(err as Error).message})`);
    }
  };

  it('has a batch example and response examples, and no other kind', () => {
    expect(batches.length).toBeGreaterThan(0);
    expect(responses.length).toBeGreaterThan(0);
    expect(all.filter((e) => e.kind !== 'batch' && e.kind !== 'response').map((e) => `${e.kind} (line ${e.line})`)).toEqual([]);
  });

  it.each(batches.map((e) => [e.line, e] as const))('batch at line %i is a valid Batch, field for field', async (_line, e) => {
    const raw = parse(e);
    const res = BatchSchema.safeParse(raw);
    expect(res.success, res.error && `docs/endpoint.md line ${e.line}: ${res.error.message}`).toBe(true);
    // zod drops unknown keys: equality catches a misspelt or invented field in the docs.
    expect(res.data, `docs/endpoint.md line ${e.line}: a field the schema does not know`).toEqual(raw);
    const batch = res.data as Batch;
    expect(batch.reports.length).toBeGreaterThanOrEqual(2);
    for (const r of batch.reports) {
      // What the docs say the fields mean, the examples must show.
      if (r.answer.text !== undefined) expect(r.answer.sha256, `sha256 of answer ${r.id}`).toBe(await sha256Hex(r.answer.text));
      expect(r.rating !== undefined || r.flags.length > 0, `report ${r.id} has neither rating nor flag`).toBe(true);
    }
  });

  it.each(responses.map((e) => [e.line, e] as const))('response at line %i is a valid BatchResponse about the batch example', (_line, e) => {
    const raw = parse(e);
    const res = BatchResponseSchema.safeParse(raw);
    expect(res.success, res.error && `docs/endpoint.md line ${e.line}: ${res.error.message}`).toBe(true);
    expect(res.data, `docs/endpoint.md line ${e.line}: a field the schema does not know`).toEqual({
      accepted: [],
      duplicate: [],
      rejected: [],
      ...(raw as object),
    });
    const known = new Set(batches.flatMap((b) => (JSON.parse(b.json) as Batch).reports.map((r) => r.id)));
    const ids = [...res.data!.accepted, ...res.data!.duplicate, ...res.data!.rejected.map((r) => r.id)];
    expect(ids.filter((id) => !known.has(id)), 'ids that are in no batch example').toEqual([]);
    expect(new Set(ids).size, 'an id listed twice').toBe(ids.length);
  });
});
