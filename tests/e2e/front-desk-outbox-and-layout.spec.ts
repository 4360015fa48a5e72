// Issue 14 through the browser host against the real server: a reply sent online is never drawn as
// waiting (item 5), an offline reply in a portal thread names the patient and can be cancelled from the
// Outbox, which counts and names only what was sent (items 5, 8), and the 1280x800 layout (item 11).
import type { Page } from '@playwright/test';
import { expect, test } from './support/app-fixtures.js';
import { messagesSeenBy } from './support/practice-api.js';

/** Every item of the top bar sits on one line inside the window, and the user's name is shown whole. */
async function expectTopBarOnOneLine(page: Page, userName: string): Promise<void> {
  const bar = page.getByRole('banner');
  const barBox = (await bar.boundingBox())!;
  const rows = new Set<number>();
  for (const child of await bar.locator(':scope > *').all()) {
    if (!(await child.isVisible())) continue;
    const box = (await child.boundingBox())!;
    rows.add(Math.round(box.y + box.height / 2));
    expect(box.x + box.width).toBeLessThanOrEqual(1280);
  }
  expect(Math.max(...rows) - Math.min(...rows)).toBeLessThanOrEqual(2);
  expect(barBox.height).toBeLessThan(72);
  const name = bar.getByText(userName, { exact: true });
  await expect(name).toBeVisible();
  expect(await name.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  expect(await bar.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
}

/** Records, in the page, whether "Pending: waiting to be delivered" is ever drawn from now on. */
async function watchForPending(page: Page): Promise<() => Promise<boolean>> {
  await page.evaluate(() => {
    const w = window as unknown as { pendingSeen: boolean };
    w.pendingSeen = document.querySelector('[data-testid="delivery-pending"]') !== null;
    new MutationObserver(() => {
      if (document.querySelector('[data-testid="delivery-pending"]')) w.pendingSeen = true;
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  return () => page.evaluate(() => (window as unknown as { pendingSeen: boolean }).pendingSeen);
}

test('online, a reply just sent is never drawn as waiting to be delivered', async ({ openApp, practice }) => {
  const { page } = await openApp({ signInAs: 'frontdesk@sunrise.example' });
  await page.getByRole('link', { name: 'Messages' }).click();
  for (const [i, subject] of ['Lab results for Grace Kim', 'Please call back Liam Patel'].entries()) {
    await page.getByRole('button', { name: new RegExp(subject) }).click();
    const message = page.getByRole('region', { name: 'Message' });
    await expect(message.getByRole('heading', { name: subject })).toBeVisible();
    const pendingSeen = await watchForPending(page);
    const body = `Done, see note ${i + 1}.`;
    await page.getByRole('textbox', { name: /Reply/ }).fill(body);
    await page.getByRole('button', { name: 'Reply' }).click();
    await expect(message.getByRole('listitem').filter({ hasText: body })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Reply sent.' })).toBeVisible();
    expect(await pendingSeen()).toBe(false);
  }
  await page.getByRole('tab', { name: 'Sent' }).click();
  await expect(page.getByRole('tabpanel').getByText('Re: Please call back Liam Patel')).toBeVisible();
  expect(await page.getByTestId('delivery-pending').count()).toBe(0);
  const seen = await messagesSeenBy(practice.url, 'dr.lee@sunrise.example');
  expect(seen.filter((m) => m.body.startsWith('Done, see note'))).toHaveLength(2);
});

test('offline: a portal reply names its patient, the Outbox names and counts it, and Cancel takes it back', async ({
  openApp,
  practice,
}) => {
  const { page } = await openApp({ signInAs: 'frontdesk@sunrise.example' });
  await page.getByRole('link', { name: 'Messages' }).click();
  await expect(page.getByText('Reschedule my appointment')).toBeVisible();
  await practice.stop();
  await expect(page.getByTestId('offline-banner')).toBeVisible({ timeout: 30_000 });

  // Opening the unread portal message queues a "mark read" too; only the reply is counted.
  await page.getByRole('button', { name: /Oliver Bennett.*Reschedule my appointment/ }).click();
  await page.getByRole('textbox', { name: /Reply/ }).fill('Next Tuesday at 10 works.');
  await page.getByRole('button', { name: 'Reply' }).click();
  const pendingReply = page
    .getByRole('list', { name: 'Thread' })
    .getByRole('listitem')
    .filter({ hasText: 'Next Tuesday at 10 works.' });
  await expect(pendingReply.getByTestId('delivery-pending')).toBeVisible();
  const links = pendingReply.getByRole('list', { name: 'Referenced records' });
  await expect(links.getByRole('button', { name: 'Oliver Bennett' })).toBeVisible();

  const outboxButton = page.getByRole('button', { name: 'Outbox: 1 pending' });
  await expect(outboxButton).toBeVisible();
  await outboxButton.click();
  const waiting = page.getByRole('list', { name: 'Messages waiting to be sent' });
  await expect(waiting.getByRole('listitem')).toHaveCount(1);
  await expect(waiting.getByText('Reply to “Reschedule my appointment”')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Other changes to send' })).toContainText('Mark read');
  await page.getByRole('button', { name: 'Cancel Reply to “Reschedule my appointment”' }).click();
  await expect(waiting.getByRole('listitem')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Outbox/ })).toHaveCount(0);

  await practice.restart();
  await expect(page.getByTestId('offline-banner')).toHaveCount(0, { timeout: 70_000 });
  // The mark-read still goes; the cancelled reply never does.
  await expect(page.getByRole('region', { name: 'Other changes to send' })).toHaveCount(0, { timeout: 30_000 });
  const seen = await messagesSeenBy(practice.url, 'frontdesk@sunrise.example');
  expect(seen.filter((m) => m.body === 'Next Tuesday at 10 works.')).toHaveLength(0);
});

test('at 1280x800 the top bar stays on one line with the Outbox showing, and Send is in view', async ({
  openApp,
  practice,
}) => {
  const { page } = await openApp({ signInAs: 'frontdesk@sunrise.example' });
  expect(page.viewportSize()).toEqual({ width: 1280, height: 800 });
  await practice.stop();
  await expect(page.getByTestId('offline-banner')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'New Message' }).click();
  await page.getByRole('combobox', { name: 'To' }).fill('Lee');
  await page.getByRole('option', { name: /Daniel Lee/ }).click();
  await page.getByLabel('Subject').fill('Layout check');
  const send = page.getByRole('button', { name: 'Send' });
  await send.click();
  await expect(page.getByRole('button', { name: 'Outbox: 1 pending' })).toBeVisible();
  await page.getByRole('link', { name: 'Messages' }).click();

  await expectTopBarOnOneLine(page, 'Frances Delgado');
  // Room to spare: the search box (which shrinks to 120 px) can give up the ~55 px an admin's "Audit" link takes.
  expect((await page.getByRole('search').boundingBox())!.width).toBeGreaterThanOrEqual(180);

  // New Message with long content: Send is on screen without scrolling.
  await page.getByRole('button', { name: 'New Message' }).click();
  await page.getByLabel('Body').fill('A long note.\n'.repeat(60));
  const sendBox = (await send.boundingBox())!;
  expect(sendBox.y).toBeGreaterThan(0);
  expect(sendBox.y + sendBox.height).toBeLessThanOrEqual(800);
  await practice.restart();
});
