/**
 * CORS for the ingest route only, and only for browser extensions: the extension posts from its
 * background worker, and without the host permission the browser applies CORS to it. Web pages
 * get no CORS headers, so a page cannot read the collector's answers. The dashboard is served
 * from the collector itself and needs none.
 */
import type { MiddlewareHandler } from 'hono';

const EXTENSION_ORIGIN = /^(chrome-extension|moz-extension|safari-web-extension):\/\/[A-Za-z0-9._-]+$/;

/** `allow`: exact origins; when empty, any extension origin. */
export function originAllowed(origin: string | undefined, allow: string[]): boolean {
  if (!origin || !EXTENSION_ORIGIN.test(origin)) return false;
  return allow.length === 0 || allow.includes(origin);
}

export function extensionCors(allow: string[]): MiddlewareHandler {
  return async (c, next) => {
    const origin = c.req.header('origin');
    const ok = originAllowed(origin, allow);
    if (c.req.method === 'OPTIONS') {
      if (!ok) return c.body(null, 403);
      return c.body(null, 204, {
        'access-control-allow-origin': origin!,
        'access-control-allow-methods': 'POST, OPTIONS',
        // authorization by name: the * wildcard does not cover it. The custom header a team may set is echoed.
        'access-control-allow-headers': allowHeaders(c.req.header('access-control-request-headers')),
        'access-control-max-age': '86400',
        vary: 'Origin',
      });
    }
    await next();
    if (ok) {
      c.res.headers.set('access-control-allow-origin', origin!);
      c.res.headers.set('access-control-expose-headers', 'Retry-After');
      c.res.headers.append('vary', 'Origin');
    }
  };
}

function allowHeaders(requested: string | undefined): string {
  const base = ['content-type', 'authorization', 'idempotency-key', 'x-team'];
  const extra = (requested ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter((h) => /^[!#$%&'*+.^_`|~0-9a-z-]{1,100}$/.test(h) && !base.includes(h));
  return [...base, ...extra].join(', ');
}
