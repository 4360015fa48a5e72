// The sign-in form refuses a plain-http server on another machine with a clear message (https is
// required there); the demo server on this computer (http on loopback) still signs in.
import { expect, signIn, test } from './support/app-fixtures.js';

test('a plain-http server on another machine is refused on the sign-in form; loopback http signs in', async ({
  openApp,
}) => {
  const { page, engine } = await openApp();
  const demoServer = await page.getByLabel('Server').inputValue();
  await page.getByLabel('Server').fill('http://192.0.2.10:8787');
  await page.getByLabel('Email').fill('frontdesk@sunrise.example');
  await page.getByLabel('Password').fill('demo-password-1');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('This server address is not secure');
  await expect(page.getByRole('alert')).toContainText('https://');
  expect((await engine.handlers.getSession({})).signedIn).toBe(false);

  await page.getByLabel('Server').fill(demoServer);
  await signIn(page, 'frontdesk@sunrise.example');
});
