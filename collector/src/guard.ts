/** The token of a request, of the right kind and within its rate limit; or the answer to give instead. */
import type { Context, MiddlewareHandler } from 'hono';
import { bearer, findToken, type TokenKind } from './auth';
import type { Queryable } from './db';
import type { Logger } from './log';
import type { RateLimiter } from './ratelimit';
import { problem, type Env } from './http';

export function guard(db: Queryable, limiter: RateLimiter, log: Logger, kind: TokenKind, realm: string): MiddlewareHandler<Env> {
  return async (c: Context<Env>, next) => {
    const secret = bearer(c.req.header('authorization'));
    const challenge = { 'www-authenticate': `Bearer realm="${realm}"` };
    if (!secret) return problem(c, 401, `No token: send "Authorization: Bearer <${kind} token>".`, challenge);
    const token = await findToken(db, secret);
    if (!token) return problem(c, 401, 'This token is unknown or was revoked: ask the collector\'s administrator for a new one.', { 'www-authenticate': `Bearer realm="${realm}", error="invalid_token"` });
    if (token.kind !== kind) {
      return problem(c, 403, kind === 'ingest' ? 'This is an admin token: it can read reports, not send them. Use an ingest token.' : 'This is an ingest token: it can send reports, not read them. Use an admin token.');
    }
    const take = limiter.take(token.id);
    if (!take.ok) {
      log('warn', 'rate limited', { token: token.id, team: token.team, path: c.req.path });
      return problem(c, 429, `Too many requests for this token; try again in ${take.retryAfterSeconds} s.`, { 'retry-after': String(take.retryAfterSeconds) });
    }
    c.set('token', token);
    await next();
  };
}
