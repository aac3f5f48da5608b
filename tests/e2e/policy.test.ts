/**
 * Enterprise policy in real Chromium: the organisation's settings arrive through the browser's
 * own policy files (`/etc/chromium/policies/managed`, the "3rdparty" extension policy) and
 * managed storage, checked against the built managed_schema.json. The options page shows them as
 * set by the organisation, the panel's flag form uses the organisation's categories and required
 * fields, and reports carry its team.
 *
 * Chromium reads policy files at start, so the test learns the extension's id on a first launch,
 * writes the policy, and starts the same profile again. The policy directory belongs to the
 * machine: this test needs to write there (root, or a directory made writable by `.ci/run`) and
 * removes its file afterwards.
 */
import { accessSync, constants, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cases } from '../fixtures/cases/chatgpt';
import { asDocument, fixtureHtml } from '../fixtures/load';
import { flagWithRequiredComment, launch, storedReports, waitForPanels, type Browser } from './harness';

const POLICY_DIR = process.env.CHROMIUM_POLICY_DIR ?? '/etc/chromium/policies/managed';
const POLICY_FILE = join(POLICY_DIR, 'behind-the-answer-e2e.json');

const c = cases.find((x) => x.file.includes('2026-09'))!;
const POLICY = {
  team: { id: 'audit-unit', name: 'Audit unit' },
  categories: { mode: 'replace', items: [{ id: 'unsafe-advice', label: 'Unsafe advice' }, { id: 'made-up-source', label: 'Made-up source' }] },
  required: { comment: true, correction: false, category: true },
};

function writablePolicyDir(): void {
  try {
    mkdirSync(POLICY_DIR, { recursive: true });
    accessSync(POLICY_DIR, constants.W_OK);
  } catch (e) {
    throw new Error(
      `This test writes a Chromium policy file in ${POLICY_DIR} and cannot (${(e as Error).message}). ` +
        `Run it as root, or once: sudo install -d -o "$(id -u)" ${POLICY_DIR} (.ci/run does this).`,
    );
  }
}

let browser: Browser;
beforeAll(async () => {
  writablePolicyDir();
  // A run that died before its cleanup must not leave the policy on every later test's browser.
  rmSync(POLICY_FILE, { force: true });
  const first = await launch();
  const id = new URL(first.worker.url()).host;
  await first.close({ keepProfile: true });
  writeFileSync(POLICY_FILE, JSON.stringify({ '3rdparty': { extensions: { [id]: POLICY } } }));
  browser = await launch({ profile: first.profile });
});
afterAll(async () => {
  rmSync(POLICY_FILE, { force: true });
  await browser?.close();
});

describe('an organisation policy', () => {
  it('is shown as set by the organisation and shapes the flag form and the reports', async () => {
    const id = new URL(browser.worker.url()).host;
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${id}/options.html`);
    await options.getByText('Set by your organisation: flag categories').waitFor();
    // The team's name is markup inside a translated sentence (it once came out empty in Chromium).
    await options.getByText('You are in Audit unit (audit-unit).').waitFor();

    browser.serve(c.url, { body: asDocument(fixtureHtml(c.file)) });
    const { page } = await browser.open(c.url);
    await waitForPanels(page, c.answers.length);
    const panel = page.locator(`[data-behind-the-answer="${c.answers[0]!.key}"]`);
    await panel.getByRole('button', { name: 'Flag…' }).click();
    // "replace": the organisation's categories only.
    await expect(panel.getByRole('checkbox').count()).resolves.toBe(2);
    await flagWithRequiredComment(panel, 'Made-up source', 'The cited paper does not exist.');

    const [report] = await storedReports(browser.worker);
    expect(report).toMatchObject({ team: 'audit-unit', flags: ['made-up-source'], comment: 'The cited paper does not exist.' });
  });
});
