import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
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
