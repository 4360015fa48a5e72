// Urgent messages and read receipts, two staff members at once: the sender marks a New Message urgent; the
// recipient gets an urgent alert at once and sees the mark in the list; the sender watches "Not yet read"
// turn into "Read by" live. Reply all reaches everyone on a message.
import { expect, test } from './support/app-fixtures.js';
import { messagesSeenBy } from './support/practice-api.js';

test('an urgent message alerts at once, is marked, and its sender sees who read it, live', async ({ openApp }) => {
  const lee = await openApp({ signInAs: 'dr.lee@sunrise.example' });
  await lee.page.getByRole('link', { name: 'Messages' }).click();
  const desk = await openApp({ signInAs: 'frontdesk@sunrise.example' });
  const page = desk.page;
  await page.getByRole('button', { name: 'New Message' }).first().click();
  for (const name of ['Lee', 'Priya']) {
    await page.getByRole('combobox', { name: 'To' }).fill(name);
    await page.getByRole('option', { name: new RegExp(name) }).click();
  }
  await page.getByLabel('Subject').fill('Patient fell in the waiting room');
  await page.getByLabel('Body').fill('Please come to the waiting room now.');
  await page.getByRole('checkbox', { name: 'Urgent' }).check();
  await page.getByRole('button', { name: 'Send' }).click();

  const row = lee.page.getByTestId('message-row').filter({ hasText: 'Patient fell in the waiting room' });
  await expect(row).toContainText('Urgent');
  await expect.poll(() => lee.notifier.raised.map((n) => n.title)).toContain('Urgent secure message');
  expect(lee.notifier.raised.map((n) => `${n.title} ${n.body}`).join(' ')).not.toContain('waiting room');

  await page.getByRole('tab', { name: 'Sent' }).click();
  await page.getByRole('button', { name: /Patient fell in the waiting room/ }).click();
  const receipts = page.getByRole('region', { name: 'Message' }).getByTestId('receipts');
  await expect(receipts).toHaveText('Not yet read: Dr. Daniel Lee, Priya Shah');
  await row.getByRole('button').click();
  await expect(receipts).toContainText(/^Read by Dr\. Daniel Lee .+ · Not yet read: Priya Shah$/);
});

test('Reply all reaches everyone on the message but you', async ({ openApp, practice }) => {
  const { page } = await openApp({ signInAs: 'dr.lee@sunrise.example' });
  await page.getByRole('link', { name: 'Messages' }).click();
  await page.getByRole('button', { name: /Patient waiting in room 2/ }).click();
  await page.getByRole('radio', { name: 'Reply all' }).check();
  await page.getByRole('textbox', { name: /Reply to/ }).fill('On my way, with Priya copied.');
  await page.getByRole('button', { name: 'Reply' }).click();
  await expect(page.getByRole('list', { name: 'Thread' })).toContainText('On my way, with Priya copied.');
  await expect
    .poll(async () =>
      (await messagesSeenBy(practice.url, 'dr.lee@sunrise.example'))
        .filter((m) => m.body === 'On my way, with Priya copied.')
        .map((m) => m.recipients.map((r) => r.name).sort()),
    )
    .toEqual([['Frances Delgado', 'Priya Shah']]);
});
