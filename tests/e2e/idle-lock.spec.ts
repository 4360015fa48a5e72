// The browser host locks after idle like the Electron app: in Chromium, with the engine's clock moved
// by the test (no waiting out real minutes), the page hides the messages, a data call over the bridge
// is refused, and the password unlocks.
import { ManualClock } from '../support/manual-clock.js';
import { DEMO_PASSWORD, expect, test } from './support/app-fixtures.js';

test('locks after the idle minutes, hides the content, refuses data calls, unlocks with the password', async ({
  openApp,
}) => {
  const clock = new ManualClock();
  const { page, engine, host } = await openApp({ signInAs: 'frontdesk@sunrise.example', clock });
  await engine.handlers.savePreferences({ idleLockMinutes: 1 });
  await page.getByRole('link', { name: 'Messages' }).click();
  await page.getByRole('button', { name: /Please call back Liam Patel/ }).click();
  const subject = page.getByRole('heading', { name: 'Please call back Liam Patel' });
  await expect(subject).toBeVisible();

  // The page's own input reports keep it unlocked: a minute after the last one, it locks.
  await page.keyboard.press('Shift');
  clock.advance(59_000);
  expect(engine.locked).toBe(false);
  clock.advance(60_000);
  await expect(page.getByRole('heading', { name: 'Practice Messenger is locked' })).toBeVisible();
  await expect(subject).toHaveCount(0);
  await expect(page.getByText('Please call back Liam Patel')).toHaveCount(0);

  // Anything on the page asking for data (here a raw bridge call with the launch secret) is refused.
  const refused = await page.evaluate(async (secret) => {
    const socket = new WebSocket(`${location.origin.replace('http', 'ws')}/bridge?secret=${secret}`);
    await new Promise((resolve) => socket.addEventListener('open', resolve, { once: true }));
    return new Promise<unknown>((resolve) => {
      socket.addEventListener('message', (event) => {
        const frame = JSON.parse(String(event.data)) as { type: string; id?: number };
        if (frame.type === 'result' && frame.id === 7) resolve(frame);
      });
      socket.send(JSON.stringify({ type: 'call', id: 7, method: 'getOutbox', args: {} }));
    });
  }, new URL(host.url).searchParams.get('secret'));
  expect(refused).toMatchObject({ ok: false, error: { code: 'locked' } });

  // A reload while locked shows the lock screen again, not the inbox.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Practice Messenger is locked' })).toBeVisible();

  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('alert')).toContainText('not right');
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('heading', { name: 'Practice Messenger is locked' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Messages' }).click();
  await expect(page.getByRole('button', { name: /Please call back Liam Patel/ })).toBeVisible();
});
