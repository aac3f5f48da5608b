/** Settings from the environment, with the defaults of a zero-setup local collector. */
import { DEFAULT_DATA_DIR, DEFAULT_RATE_LIMIT, type CollectorOptions } from './server';

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 0): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min) throw new Error(`${name} must be a number ≥ ${min} (got ${JSON.stringify(raw)}).`);
  return n;
}

export function optionsFromEnv(env: NodeJS.ProcessEnv = process.env): CollectorOptions & { port: number; host: string; dataDir: string } {
  return {
    port: int(env, 'PORT', 8787),
    host: env.HOST || '127.0.0.1',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.DATA_DIR || DEFAULT_DATA_DIR,
    rateLimit: {
      burst: int(env, 'RATE_LIMIT_BURST', DEFAULT_RATE_LIMIT.burst, 1),
      perSecond: int(env, 'RATE_LIMIT_PER_SECOND', DEFAULT_RATE_LIMIT.perSecond, 0.001),
    },
    maxBodyBytes: env.MAX_BODY_BYTES ? int(env, 'MAX_BODY_BYTES', 0, 2 * 1024 * 1024) : undefined,
    corsOrigins: (env.CORS_ORIGINS ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    latencyMs: env.LATENCY_MS ? int(env, 'LATENCY_MS', 0) : undefined,
    log: true,
  };
}
