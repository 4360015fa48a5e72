// New messages that start from a document (Find Documents) or an encounter arrive pre-linked; search works on the cache.
import { expect, test } from './support/app-fixtures.js';
import { messagesSeenBy } from './support/practice-api.js';

test('Find Documents: highlight a document, New Message is pre-linked to it', async ({ openApp, practice }) => {
  const { page } = await openApp({ signInAs: 'frontdesk@sunrise.example' });
  await page.getByRole('link', { name: 'Find Documents' }).click();
  await page.getByLabel('Search documents').fill('CBC');
  await page.getByText('CBC results.pdf').first().click();
  await page.getByRole('button', { name: 'New Message' }).click();
  await expect(page.getByLabel('Subject')).toBeVisible();
  await expect(page.getByText(/CBC/).first()).toBeVisible();
  await page.getByRole('combobox', { name: 'To' }).fill('Lee');
  await page.getByRole('option', { name: /Daniel Lee/ }).click();
  await page.getByLabel('Subject').fill('Please review the CBC');
  await page.getByLabel('Body').fill('Results attached.');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect
    .poll(async () =>
      (await messagesSeenBy(practice.url, 'dr.lee@sunrise.example'))
        .filter((m) => m.subject === 'Please review the CBC')
        .map((m) => m.document?.title),
    )
    .toEqual([expect.stringMatching(/CBC/)]);
});

test('an encounter view starts a New Message linked to it', async ({ openApp }) => {
  const { page } = await openApp({ signInAs: 'frontdesk@sunrise.example' });
  await page.getByRole('link', { name: 'Messages' }).click();
  await page.getByRole('button', { name: /Lab results for Grace Kim/ }).click();
  await page.getByRole('list', { name: 'Referenced records' }).getByRole('button', { name: 'Oct 7, 2026' }).click();
  await page.getByRole('button', { name: 'New Message' }).click();
  await expect(page.getByLabel('Subject')).toBeVisible();
  await expect(page.getByText(/Oct 7, 2026|2026-10-07/).first()).toBeVisible();
});

test('search finds cached messages with a snippet', async ({ openApp }) => {
  const { page } = await openApp({ signInAs: 'frontdesk@sunrise.example' });
  await page.getByRole('searchbox', { name: 'Search messages' }).fill('immunization');
  await page.getByRole('searchbox', { name: 'Search messages' }).press('Enter');
  await expect(page.getByText('Please call back Liam Patel').first()).toBeVisible();
  await expect(page.getByText(/immunization/i).first()).toBeVisible();
});
