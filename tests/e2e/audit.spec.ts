// The Audit view in Chromium through the browser host: shown to practice admins only, filtered by action,
// exported as CSV; offline it says it needs the server.
import { readFile } from 'node:fs/promises';
import { expect, test } from './support/app-fixtures.js';

test('a practice admin reads, filters and exports the audit trail; others never see it', async ({
  openApp,
  practice,
}) => {
  const desk = await openApp({ signInAs: 'frontdesk@sunrise.example' });
  await expect(desk.page.getByRole('link', { name: 'Patient Portal' })).toBeVisible();
  await expect(desk.page.getByRole('link', { name: 'Audit' })).toHaveCount(0);

  const { page } = await openApp({ signInAs: 'admin@sunrise.example' });
  await page.getByRole('link', { name: 'Audit' }).click();
  const rows = page.getByTestId('audit-row');
  await expect(rows.first()).toBeVisible();
  await page.getByLabel('Action').selectOption({ label: 'Closed a portal conversation' });
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(rows.first()).toContainText('Closed a portal conversation');
  expect(await rows.allTextContents()).not.toContainEqual(expect.not.stringContaining('Closed a portal conversation'));

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const file = await (await download).path();
  const csv = await readFile(file, 'utf8');
  expect(csv.split(/\r?\n/)[0]).toMatch(/^id,at,practiceId/);
  expect(csv).toContain('portal_closed');
  expect(csv).not.toContain('message_sent');

  await practice.stop();
  await expect(page.getByText(/offline/i).first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('The audit trail is kept on the practice server.', { exact: false })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Show' })).toBeDisabled();
  await practice.restart();
});
