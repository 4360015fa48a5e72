// Sign in: clear errors for a wrong password and an unreachable server; a user of two practices switches between them.
import { expect, signIn, test } from './support/app-fixtures.js';

test('the browser host refuses a page request without the launch secret', async ({ openApp }) => {
  const { page, host } = await openApp();
  const response = await page.request.get(`${host.origin}/`);
  expect(response.status()).toBe(403);
});

test('shows the app name and version from the desktop API, with the demo server prefilled', async ({
  openApp,
  practice,
}) => {
  const { page } = await openApp();
  await expect(page).toHaveTitle('Practice Messenger');
  await expect(page.getByText(/Practice Messenger\s+0\.\d+\.\d+/)).toBeVisible();
  await expect(page.getByLabel('Server')).toHaveValue(practice.url);
});

test('a wrong password says so and signs nobody in', async ({ openApp }) => {
  const { page } = await openApp();
  await page.getByLabel('Email').fill('frontdesk@sunrise.example');
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText(/email or password/i);
  await expect(page.getByRole('button', { name: 'New Message' })).toHaveCount(0);
});

test('an unreachable server says so', async ({ openApp }) => {
  const { page } = await openApp();
  await page.getByLabel('Server').fill('http://127.0.0.1:9');
  await page.getByLabel('Email').fill('frontdesk@sunrise.example');
  await page.getByLabel('Password').fill('demo-password-1');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText(/reach|unreachable|connect/i);
});

test('a user of two practices switches practice, and the inbox follows', async ({ openApp }) => {
  const { page } = await openApp();
  await signIn(page, 'billing@sunrise.example');
  const practice = page.getByRole('combobox', { name: 'Practice' });
  await practice.selectOption({ label: 'Sunrise Family Medicine' });
  await page.getByRole('link', { name: 'Messages' }).click();
  await expect(page.getByText('Lab results for Grace Kim')).toBeVisible();
  await practice.selectOption({ label: 'Lakeside Pediatrics' });
  await page.getByRole('link', { name: 'Messages' }).click();
  await expect(page.getByText('Vaccine billing question')).toBeVisible();
  await expect(page.getByText('Lab results for Grace Kim')).toHaveCount(0);
});
