/**
 * PGlite keeps its database in one process: a second process opening the same data folder would
 * not see the first one's writes and could damage the files. So a running collector on PGlite
 * claims the folder with a lock file (its pid, address and a random secret, readable by this
 * user only), and the token commands of the CLI send their work to it over loopback instead of
 * opening the folder themselves.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Lock {
  pid: number;
  url: string;
  secret: string;
}

export const lockPath = (dataDir: string) => join(dataDir, 'collector.lock');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The live collector holding this folder, if any; a lock left by a crashed one is ignored. */
export function readLock(dataDir: string): Lock | null {
  const p = lockPath(dataDir);
  if (!existsSync(p)) return null;
  try {
    const lock = JSON.parse(readFileSync(p, 'utf8')) as Lock;
    return alive(lock.pid) ? lock : null;
  } catch {
    return null;
  }
}

/** `url` empty: the CLI holding the folder for one command. */
export function claim(dataDir: string, url: string, secret = randomBytes(32).toString('base64url')): { secret: string; release(): void } {
  const held = readLock(dataDir);
  if (held && held.pid !== process.pid) {
    throw new Error(`Another collector (pid ${held.pid}, ${held.url || 'a token command'}) is using the data folder ${dataDir}. The embedded database serves one process: stop it, or use another DATA_DIR, or PostgreSQL (DATABASE_URL) for several instances.`);
  }
  writeFileSync(lockPath(dataDir), JSON.stringify({ pid: process.pid, url, secret } satisfies Lock), { mode: 0o600 });
  return {
    secret,
    release() {
      const now = readLock(dataDir);
      if (now?.secret === secret) rmSync(lockPath(dataDir), { force: true });
    },
  };
}

export function secretMatches(presented: string | undefined, secret: string): boolean {
  if (!presented) return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}
