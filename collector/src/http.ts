/** What every route shares: the request's token, and errors as JSON a person can act on. */
import type { Context } from 'hono';
import type { TokenInfo } from './auth';

export type Env = { Variables: { token: TokenInfo } };

export const problem = (c: Context, status: 400 | 401 | 403 | 404 | 413 | 429 | 500 | 503, error: string, headers: Record<string, string> = {}) =>
  c.json({ error }, status, headers);
