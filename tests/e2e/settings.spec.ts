// Message Settings are per practice and survive a reload; hiding portal messages takes them out of the inbox.
import { expect, test } from './support/app-fixtures.js';

test('settings saved are seen after a reload, and the Patient Portal setting filters the inbox', async ({
  openApp,
}) => {
  const { page } = await openApp({ signInAs: 'frontdesk@sunrise.example' });
  await page.getByRole('link', { name: 'Messages' }).click();
  await expect(page.getByText('Reschedule my appointment')).toBeVisible();
  await page.getByRole('button', { name: 'Message Settings' }).click();
  const portal = page.getByRole('checkbox', { name: 'Patient Portal' });
  const email = page.getByRole('checkbox', { name: 'Notifications' });
  await expect(portal).toBeChecked();
  await portal.uncheck();
  await email.check();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText(/saved/i)).toBeVisible();

  await page.reload();
  await page.getByRole('link', { name: 'Messages' }).click();
  await expect(page.getByRole('button', { name: /Lab results for Grace Kim/ })).toBeVisible();
  await expect(page.getByText('Reschedule my appointment')).toHaveCount(0);
  await page.getByRole('button', { name: 'Message Settings' }).click();
  await expect(page.getByRole('checkbox', { name: 'Patient Portal' })).not.toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Notifications' })).toBeChecked();
});
