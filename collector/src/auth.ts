/**
 * Ingest tokens (write reports for one team) and admin tokens (read one team, or every team).
 * Tokens are 32 random bytes; only their SHA-256 is stored. A slow password hash buys
 * nothing for secrets this long, and looking them up by hash leaks no timing worth having.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from './db';

export type TokenKind = 'ingest' | 'admin';
export const TOKEN_PREFIX: Record<TokenKind, string> = { ingest: 'bta_ingest_', admin: 'bta_admin_' };
const TEAM = /^[a-z0-9-]{1,64}$/;

export interface TokenInfo {
  id: string;
  kind: TokenKind;
  /** null: an admin token for every team. */
  team: string | null;
  name: string;
  createdAt: string;
  revokedAt: string | null;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export async function createToken(
  db: Queryable,
  opts: { kind: TokenKind; team?: string | null; name?: string },
): Promise<{ token: string; info: TokenInfo }> {
  const team = opts.team ?? null;
  if (opts.kind === 'ingest' && team === null) throw new Error('An ingest token belongs to a team: give --team <id>.');
  if (team !== null && !TEAM.test(team)) throw new Error(`A team id has lowercase letters, digits and hyphens (got ${JSON.stringify(team)}).`);
  const token = TOKEN_PREFIX[opts.kind] + randomBytes(32).toString('base64url');
  // The id is not secret: it names the token in lists, logs and revocations.
  const id = `tok_${randomBytes(6).toString('hex')}`;
  const [row] = await db.query<Row>(
    `INSERT INTO tokens (id, kind, team, name, hash) VALUES ($1, $2, $3, $4, $5) RETURNING ${COLUMNS}`,
    [id, opts.kind, team, opts.name ?? '', hashToken(token)],
  );
  return { token, info: toInfo(row!) };
}

const COLUMNS = 'id, kind, team, name, created_at, revoked_at';
interface Row {
  id: string;
  kind: TokenKind;
  team: string | null;
  name: string;
  created_at: Date;
  revoked_at: Date | null;
}
const toInfo = (r: Row): TokenInfo => ({
  id: r.id,
  kind: r.kind,
  team: r.team,
  name: r.name,
  createdAt: new Date(r.created_at).toISOString(),
  revokedAt: r.revoked_at ? new Date(r.revoked_at).toISOString() : null,
});

/** The live token behind a presented secret, or null. */
export async function findToken(db: Queryable, token: string): Promise<TokenInfo | null> {
  if (!token || token.length > 4096) return null;
  const [row] = await db.query<Row>(`SELECT ${COLUMNS} FROM tokens WHERE hash = $1 AND revoked_at IS NULL`, [hashToken(token)]);
  return row ? toInfo(row) : null;
}

export async function listTokens(db: Queryable): Promise<TokenInfo[]> {
  return (await db.query<Row>(`SELECT ${COLUMNS} FROM tokens ORDER BY created_at, id`)).map(toInfo);
}

/** True when a live token was revoked now. */
export async function revokeToken(db: Queryable, id: string): Promise<boolean> {
  const rows = await db.query('UPDATE tokens SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING id', [id]);
  return rows.length === 1;
}

/** The token of an `Authorization: Bearer …` header, or null. */
export function bearer(header: string | undefined | null): string | null {
  const m = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header ?? '');
  return m ? m[1]! : null;
}
