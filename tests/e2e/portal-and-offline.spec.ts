// Patient Portal replies reach the patient; offline, the cached inbox stays readable and a reply waits as
// pending, then is delivered exactly once when the server is back.
import { expect, test } from './support/app-fixtures.js';
import { messagesSeenBy, portalMessages, portalSession } from './support/practice-api.js';

test('a reply to a portal message answers the patient', async ({ openApp, practice }) => {
  const { page } = await openApp({ signInAs: 'frontdesk@sunrise.example' });
  await page.getByRole('link', { name: 'Messages' }).click();
  await page.getByRole('button', { name: /Oliver Bennett.*Reschedule my appointment/ }).click();
  await page.getByRole('textbox', { name: /Reply/ }).fill('We can see you Tuesday at 10.');
  await page.getByRole('button', { name: 'Reply' }).click();
  await expect(page.getByRole('region', { name: 'Message' }).getByText('We can see you Tuesday at 10.')).toBeVisible();
  await expect
    .poll(async () =>
      (await messagesSeenBy(practice.url, 'frontdesk@sunrise.example'))
        .filter((m) => m.body === 'We can see you Tuesday at 10.')
        .map((m) => m.recipients.map((r) => r.kind)),
    )
    .toEqual([['patient']]);
  // Ana is a different patient: she must not see Oliver's answer.
  const ana = await portalSession(practice.url, 'ana.ruiz@patient.example');
  expect((await portalMessages(practice.url, ana)).some((m) => m.body.includes('Tuesday at 10'))).toBe(false);
});

test('offline: the inbox stays readable, a reply is pending, then delivered exactly once', async ({
  openApp,
  practice,
}) => {
  const { page } = await openApp({ signInAs: 'frontdesk@sunrise.example' });
  await page.getByRole('link', { name: 'Messages' }).click();
  await expect(page.getByText('Lab results for Grace Kim')).toBeVisible();

  await practice.stop();
  await expect(page.getByText(/offline/i).first()).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: /Lab results for Grace Kim/ }).click();
  await expect(page.getByText('CBC is normal.', { exact: false })).toBeVisible();
  await page.getByRole('textbox', { name: /Reply/ }).fill('Follow-up booked for February.');
  await page.getByRole('button', { name: 'Reply' }).click();
  await expect(page.getByText(/pending/i).first()).toBeVisible();

  await practice.restart();
  await expect(page.getByText(/offline/i)).toHaveCount(0, { timeout: 70_000 });
  await expect
    .poll(
      async () =>
        (await messagesSeenBy(practice.url, 'dr.lee@sunrise.example')).filter(
          (m) => m.body === 'Follow-up booked for February.',
        ).length,
      { timeout: 30_000 },
    )
    .toBe(1);
  await expect(page.getByText(/pending/i)).toHaveCount(0);
});
