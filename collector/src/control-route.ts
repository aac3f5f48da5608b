/** /api/control: the CLI's token commands carried out by the running collector (see control.ts). */
import { Hono } from 'hono';
import { createToken, listTokens, revokeToken } from './auth';
import { secretMatches } from './control';
import type { Db } from './db';
import { problem } from './http';
import type { Logger } from './log';

export function controlRoute(db: Db, log: Logger, secret: string) {
  const app = new Hono();
  app.post('/tokens', async (c) => {
    if (!secretMatches(c.req.header('x-collector-control'), secret)) {
      return problem(c, 404, 'No such route.');
    }
    const body = (await c.req.json().catch(() => ({}))) as { op?: string; kind?: 'ingest' | 'admin'; team?: string | null; name?: string; id?: string };
    try {
      if (body.op === 'list') return c.json({ tokens: await listTokens(db) });
      if (body.op === 'revoke') return c.json({ revoked: await revokeToken(db, String(body.id)) });
      if (body.op === 'create') {
        const made = await createToken(db, { kind: body.kind === 'admin' ? 'admin' : 'ingest', team: body.team ?? null, name: body.name });
        log('info', 'token created', { id: made.info.id, kind: made.info.kind, team: made.info.team });
        return c.json(made);
      }
    } catch (e) {
      return problem(c, 400, e instanceof Error ? e.message : String(e));
    }
    return problem(c, 400, 'op is create, list or revoke.');
  });
  return app;
}
