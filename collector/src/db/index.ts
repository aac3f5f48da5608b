import { openPglite } from './pglite';
import { openPostgres } from './postgres';
import { migrate } from './migrate';
import type { Db } from './types';

export type { Db, Queryable } from './types';

/** PostgreSQL when a URL is given, otherwise the embedded database in `dataDir`; migrated either way. */
export async function openDb(opts: { databaseUrl?: string; dataDir: string }): Promise<Db> {
  const db = opts.databaseUrl ? await openPostgres(opts.databaseUrl) : await openPglite(opts.dataDir);
  try {
    await migrate(db);
  } catch (e) {
    await db.close();
    throw e;
  }
  return db;
}
