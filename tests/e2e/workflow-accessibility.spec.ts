// The team-workflow screens pass axe-core (no serious or critical violation) in light and dark: the Patient
// Portal queue with a conversation and its bar, a take-over question, receipts, snooze, New Message with
// Urgent and quick text, Message Settings with templates, the Audit view. The README's screenshots of the
// portal queue, receipts and the audit view are taken here.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './support/app-fixtures.js';

const screenshotDir = 'docs/screenshots';

async function expectAccessible(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${screen}: ${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

test('the workflow screens are accessible, in light and dark', async ({ openApp }) => {
  test.setTimeout(240_000);
  const desk = await openApp({ signInAs: 'frontdesk@sunrise.example' });
  const admin = await openApp({ signInAs: 'admin@sunrise.example' });
  for (const scheme of ['light', 'dark'] as const) {
    const page = desk.page;
    for (const p of [page, admin.page]) {
      await p.emulateMedia({ colorScheme: scheme });
      if (scheme === 'dark') await p.reload();
    }
    const shot = (name: string) =>
      scheme === 'light' ? page.screenshot({ path: `${screenshotDir}/${name}.png` }) : Promise.resolve();

    await page.getByRole('link', { name: 'Patient Portal' }).click();
    await page.getByRole('tab', { name: 'All open' }).click();
    await page.getByRole('list', { name: 'All open conversations' }).getByRole('button').first().click();
    const bar = page.getByRole('region', { name: 'Patient Portal conversation' });
    await expect(bar).toBeVisible();
    await expectAccessible(page, `portal queue (${scheme})`);
    await shot('portal-queue');
    const takeOver = bar.getByRole('button', { name: 'Take over' });
    if (await takeOver.count()) {
      await takeOver.click();
      await expect(page.getByRole('alertdialog')).toBeVisible();
      await expectAccessible(page, `take-over question (${scheme})`);
      await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).click();
    }

    await page.getByRole('link', { name: 'Messages' }).click();
    await page.getByRole('tab', { name: 'Sent' }).click();
    await page.getByRole('button', { name: /Patient waiting in room 2/ }).click();
    const pane = page.getByRole('region', { name: 'Message' });
    await expect(pane.getByTestId('receipts')).toContainText('Read by Dr. Daniel Lee');
    await pane.getByRole('button', { name: 'Snooze', exact: true }).click();
    await expect(page.getByRole('group', { name: 'Snooze until' })).toBeVisible();
    await expectAccessible(page, `message with receipts and snooze (${scheme})`);
    await pane.getByRole('button', { name: 'Snooze', exact: true }).click();
    await shot('receipts');

    await page.getByRole('button', { name: 'New Message' }).first().click();
    await page.getByRole('checkbox', { name: 'Urgent' }).check();
    await page.getByLabel('Body').pressSequentially(';Appo');
    await expect(page.getByRole('listbox', { name: 'Quick text suggestions' })).toBeVisible();
    await expectAccessible(page, `new message, urgent, quick text (${scheme})`);
    await page.getByLabel('Body').press('Escape');
    await page.getByRole('button', { name: 'Discard draft' }).click();

    await page.getByRole('button', { name: 'Message Settings' }).click();
    await expect(
      page.getByRole('region', { name: 'Quick text' }).getByRole('list', { name: 'Templates' }),
    ).toBeVisible();
    await expectAccessible(page, `settings with quick text (${scheme})`);

    await admin.page.getByRole('link', { name: 'Audit' }).click();
    await expect(admin.page.getByTestId('audit-row').first()).toBeVisible();
    await expectAccessible(admin.page, `audit (${scheme})`);
    if (scheme === 'light') await admin.page.screenshot({ path: `${screenshotDir}/audit.png` });
    await admin.page.getByRole('link', { name: 'Dashboard' }).click();
  }
});
