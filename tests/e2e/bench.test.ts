/**
 * The benchmark harness on a short run (`--quick`): it produces every figure and its JSON
 * matches the schema. The figures themselves are reported by `npm run bench`, not asserted.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { BenchResultSchema } from '../../bench/schema';

const run = promisify(execFile);

describe('npm run bench', () => {
  it('produces every figure on a short run, as JSON that matches the schema', async () => {
    const { stdout } = await run('npx', ['tsx', 'bench/run.ts', '--quick'], { maxBuffer: 16 * 1024 * 1024 });
    const out = /(\S+\.json) \(/.exec(stdout.trim().split('\n').at(-1) ?? '')?.[1];
    expect(out, `no results file named in:\n${stdout}`).toBeTruthy();
    const result = BenchResultSchema.parse(JSON.parse(readFileSync(out!, 'utf8')));
    expect(result.targets.length).toBeGreaterThanOrEqual(6);
    // The printed table carries the same figures.
    expect(stdout).toContain('Script-time ratio');
  }, 600_000);
});
