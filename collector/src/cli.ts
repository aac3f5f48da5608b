/**
 * npm run collector [-- serve]                 start the collector
 * npm run collector -- token create --kind ingest --team <id> [--name …] [--team-name …] [--endpoint <url>] [--out file.json]
 * npm run collector -- token create --kind admin [--team <id>] [--name …]
 * npm run collector -- token list
 * npm run collector -- token revoke <token id>
 *
 * Token commands use the same database as `serve` (DATA_DIR or DATABASE_URL).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { openDb } from './db';
import { createToken, listTokens, revokeToken, type TokenInfo, type TokenKind } from './auth';
import { claim, readLock } from './control';
import { optionsFromEnv } from './config';
import { startCollector } from './server';
import { ensureDashboard } from './dashboard-build';
import { TEAM_CONFIG_SCHEMA, teamConfigLink, TeamConfigSchema, type TeamConfigInput } from '../../lib/team';

const USAGE = `Usage:
  collector serve
  collector token create --kind ingest --team <id> [--name <label>] [--team-name <name>] [--endpoint <public url>] [--out <file.json>]
  collector token create --kind admin [--team <id>] [--name <label>]
  collector token list
  collector token revoke <token id>
Environment: PORT, HOST, DATA_DIR, DATABASE_URL, RATE_LIMIT_BURST, RATE_LIMIT_PER_SECOND, MAX_BODY_BYTES, CORS_ORIGINS, LATENCY_MS (docs/collector.md).`;

async function main(argv: string[]): Promise<number> {
  const [cmd = 'serve', sub, ...rest] = argv;
  const env = optionsFromEnv();
  if (cmd === 'serve') {
    await ensureDashboard((m) => process.stderr.write(`${m}\n`));
    const c = await startCollector(env);
    const stop = async () => {
      await c.close();
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    process.stderr.write(`\nCollector on ${c.url} (dashboard), reports to ${c.ingestUrl}.\nCreate tokens with: npm run collector -- token create --kind ingest --team <id>\n\n`);
    return -1;
  }
  if (cmd !== 'token' || !sub) {
    process.stderr.write(`${USAGE}\n`);
    return cmd === 'help' || cmd === '--help' ? 0 : 2;
  }
  // Arguments are checked before the database is opened, which takes seconds.
  const { values } = parseArgs({
    args: sub === 'create' ? rest : [],
    options: {
      kind: { type: 'string' },
      team: { type: 'string' },
      name: { type: 'string' },
      'team-name': { type: 'string' },
      endpoint: { type: 'string' },
      out: { type: 'string' },
    },
  });
  const kind = values.kind as TokenKind;
  if (sub === 'create') {
    if (kind !== 'ingest' && kind !== 'admin') throw new Error('--kind is ingest or admin.');
    if (kind === 'ingest' && !values.team) throw new Error('An ingest token belongs to a team: give --team <id>.');
  }
  const ops = await tokenOps(env);
  try {
    if (sub === 'list') {
      const tokens = await ops.list();
      if (!tokens.length) process.stdout.write('No tokens yet.\n');
      for (const t of tokens) {
        process.stdout.write(`${t.id}  ${t.kind.padEnd(6)}  team=${t.team ?? '*'}  ${t.revokedAt ? `revoked ${t.revokedAt}` : 'active'}  created ${t.createdAt}  ${t.name}\n`);
      }
      return 0;
    }
    if (sub === 'revoke') {
      const id = rest[0];
      if (!id) throw new Error('Which token? collector token revoke <token id> (see token list).');
      const ok = await ops.revoke(id);
      process.stdout.write(ok ? `Revoked ${id}.\n` : `No active token ${id}.\n`);
      return ok ? 0 : 1;
    }
    if (sub === 'create') {
      const { token, info } = await ops.create({ kind, team: values.team ?? null, name: values.name });
      process.stdout.write(`Created ${info.kind} token ${info.id} for ${info.team ? `team ${info.team}` : 'every team'}.\n`);
      process.stdout.write(`Token (shown once, store it now):\n\n  ${token}\n\n`);
      if (kind === 'ingest') {
        const endpoint = values.endpoint ?? `http://${env.host === '0.0.0.0' ? '127.0.0.1' : env.host}:${env.port}/api/reports`;
        const config: TeamConfigInput = {
          schema: TEAM_CONFIG_SCHEMA,
          team: { id: info.team!, name: values['team-name'] ?? info.team! },
          endpoint: { url: endpoint, token },
          locked: ['endpoint', 'team'],
        };
        const checked = TeamConfigSchema.safeParse(config);
        if (!checked.success) throw new Error(`The team configuration would be refused by the extension: ${checked.error.issues.map((i) => i.message).join('; ')}`);
        process.stdout.write(`Team configuration link (opens the extension's team setup; the token travels in the #fragment, never to a server):\n\n  ${teamConfigLink(config)}\n\n`);
        if (values.out) {
          writeFileSync(values.out, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
          process.stdout.write(`Team configuration file written to ${values.out} (it contains the token).\n`);
        }
      } else {
        process.stdout.write(`Sign in to the dashboard at http://${env.host}:${env.port}/ with it.\n`);
      }
      return 0;
    }
    process.stderr.write(`${USAGE}\n`);
    return 2;
  } finally {
    await ops.close();
  }
}

interface TokenOps {
  create(o: { kind: TokenKind; team: string | null; name?: string }): Promise<{ token: string; info: TokenInfo }>;
  list(): Promise<TokenInfo[]>;
  revoke(id: string): Promise<boolean>;
  close(): Promise<void>;
}

/** Straight to the database, or through the running collector that holds the embedded one. */
async function tokenOps(env: ReturnType<typeof optionsFromEnv>): Promise<TokenOps> {
  const lock = env.databaseUrl ? null : readLock(env.dataDir);
  if (lock?.url) {
    const call = async <T>(body: object): Promise<T> => {
      const res = await fetch(`${lock.url}/api/control/tokens`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-collector-control': lock.secret },
        body: JSON.stringify(body),
      });
      const json = (await res.json()) as T & { error?: string };
      if (!res.ok) throw new Error(json.error ?? `The running collector answered ${res.status}.`);
      return json;
    };
    return {
      create: (o) => call({ op: 'create', ...o }),
      list: async () => (await call<{ tokens: TokenInfo[] }>({ op: 'list' })).tokens,
      revoke: async (id) => (await call<{ revoked: boolean }>({ op: 'revoke', id })).revoked,
      close: async () => {},
    };
  }
  // Hold the folder for the length of the command, so a collector starting meanwhile waits its turn.
  const held = env.databaseUrl ? null : (mkdirSync(env.dataDir, { recursive: true }), claim(env.dataDir, ''));
  const db = await openDb(env);
  return {
    create: (o) => createToken(db, o),
    list: () => listTokens(db),
    revoke: (id) => revokeToken(db, id),
    close: async () => {
      await db.close();
      held?.release();
    },
  };
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (e) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
