/** The built dashboard's files, with the headers a page showing strangers' text needs. */
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { Context } from 'hono';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
};

// The dashboard shows text written by strangers: no script but our own, no framing, no referrer.
const PAGE_HEADERS = {
  'content-security-policy': "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

export function serveDashboard(c: Context, dir: string | undefined) {
  if (!dir || !existsSync(join(dir, 'index.html'))) {
    return c.text('The dashboard is not built: run `npm run collector:build` (or start with `npm run collector`, which builds it).', 503);
  }
  const root = resolve(dir);
  let decoded = '/';
  try {
    decoded = decodeURIComponent(c.req.path);
  } catch {
    // A malformed escape names no file: the app itself answers.
  }
  const path = normalize(join(root, decoded));
  const inside = path.startsWith(root + sep);
  // Every unknown path is the app itself (one page); only real files under assets/ are served as such.
  const file = inside && existsSync(path) && extname(path) ? path : join(root, 'index.html');
  const type = TYPES[extname(file)] ?? 'application/octet-stream';
  const immutable = file.includes(`${sep}assets${sep}`);
  return c.body(readFileSync(file), 200, {
    ...PAGE_HEADERS,
    'content-type': type,
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
}
