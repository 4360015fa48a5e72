// Reading, flagging and archiving: the unread count follows, flagged messages reach the To Do list, archived ones the Archived tab.
import { expect, test } from './support/app-fixtures.js';

test('opening an unread message shows it whole and lowers the unread count', async ({ openApp }) => {
  const { page } = await openApp({ signInAs: 'frontdesk@sunrise.example' });
  await page.getByRole('link', { name: 'Messages' }).click();
  const unread = page.getByRole('status', { name: /unread/ });
  await expect(unread).toHaveAccessibleName(/^\d+ unread messages$/);
  const before = Number((await unread.getAttribute('aria-label'))?.match(/\d+/)?.[0]);
  expect(before).toBeGreaterThan(1);
  await page.getByRole('button', { name: /Please call back Liam Patel/ }).click();
  const message = page.getByRole('region', { name: 'Message' });
  await expect(message.getByRole('heading', { name: 'Please call back Liam Patel' })).toBeVisible();
  await expect(message.getByText('He asked about his immunization record.', { exact: false }).first()).toBeVisible();
  await expect(unread).toHaveAccessibleName(`${before - 1} unread messages`);
});

test('links open the referenced patient, encounter and document', async ({ openApp }) => {
  const { page } = await openApp({ signInAs: 'frontdesk@sunrise.example' });
  await page.getByRole('link', { name: 'Messages' }).click();
  await page.getByRole('button', { name: /Lab results for Grace Kim/ }).click();
  const references = page.getByRole('list', { name: 'Referenced records' });
  await references.getByRole('button', { name: 'Grace Kim' }).click();
  await expect(page.getByRole('heading', { name: 'Grace Kim' })).toBeVisible();
  await page.getByRole('link', { name: 'Messages' }).click();
  await page.getByRole('button', { name: /Lab results for Grace Kim/ }).click();
  await page.getByRole('list', { name: 'Referenced records' }).getByRole('button', { name: 'Oct 7, 2026' }).click();
  await expect(page.getByRole('heading', { name: /Encounter/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'New Message' }).last()).toBeVisible();
});

test('flag puts a message on the Dashboard To Do list; archive moves it to Archived', async ({ openApp }) => {
  const { page } = await openApp({ signInAs: 'frontdesk@sunrise.example' });
  await page.getByRole('link', { name: 'Messages' }).click();
  await page.getByRole('button', { name: /Please call back Liam Patel/ }).click();
  const message = page.getByRole('region', { name: 'Message' });
  await message.getByRole('button', { name: 'Flag' }).click();
  await expect(message.getByRole('button', { name: 'Unflag' })).toBeVisible();

  await page.getByRole('link', { name: 'Dashboard' }).click();
  const todo = page.getByRole('region', { name: 'To Do' });
  await expect(todo.getByText('Please call back Liam Patel')).toBeVisible();
  await todo.getByText('Please call back Liam Patel').click();
  await expect(
    page.getByRole('region', { name: 'Message' }).getByRole('heading', { name: 'Please call back Liam Patel' }),
  ).toBeVisible();

  await page.getByRole('region', { name: 'Message' }).getByRole('button', { name: 'Archive' }).click();
  await page.getByRole('link', { name: 'Messages' }).click();
  await page.getByRole('tab', { name: 'Inbox' }).click();
  await expect(page.getByRole('tabpanel').getByText('Please call back Liam Patel')).toHaveCount(0);
  await page.getByRole('tab', { name: 'Archived' }).click();
  await expect(page.getByRole('tabpanel').getByText('Please call back Liam Patel')).toBeVisible();
  await expect(page.getByRole('button', { name: /delete/i })).toHaveCount(0);
});
