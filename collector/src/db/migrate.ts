/**
 * Applies collector/migrations/*.sql in name order, each once, recorded in a table. Several
 * instances may start at the same time on one server: an advisory lock lets one migrate
 * while the others wait, then find nothing left to do.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from './types';

export const MIGRATIONS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../migrations');
const LOCK_ID = 4_206_001;

export async function migrate(db: Db, dir = MIGRATIONS_DIR): Promise<string[]> {
  const files = readdirSync(dir).filter((f) => f.endsWith('.sql')).sort();
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK_ID]);
    await tx.exec('CREATE TABLE IF NOT EXISTS collector_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
    const done = new Set((await tx.query<{ name: string }>('SELECT name FROM collector_migrations')).map((r) => r.name));
    const applied: string[] = [];
    for (const f of files) {
      if (done.has(f)) continue;
      await tx.exec(readFileSync(join(dir, f), 'utf8'));
      await tx.query('INSERT INTO collector_migrations (name) VALUES ($1)', [f]);
      applied.push(f);
    }
    return applied;
  });
}
