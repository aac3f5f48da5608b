/**
 * Joining a team from a shared link, in Chromium: the options page shows what the
 * configuration sets before anything applies, and afterwards the panel's flag form uses
 * the team's categories and required fields, and reports carry the team.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cases } from '../fixtures/cases/chatgpt';
import { asDocument, fixtureHtml } from '../fixtures/load';
import { teamConfigLink } from '../../lib/team';
import { flagWithRequiredComment, launch, storedReports, waitForPanels, type Browser } from './harness';

const c = cases.find((x) => x.file.includes('2026-09'))!;
const CONFIG = {
  schema: 'behind-the-answer.team/1',
  team: { id: 'newsroom', name: 'Newsroom fact-check' },
  categories: { mode: 'add', items: [{ id: 'wrong-date', label: 'Wrong date or time' }] },
  required: { comment: true },
  reporterId: true,
  locked: ['categories', 'required'],
} as const;

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('a team configuration link', () => {
  it('is confirmed before it applies, then shapes the flag form and the reports', async () => {
    const id = new URL(browser.worker.url()).host;
    const options = await browser.context.newPage();
    await options.goto(teamConfigLink(CONFIG as never, `chrome-extension://${id}/options.html`));
    const join = options.getByRole('button', { name: 'Join Newsroom fact-check' });
    await expect(options.getByRole('group', { name: 'Join Newsroom fact-check?' }).textContent()).resolves.toContain('Wrong date or time');
    // The configuration left the address bar as soon as it was read.
    expect(options.url()).toBe(`chrome-extension://${id}/options.html`);
    await join.click();
    await options.getByText('You joined Newsroom fact-check.').waitFor();

    browser.serve(c.url, { body: asDocument(fixtureHtml(c.file)) });
    const { page } = await browser.open(c.url);
    await waitForPanels(page, c.answers.length);
    const panel = page.locator(`[data-behind-the-answer="${c.answers[0]!.key}"]`);
    await panel.getByRole('button', { name: 'Flag…' }).click();
    await flagWithRequiredComment(panel, 'Wrong date or time', 'The launch was in 1969, not 1968.');

    const [report] = await storedReports(browser.worker);
    expect(report).toMatchObject({ team: 'newsroom', flags: ['wrong-date'], comment: 'The launch was in 1969, not 1968.' });
    expect(report.reporter).toMatch(/^r-[a-z2-7]{20}$/);
  });
});
