// Every main screen passes axe-core with no serious or critical violations; the README's screenshots are taken here.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, signIn, test } from './support/app-fixtures.js';

const screenshotDir = 'docs/screenshots';

async function expectAccessible(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${screen}: ${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

test('every screen is accessible, in light and dark', async ({ openApp }) => {
  test.setTimeout(120_000);
  const { page } = await openApp();
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    if (scheme === 'dark') await page.reload();
    if (scheme === 'light') {
      await expectAccessible(page, 'sign in');
      await page.screenshot({ path: `${screenshotDir}/sign-in.png` });
      await signIn(page, 'frontdesk@sunrise.example');
    }
    await expect(page.getByRole('region', { name: 'To Do' })).toBeVisible();
    await expectAccessible(page, `dashboard (${scheme})`);
    if (scheme === 'light') await page.screenshot({ path: `${screenshotDir}/dashboard.png` });

    await page.getByRole('link', { name: 'Messages' }).click();
    await page.getByRole('button', { name: /Lab results for Grace Kim/ }).click();
    await expect(
      page.getByRole('region', { name: 'Message' }).getByRole('heading', { name: 'Lab results for Grace Kim' }),
    ).toBeVisible();
    await expectAccessible(page, `message (${scheme})`);
    await page.screenshot({ path: `${screenshotDir}/inbox${scheme === 'dark' ? '-dark' : ''}.png` });

    await page.getByRole('button', { name: 'Message Settings' }).click();
    await expect(page.getByRole('checkbox', { name: 'Patient Portal' })).toBeVisible();
    await expectAccessible(page, `settings (${scheme})`);

    await page.getByRole('link', { name: 'Find Documents' }).click();
    await expectAccessible(page, `find documents (${scheme})`);

    await page.getByRole('link', { name: 'Dashboard' }).click();
    await page.getByRole('button', { name: 'New Message' }).click();
    await expect(page.getByLabel('Subject')).toBeVisible();
    await expectAccessible(page, `new message (${scheme})`);
    if (scheme === 'light') {
      await page.getByRole('combobox', { name: 'To' }).fill('Lee');
      await page.getByRole('option', { name: /Daniel Lee/ }).click();
      await page.getByRole('combobox', { name: 'Patient' }).fill('Ana');
      await page.getByRole('option', { name: /Ana Ruiz/ }).click();
      await page.getByLabel('Subject').fill('Ana Ruiz: refill request');
      await page.getByLabel('Body').fill('Ana called about her lisinopril refill. Can you approve it today?');
      await page.getByLabel('Subject').focus();
      await page.screenshot({ path: `${screenshotDir}/new-message.png` });
    }
  }
});

test('what issue 14 added is accessible too: field problems, counters, the outbox, a document preview', async ({
  openApp,
  practice,
}) => {
  test.setTimeout(120_000);
  const { page } = await openApp({ signInAs: 'frontdesk@sunrise.example' });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.getByRole('button', { name: 'New Message' }).click();
    await page.getByRole('combobox', { name: 'To' }).fill('Ana Ruiz');
    await expect(page.getByText(/Patients can only be answered/)).toBeVisible();
    await expectAccessible(page, `To explains patients (${scheme})`);
    await page.getByRole('combobox', { name: 'To' }).fill('Lee');
    await page.getByRole('option', { name: /Daniel Lee/ }).click();
    await page.getByRole('combobox', { name: 'Patient' }).fill('Zed Nobody');
    await page.getByLabel('Subject').fill('s'.repeat(260));
    await page.getByRole('button', { name: 'Send' }).click();
    await expect(page.getByText(/No patient matches/)).toBeVisible();
    await expect(page.getByText('260 / 255 characters')).toBeVisible();
    await expectAccessible(page, `new message problems (${scheme})`);
    await page.getByRole('button', { name: 'Discard draft' }).click();

    await page.getByRole('button', { name: /Lab results for Grace Kim/ }).click();
    await page
      .getByRole('list', { name: 'Referenced records' })
      .getByRole('button', { name: 'Lab results: CBC' })
      .click();
    await expect(page.getByRole('dialog', { name: 'CBC results.pdf' })).toBeVisible();
    await expectAccessible(page, `document preview (${scheme})`);
    await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
    await page.getByRole('button', { name: 'Previous screen' }).click();
  }

  await page.emulateMedia({ colorScheme: 'light' });
  await practice.stop();
  await expect(page.getByTestId('offline-banner')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: /Please call back Liam Patel/ }).click();
  await page.getByRole('textbox', { name: /Reply/ }).fill('Called him back; he will come in Friday.');
  await page.getByRole('button', { name: 'Reply' }).click();
  await page.getByRole('button', { name: 'Outbox: 1 pending' }).click();
  await expect(page.getByRole('list', { name: 'Messages waiting to be sent' }).getByRole('listitem')).toHaveCount(1);
  await expectAccessible(page, 'outbox');
  await page.screenshot({ path: `${screenshotDir}/outbox.png` });
  await practice.restart();
});
