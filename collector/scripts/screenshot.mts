// Regenerates docs/collector.png (the README screenshot of the dashboard):
//   npx tsx collector/scripts/screenshot.mts [--light] [--out=path.png]
// A collector on a temporary embedded database, a few hundred seeded reports delivered through the
// real ingest API, and the dashboard signed in with an admin token in headless Chromium.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { ensureDashboard } from '../src/dashboard-build';
import { startCollector } from '../src/server';
import { batch } from '../tests/reports';
import { seedReports } from './seed';

const light = process.argv.includes('--light');
const out = process.argv.find((a) => a.startsWith('--out='))?.slice(6) ?? 'docs/collector.png';
await ensureDashboard(console.log);
const dir = mkdtempSync(join(tmpdir(), 'bta-collector-shot-'));
const c = await startCollector({ port: 0, dataDir: dir, log: false });
try {
  const ingest = (await c.createToken('ingest', 'newsroom', 'desk')).token;
  const admin = (await c.createToken('admin', 'newsroom', 'editor')).token;
  const reports = seedReports(420, { now: Date.parse('2026-11-23T16:00:00Z'), team: 'newsroom' });
  for (let i = 0; i < reports.length; i += 100) {
    const res = await fetch(c.ingestUrl, {
      method: 'POST',
      headers: { authorization: `Bearer ${ingest}`, 'content-type': 'application/json' },
      body: JSON.stringify(batch(reports.slice(i, i + 100))),
    });
    if (!res.ok) throw new Error(`ingest answered ${res.status}: ${await res.text()}`);
  }
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, colorScheme: light ? 'light' : 'dark', deviceScaleFactor: 1 });
  await page.goto(`${c.url}/?from=2026-10-27&to=2026-11-23`);
  await page.getByLabel('Admin token').fill(admin);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('table').getByRole('row').nth(5).waitFor();
  // Open one flagged report, as someone reading the table would.
  const flagged = page.getByRole('row').filter({ hasText: 'Made-up source' }).first();
  await flagged.getByRole('button').first().click();
  await page.waitForTimeout(300); // charts draw on the next frame; nothing to await on a canvas
  // The page down to the first rows of the table: enough to show every part without a wall of rows.
  const top = await page.evaluate(() => document.querySelector('table')!.getBoundingClientRect().top + scrollY);
  await page.screenshot({ path: out, fullPage: true, clip: { x: 0, y: 0, width: 1280, height: Math.round(top + 700) } });
  await browser.close();
  console.log(`${out}: ${reports.length} reports`);
} finally {
  await c.close();
  rmSync(dir, { recursive: true, force: true });
}
