// Regenerates docs/panel.png (the README screenshot): `npm run build && npx tsx scripts/screenshot.mts`.
import { launch, waitForPanels } from '../tests/e2e/harness';
import { cases } from '../tests/fixtures/cases/chatgpt';
import { asDocument, fixtureHtml } from '../tests/fixtures/load';
const c = cases.find((x) => x.file.includes('2026-09'))!;
const b = await launch();
b.serve(c.url, { body: asDocument(fixtureHtml(c.file)).replace('<body>', '<body style="font-family: system-ui; max-width: 760px; margin: 20px auto;">') });
const { page } = await b.open(c.url);
await page.setViewportSize({ width: 900, height: 900 });
await waitForPanels(page, c.answers.length);
const p = page.locator(`[data-behind-the-answer="${c.answers[0]!.key}"]`);
await page.locator(`[data-behind-the-answer="${c.answers[1]!.key}"]`).getByRole("button", { name: "Good" }).click();
await p.getByRole('button', { name: 'Flag…' }).click();
await p.getByLabel('Made-up source or citation').check();
await p.getByLabel('Comment').fill('The refresh rates are swapped.');
await p.getByText('What will be stored').click();
await p.scrollIntoViewIfNeeded();
await page.screenshot({ path: 'docs/panel.png', fullPage: false });
await b.close();
