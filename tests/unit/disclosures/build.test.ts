/**
 * lib/disclosures/registry.json is what scripts/build-registry.ts builds from ../shared/data/disclosures.
 * Needs ../shared beside the repository, as on CI; the bundled file itself is committed.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildRegistry, REGISTRY_PATH, registryJson } from '../../../scripts/build-registry';

const STALE = 'lib/disclosures/registry.json is stale: run npx tsx scripts/build-registry.ts';

describe('registry.json', () => {
  it('is what scripts/build-registry.ts builds from the shared data', () => {
    const expected = registryJson(buildRegistry());
    const committed = readFileSync(REGISTRY_PATH, 'utf8');
    if (committed === expected) return;
    const a = committed.split('\n');
    const b = expected.split('\n');
    let line = 0;
    while (line < a.length && line < b.length && a[line] === b[line]) line++;
    expect.fail(`${STALE}\n  first difference at line ${line + 1}:\n    file:  ${a[line] ?? '(end)'}\n    built: ${b[line] ?? '(end)'}`);
  });
});
