// Issue 14 in New Message and Message Settings, through the browser host against the real server: a patient
// typed but not picked (item 1), the subject limit (item 2), To (item 9), Ctrl+Enter (item 10), the email
// alerts notice (item 12).
import type { Page } from '@playwright/test';
import { expect, test } from './support/app-fixtures.js';
import { messagesSeenBy } from './support/practice-api.js';

async function newMessageTo(page: Page, subject: string) {
  await page.getByRole('button', { name: 'New Message' }).click();
  await page.getByRole('combobox', { name: 'To' }).fill('Lee');
  await page.getByRole('option', { name: /Daniel Lee/ }).click();
  await page.getByLabel('Subject').fill(subject);
}

const seenByLee = async (serverUrl: string, subject: string) =>
  (await messagesSeenBy(serverUrl, 'dr.lee@sunrise.example')).filter((m) => m.subject === subject);

test('a patient typed but not picked is linked when one matches, and refused beside the field when none does', async ({
  openApp,
  practice,
}) => {
  const { page } = await openApp({ signInAs: 'frontdesk@sunrise.example' });
  await newMessageTo(page, 'Nobody by that name');
  const patient = page.getByRole('combobox', { name: 'Patient' });
  await patient.fill('Zed Nobody');
  await page.getByRole('button', { name: 'Send' }).click();
  const problem = page.locator('.field').filter({ has: patient }).getByRole('alert');
  await expect(problem).toHaveText(/^No patient matches "Zed Nobody"\./);
  await expect(patient).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('heading', { name: 'New Message' })).toBeVisible();

  await patient.fill('Grace');
  await page.getByLabel('Subject').fill('About Grace');
  // Straight to Send, without picking from the list: the one match is linked and sent with the message.
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('tab', { name: 'Sent', selected: true })).toBeVisible();
  await expect.poll(async () => (await seenByLee(practice.url, 'About Grace')).length).toBe(1);
  const [sent] = await seenByLee(practice.url, 'About Grace');
  expect(sent?.patient?.name).toBe('Grace Kim');
  expect(await seenByLee(practice.url, 'Nobody by that name')).toEqual([]);
});

test('a subject past 255 characters is kept whole, counted and refused, never cut', async ({ openApp, practice }) => {
  const { page } = await openApp({ signInAs: 'frontdesk@sunrise.example' });
  const long = `Insurance ${'x'.repeat(290)}`;
  await newMessageTo(page, long);
  await expect(page.getByLabel('Subject')).toHaveValue(long);
  await expect(page.getByText('300 / 255 characters')).toBeVisible();
  await expect(page.getByRole('alert').first()).toHaveText(
    'The subject is too long: it can have at most 255 characters. Shorten it to send.',
  );
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('heading', { name: 'New Message' })).toBeVisible();
  const short = long.slice(0, 255);
  await page.getByLabel('Subject').fill(short);
  await expect(page.getByText('255 / 255 characters')).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.getByLabel('Body').fill('Within the limit now.');
  await page.getByLabel('Body').press('Control+Enter');
  await expect(page.getByRole('tab', { name: 'Sent', selected: true })).toBeVisible();
  await expect.poll(async () => (await seenByLee(practice.url, short)).length).toBe(1);
});

test('To never offers the signed-in user and says how patients are answered', async ({ openApp }) => {
  const { page } = await openApp({ signInAs: 'frontdesk@sunrise.example' });
  await page.getByRole('button', { name: 'New Message' }).click();
  const to = page.getByRole('combobox', { name: 'To' });
  await to.fill('Frances');
  await expect(page.getByText('That is you: a message goes to someone else.')).toBeVisible();
  await expect(page.getByRole('option', { name: /Frances Delgado/ })).toHaveCount(0);
  await to.fill('Ana Ruiz');
  await expect(
    page.getByText('Patients can only be answered by replying to their Patient Portal message.'),
  ).toBeVisible();
  await expect(page.getByRole('option', { name: /Ana Ruiz/ })).toHaveCount(0);
});

test("Message Settings says when the server can't send email alerts", async ({ openApp }) => {
  const { page } = await openApp({ signInAs: 'frontdesk@sunrise.example' });
  await page.getByRole('link', { name: 'Messages' }).click();
  await page.getByRole('button', { name: 'Message Settings' }).click();
  const email = page.getByRole('checkbox', { name: 'Notifications' });
  await expect(email).toBeVisible();
  // The test server runs without SMTP_URL, as the demo server does.
  const notice = page.getByRole('note');
  await expect(notice).toHaveText(/can.t send email alerts: no mail server is set up/);
  await expect(email).toHaveAttribute('aria-describedby', /setting-email-off/);
});
