import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { startCollector } from '../src/server';
import { batch, makeReport } from './reports';
import { contractSuite } from './contract';

// A database of its own on the test server, dropped afterwards.
const name = `bta_test_${randomBytes(4).toString('hex')}`;
const server = inject('postgresUrl');

contractSuite('PostgreSQL', {
  async open() {
    const problem = inject('postgresError');
    if (problem) throw new Error(problem);
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(server);
    url.pathname = `/${name}`;
    return { databaseUrl: url.toString() };
  },
  async cleanup() {
    if (!server) return;
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  },
});

describe('several collector instances on one PostgreSQL', () => {
  const shared = `bta_test_${randomBytes(4).toString('hex')}`;
  afterAll(async () => {
    if (!server) return;
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${shared} WITH (FORCE)`);
    await admin.end();
  });

  it('start together (migrating once) and store identical batches sent to each of them once', async () => {
    const problem = inject('postgresError');
    if (problem) throw new Error(problem);
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${shared}`);
    await admin.end();
    const url = new URL(server);
    url.pathname = `/${shared}`;
    const instances = await Promise.all([1, 2, 3].map(() => startCollector({ port: 0, databaseUrl: url.toString(), log: false })));
    try {
      // A token made through one instance works on every other.
      const { token } = await instances[0]!.createToken('ingest', 'newsroom');
      const reports = Array.from({ length: 50 }, () => makeReport());
      const answers = await Promise.all(
        instances.flatMap((c) =>
          [1, 2].map(() =>
            fetch(c.ingestUrl, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: JSON.stringify(batch(reports)) }).then((r) => r.json()),
          ),
        ),
      );
      const ids = reports.map((r) => r.id).sort();
      expect(answers.flatMap((a) => a.accepted).sort()).toEqual(ids);
      expect(answers.flatMap((a) => a.duplicate)).toHaveLength(ids.length * 5);
      const [count] = await instances[2]!.db.query<{ n: number }>('SELECT count(*)::int AS n FROM reports');
      expect(count!.n).toBe(50);
      const migrations = await instances[1]!.db.query<{ name: string }>('SELECT name FROM collector_migrations');
      expect(migrations.map((m) => m.name)).toEqual(['001_init.sql']);
    } finally {
      await Promise.all(instances.map((c) => c.close()));
    }
  });
});
