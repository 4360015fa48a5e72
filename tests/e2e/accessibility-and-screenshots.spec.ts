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
