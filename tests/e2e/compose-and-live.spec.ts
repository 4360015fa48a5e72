// New Message with recipients, patient link and a file; the recipient's window shows it live, with a
// higher unread count and a notification; an 11 MB file is refused at once.
import { expect, test } from './support/app-fixtures.js';
import { messagesSeenBy } from './support/practice-api.js';

test('front desk sends; Dr. Lee sees it arrive live with a notification', async ({ openApp, practice }) => {
  const lee = await openApp({ signInAs: 'dr.lee@sunrise.example' });
  await lee.page.getByRole('link', { name: 'Messages' }).click();
  const leeUnread = lee.page.getByRole('status', { name: /unread/ });
  const before = Number((await leeUnread.getAttribute('aria-label'))?.match(/\d+/)?.[0] ?? '0');

  const desk = await openApp({ signInAs: 'frontdesk@sunrise.example' });
  const page = desk.page;
  await page.getByRole('button', { name: 'New Message' }).first().click();
  await page.getByRole('combobox', { name: 'To' }).fill('Lee');
  await page.getByRole('option', { name: /Daniel Lee/ }).click();
  await page.getByRole('combobox', { name: 'Patient' }).fill('Ana');
  await page.getByRole('option', { name: /Ana Ruiz/ }).click();
  await page.getByLabel('Subject').fill('Room 3 is ready');
  await page.getByLabel('Body').fill('Ana Ruiz is waiting in room 3.');
  await page
    .getByLabel('Attach')
    .setInputFiles({ name: 'intake.txt', mimeType: 'text/plain', buffer: Buffer.from('intake form') });
  await expect(page.getByText('intake.txt').first()).toBeVisible();
  await page.getByRole('button', { name: 'Send' }).click();

  await expect(lee.page.getByText('Room 3 is ready')).toBeVisible();
  await expect(leeUnread).toHaveAccessibleName(`${before + 1} unread messages`);
  await expect.poll(() => lee.notifier.raised.length).toBeGreaterThan(0);
  expect(lee.notifier.raised.at(-1)?.body ?? '').not.toContain('Ana Ruiz');

  await page.getByRole('link', { name: 'Messages' }).click();
  await page.getByRole('tab', { name: 'Sent' }).click();
  await expect(page.getByRole('tabpanel').getByText('Room 3 is ready')).toBeVisible();
  const onServer = (await messagesSeenBy(practice.url, 'dr.lee@sunrise.example')).filter(
    (m) => m.subject === 'Room 3 is ready',
  );
  expect(onServer).toHaveLength(1);
});

test('a file over 10 MiB is refused at once with a clear message', async ({ openApp }) => {
  const { page } = await openApp({ signInAs: 'frontdesk@sunrise.example' });
  await page.getByRole('button', { name: 'New Message' }).first().click();
  await page
    .getByLabel('Attach')
    .setInputFiles({ name: 'scan.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(11 * 1000 * 1000, 1) });
  await expect(page.getByRole('alert')).toContainText(/10 MB|10 MiB/);
  // Named only in the refusal: no chip, nothing staged to send.
  await expect(page.getByText('scan.pdf')).toHaveCount(1);
  await expect(page.getByRole('alert').getByText(/scan\.pdf/)).toHaveCount(1);
});

test('nothing in New Message can address a patient', async ({ openApp }) => {
  const { page } = await openApp({ signInAs: 'frontdesk@sunrise.example' });
  await page.getByRole('button', { name: 'New Message' }).first().click();
  await page.getByRole('combobox', { name: 'To' }).fill('Ana');
  await expect(page.getByRole('option', { name: /Ana Ruiz/ })).toHaveCount(0);
});
