import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contractSuite } from './contract';

let dir = '';
contractSuite('PGlite (embedded)', {
  async open() {
    dir = mkdtempSync(join(tmpdir(), 'bta-collector-'));
    return { dataDir: dir };
  },
  async cleanup() {
    rmSync(dir, { recursive: true, force: true });
  },
});
