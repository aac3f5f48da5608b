/**
 * The token commands as a team's administrator runs them: on a stopped collector (straight to the
 * database) and on a running one (through it, since the embedded database serves one process).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTeamConfig, parseTeamConfigLink } from '../../lib/team';
import { startCollector } from '../src/server';
import { batch, makeReport } from './reports';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
let dir = '';

const cli = (args: string[]) =>
  run(TSX, ['collector/src/cli.ts', ...args], { cwd: ROOT, env: { ...process.env, DATA_DIR: dir, PORT: '8799' } }).then(
    (r) => ({ code: 0, out: r.stdout, err: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout, err: e.stderr }),
  );

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bta-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('collector token commands', () => {
  it('create an ingest token with a configuration link and file the extension accepts', async () => {
    const out = join(dir, 'team.json');
    const made = await cli(['token', 'create', '--kind', 'ingest', '--team', 'newsroom', '--team-name', 'Newsroom fact-check', '--endpoint', 'https://reports.example.org/api/reports', '--out', out]);
    expect(made.code).toBe(0);
    const token = /bta_ingest_[A-Za-z0-9_-]{43}/.exec(made.out)![0];
    const link = /https:\/\/behindtheanswer\.org\/join#config=\S+/.exec(made.out)![0];
    const parsed = parseTeamConfigLink(link);
    expect(parsed.ok).toBe(true);
    expect(parsed.ok && parsed.config).toMatchObject({
      team: { id: 'newsroom', name: 'Newsroom fact-check' },
      endpoint: { url: 'https://reports.example.org/api/reports', token },
    });
    expect(parseTeamConfig(readFileSync(out, 'utf8'))).toEqual(parsed);

    const bad = await cli(['token', 'create', '--kind', 'ingest']);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/--team/);
  }, 120_000);

  it('go through a running collector, whose tokens then work at once; list and revoke', async () => {
    const c = await startCollector({ port: 0, dataDir: dir, log: false });
    try {
      // A second process must not open the same embedded database.
      await expect(startCollector({ port: 0, dataDir: dir, log: false })).rejects.toThrow(/one process/);
      const made = await cli(['token', 'create', '--kind', 'ingest', '--team', 'lab']);
      expect(made.code).toBe(0);
      const token = /bta_ingest_[A-Za-z0-9_-]{43}/.exec(made.out)![0];
      const r = makeReport();
      const res = await fetch(c.ingestUrl, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: JSON.stringify(batch([r])) });
      expect(await res.json()).toEqual({ accepted: [r.id], duplicate: [], rejected: [] });
      const id = /Created ingest token (tok_[0-9a-f]+)/.exec(made.out)![1]!;
      expect((await cli(['token', 'list'])).out).toMatch(new RegExp(`${id}\\s+ingest\\s+team=lab\\s+active`));
      expect((await cli(['token', 'revoke', id])).code).toBe(0);
      expect((await cli(['token', 'list'])).out).toMatch(new RegExp(`${id}\\s+ingest\\s+team=lab\\s+revoked`));
      expect((await cli(['token', 'revoke', id])).code).toBe(1);
      const refused = await fetch(c.ingestUrl, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: JSON.stringify(batch([])) });
      expect(refused.status).toBe(401);
      // Without the lock's secret, the control route does not exist.
      const forged = await fetch(`${c.url}/api/control/tokens`, { method: 'POST', headers: { 'x-collector-control': 'guess' }, body: '{"op":"list"}' });
      expect(forged.status).toBe(404);
    } finally {
      await c.close();
    }
    expect(existsSync(join(dir, 'collector.lock'))).toBe(false);
  }, 120_000);
});
